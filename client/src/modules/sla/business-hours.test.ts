import { describe, expect, it } from 'vitest';
import { calendarInput, formFromCalendar, placeWindowErrors, timezoneOptions, weekdayName, windowErrors } from './business-hours';

const calendar = {
  __typename: 'BusinessCalendar' as const,
  timezone: 'Asia/Jakarta',
  hours: [
    { __typename: 'OpeningHoursType' as const, day: 2, open: '13:00', close: '17:00' },
    { __typename: 'OpeningHoursType' as const, day: 1, open: '09:00', close: '17:00' },
    { __typename: 'OpeningHoursType' as const, day: 2, open: '08:00', close: '12:00' },
  ],
  holidays: ['2030-12-25', '2030-01-01'],
};

describe('business hours form', () => {
  it('groups windows by weekday and gives them back in day order, with where each one went', () => {
    const form = formFromCalendar(calendar);
    expect(form.week[2]).toEqual([
      { open: '08:00', close: '12:00' },
      { open: '13:00', close: '17:00' },
    ]);
    expect(form.week[6]).toEqual([]);
    const { input, positions } = calendarInput({ ...form, holidays: [...form.holidays, '2030-01-01'] });
    expect(input).toEqual({
      timezone: 'Asia/Jakarta',
      hours: [
        { day: 1, open: '09:00', close: '17:00' },
        { day: 2, open: '08:00', close: '12:00' },
        { day: 2, open: '13:00', close: '17:00' },
      ],
      holidays: ['2030-01-01', '2030-12-25'],
    });
    // The API's `hours.2.close` is Tuesday's second window.
    expect(placeWindowErrors({ 'hours.2.close': ['must be after open'], timezone: ['x'] }, positions)).toEqual({ '2.1': 'must be after open' });
  });

  it('flags windows that do not close after they open', () => {
    const form = formFromCalendar({ ...calendar, hours: [{ __typename: 'OpeningHoursType', day: 5, open: '17:00', close: '09:00' }] });
    expect(windowErrors(form, 'bad')).toEqual({ '5.0': 'bad' });
  });

  it('names weekdays in the UI language and offers UTC first', () => {
    expect(weekdayName(1, 'en-US')).toBe('Monday');
    expect(weekdayName(7, 'id-ID')).toBe('Minggu');
    const zones = timezoneOptions('Mars/Olympus');
    expect(zones.slice(0, 2)).toEqual(['UTC', 'Mars/Olympus']);
    expect(zones).toContain('Asia/Jakarta');
  });
});
