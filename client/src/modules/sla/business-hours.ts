import type { BusinessCalendarFieldsFragment, BusinessCalendarInput } from '../../generated/graphql';

/** Opening hours per ISO weekday (1 = Monday … 7 = Sunday); a day without windows is closed. */
export type WeekHours = Record<number, Array<{ open: string; close: string }>>;

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const DEFAULT_WINDOW = { open: '09:00', close: '17:00' };

export interface CalendarForm {
  timezone: string;
  week: WeekHours;
  holidays: string[];
}

export function formFromCalendar(calendar: BusinessCalendarFieldsFragment): CalendarForm {
  const week: WeekHours = Object.fromEntries(WEEKDAYS.map((day) => [day, [] as Array<{ open: string; close: string }>]));
  for (const { day, open, close } of calendar.hours) week[day]?.push({ open, close });
  for (const day of WEEKDAYS) week[day].sort((a, b) => a.open.localeCompare(b.open));
  return { timezone: calendar.timezone, week, holidays: [...calendar.holidays].sort() };
}

/**
 * The API input, and where each opening window landed in `hours` (its errors come back as
 * `hours.<index>.open|close`).
 */
export function calendarInput(form: CalendarForm): { input: BusinessCalendarInput; positions: Array<{ day: number; slot: number }> } {
  const hours: BusinessCalendarInput['hours'] = [];
  const positions: Array<{ day: number; slot: number }> = [];
  for (const day of WEEKDAYS) {
    form.week[day].forEach((window, slot) => {
      hours.push({ day, open: window.open, close: window.close });
      positions.push({ day, slot });
    });
  }
  return { input: { timezone: form.timezone, hours, holidays: [...new Set(form.holidays)].sort() }, positions };
}

/** Field errors keyed `<day>.<slot>` for the windows whose close is not after their open. */
export function windowErrors(form: CalendarForm, message: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const day of WEEKDAYS) {
    form.week[day].forEach((window, slot) => {
      if (!/^\d{2}:\d{2}$/.test(window.open) || !/^\d{2}:\d{2}$/.test(window.close) || window.close <= window.open) errors[`${day}.${slot}`] = message;
    });
  }
  return errors;
}

/** The API's `hours.<index>.<field>` errors as `<day>.<slot>` keys of the form. */
export function placeWindowErrors(fields: Record<string, string[]>, positions: Array<{ day: number; slot: number }>): Record<string, string> {
  const placed: Record<string, string> = {};
  for (const [field, messages] of Object.entries(fields)) {
    const match = /^hours\.(\d+)\./.exec(field);
    const position = match ? positions[Number(match[1])] : undefined;
    if (position) placed[`${position.day}.${position.slot}`] = messages.join(', ');
  }
  return placed;
}

/** Monday … Sunday in the UI language. */
export function weekdayName(day: number, locale: string): string {
  // 1 January 2024 was a Monday.
  return new Date(Date.UTC(2024, 0, day)).toLocaleDateString(locale, { weekday: 'long', timeZone: 'UTC' });
}

/** The IANA zones this browser knows, UTC first, with `current` kept even if unknown here. */
export function timezoneOptions(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  return [...new Set(['UTC', current, ...zones].filter(Boolean))];
}

export function formatHoliday(date: string, locale: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? date : parsed.toLocaleDateString(locale, { dateStyle: 'medium', timeZone: 'UTC' });
}
