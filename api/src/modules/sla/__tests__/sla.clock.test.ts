import { describe, expect, it } from 'vitest';
import { addWorkingMinutes, workingMinutesBetween, type BusinessCalendar } from '../sla.clock.js';

const weekdays = (open: string, close: string) => [1, 2, 3, 4, 5].map((day) => ({ day, open, close }));
const jakarta: BusinessCalendar = { timezone: 'Asia/Jakarta', hours: weekdays('09:00', '17:00'), holidays: [] };
const berlin: BusinessCalendar = { timezone: 'Europe/Berlin', hours: weekdays('09:00', '17:00'), holidays: ['2026-12-25'] };
const at = (iso: string) => new Date(iso);

describe('SLA clock', () => {
  it('counts calendar minutes without a calendar', () => {
    expect(addWorkingMinutes(at('2026-11-20T10:00:00Z'), 90, null).toISOString()).toBe('2026-11-20T11:30:00.000Z');
    expect(workingMinutesBetween(at('2026-11-20T10:00:00Z'), at('2026-11-20T11:30:00Z'), null)).toBe(90);
  });

  it('counts only opening hours, in the calendar timezone', () => {
    // Friday 2026-11-20 16:00 in Jakarta (UTC+7) = 09:00Z; 2 business hours → Monday 10:00 local.
    const due = addWorkingMinutes(at('2026-11-20T09:00:00Z'), 120, jakarta);
    expect(due.toISOString()).toBe('2026-11-23T03:00:00.000Z');
    expect(workingMinutesBetween(at('2026-11-20T09:00:00Z'), due, jakarta)).toBe(120);
  });

  it('starts counting at the next opening when created outside hours', () => {
    // Saturday noon Jakarta → Monday 09:00 + 30 min.
    expect(addWorkingMinutes(at('2026-11-21T05:00:00Z'), 30, jakarta).toISOString()).toBe('2026-11-23T02:30:00.000Z');
  });

  it('skips holidays and weekends across the Christmas break', () => {
    // Thursday 2026-12-24 16:00 Berlin (UTC+1); 2h: 1h on Thursday, Friday is a holiday, weekend → Monday 10:00.
    const due = addWorkingMinutes(at('2026-12-24T15:00:00Z'), 120, berlin);
    expect(due.toISOString()).toBe('2026-12-28T09:00:00.000Z');
  });

  it('follows daylight saving changes', () => {
    // Berlin switches to summer time on 2027-03-28; Friday 16:00 CET + 2h → Monday 10:00 CEST = 08:00Z.
    expect(addWorkingMinutes(at('2027-03-26T15:00:00Z'), 120, berlin).toISOString()).toBe('2027-03-29T08:00:00.000Z');
  });

  it('measures negative spans and supports split days', () => {
    const split: BusinessCalendar = { timezone: 'UTC', hours: [{ day: 1, open: '09:00', close: '12:00' }, { day: 1, open: '13:00', close: '17:00' }], holidays: [] };
    expect(addWorkingMinutes(at('2026-11-23T11:00:00Z'), 120, split).toISOString()).toBe('2026-11-23T14:00:00.000Z');
    expect(workingMinutesBetween(at('2026-11-23T14:00:00Z'), at('2026-11-23T11:00:00Z'), split)).toBe(-120);
  });
});
