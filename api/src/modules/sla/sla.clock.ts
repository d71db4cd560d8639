import { DateTime } from 'luxon';

/** Opening hours for one ISO weekday (1 = Monday … 7 = Sunday), local to the calendar's timezone. */
export interface OpeningHours {
  day: number;
  open: string; // "09:00"
  close: string; // "17:30"
}

export interface BusinessCalendar {
  timezone: string;
  hours: OpeningHours[];
  /** Local dates ("2026-12-25") with no business hours. */
  holidays: string[];
}

const MAX_DAYS = 3 * 366;
const MINUTE = 60_000;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

export function isValidTimezone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}

/** Business windows [from, to] (epoch ms) from the local day of `start` on, clipped to start at `start`. */
function* windows(start: number, cal: BusinessCalendar): Generator<[number, number]> {
  const holidays = new Set(cal.holidays);
  let day = DateTime.fromMillis(start, { zone: cal.timezone }).startOf('day');
  for (let i = 0; i < MAX_DAYS; i++, day = day.plus({ days: 1 })) {
    if (holidays.has(day.toISODate()!)) continue;
    for (const h of cal.hours.filter((x) => x.day === day.weekday).sort((a, b) => minutesOf(a.open) - minutesOf(b.open))) {
      const from = day.plus({ minutes: minutesOf(h.open) }).toMillis();
      const to = day.plus({ minutes: minutesOf(h.close) }).toMillis();
      if (to <= start || to <= from) continue;
      yield [Math.max(from, start), to];
    }
  }
}

const hasHours = (cal: BusinessCalendar | null): cal is BusinessCalendar =>
  !!cal && cal.hours.some((h) => minutesOf(h.close) > minutesOf(h.open));

/**
 * The moment `minutes` of working time after `start`: calendar time without a calendar,
 * business time (opening hours, weekends and holidays skipped, in the calendar's zone) with one.
 */
export function addWorkingMinutes(start: Date, minutes: number, cal: BusinessCalendar | null): Date {
  if (!hasHours(cal) || minutes <= 0) return new Date(start.getTime() + minutes * MINUTE);
  let left = minutes * MINUTE;
  for (const [from, to] of windows(start.getTime(), cal)) {
    if (to - from >= left) return new Date(from + left);
    left -= to - from;
  }
  throw new Error('Business calendar has no opening hours within three years');
}

/** Working minutes from `a` to `b` (negative when `b` is before `a`). */
export function workingMinutesBetween(a: Date, b: Date, cal: BusinessCalendar | null): number {
  if (b.getTime() < a.getTime()) return -workingMinutesBetween(b, a, cal);
  if (!hasHours(cal)) return (b.getTime() - a.getTime()) / MINUTE;
  let total = 0;
  for (const [from, to] of windows(a.getTime(), cal)) {
    if (from >= b.getTime()) break;
    total += Math.min(to, b.getTime()) - from;
  }
  return total / MINUTE;
}
