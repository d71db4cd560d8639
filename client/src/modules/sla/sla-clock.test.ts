import { describe, expect, it } from 'vitest';
import { translate } from '../../app/i18n';
import type { SlaClockFieldsFragment, TicketSlaFieldsFragment, TicketStatus } from '../../generated/graphql';
import { badgeClock, countdownText, formatDuration, runningSlaDueAt, runningSlaState, ticketSlaView, viewClock } from './sla-clock';

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('en', key, params);
const tId = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('id', key, params);
const NOW = Date.parse('2030-03-04T10:00:00Z');
const minutes = (n: number) => n * 60_000;
const at = (ms: number) => new Date(ms).toISOString();

function clock(state: SlaClockFieldsFragment['state'], dueInMinutes: number | null, remaining: number | null = dueInMinutes): SlaClockFieldsFragment {
  return { __typename: 'SlaClock', dueAt: dueInMinutes === null ? null : at(NOW + minutes(dueInMinutes)), state, remainingMinutes: remaining };
}

function sla(firstResponse: SlaClockFieldsFragment | null, resolution: SlaClockFieldsFragment | null): NonNullable<TicketSlaFieldsFragment['sla']> {
  return { __typename: 'TicketSla', businessHours: false, firstResponse, resolution };
}

describe('which clock a badge shows', () => {
  it('is first response while it is pending, else resolution', () => {
    expect(badgeClock(sla(clock('ON_TRACK', 30), clock('ON_TRACK', 240)))?.name).toBe('firstResponse');
    expect(badgeClock(sla(clock('MET', 30, null), clock('AT_RISK', 40)))?.name).toBe('resolution');
    // A first response that came late is final: the resolution clock is the one still running.
    expect(badgeClock(sla(clock('BREACHED', -5, null), clock('ON_TRACK', 240)))?.name).toBe('resolution');
    expect(badgeClock(null)).toBeNull();
    expect(badgeClock(sla(null, null))).toBeNull();
  });
});

describe('a clock at a moment', () => {
  it('counts down to its due time, and is breached once it passes, whatever the API said before', () => {
    const running = clock('ON_TRACK', 134);
    expect(viewClock(running, 'firstResponse', 'OPEN', NOW)).toEqual({ state: 'ON_TRACK', remainingMs: minutes(134), paused: false });
    const later = viewClock(running, 'firstResponse', 'OPEN', NOW + minutes(169));
    expect(later).toEqual({ state: 'BREACHED', remainingMs: -minutes(35), paused: false });
    expect(countdownText(viewClock(running, 'firstResponse', 'OPEN', NOW), t)).toBe('2h 14m left');
    expect(countdownText(later, t)).toBe('overdue 35m');
  });

  it('keeps the time left of a paused resolution clock (ticket resolved)', () => {
    const paused = clock('PAUSED', 90, 90);
    const view = viewClock(paused, 'resolution', 'RESOLVED' as TicketStatus, NOW + minutes(500));
    expect(view).toEqual({ state: 'PAUSED', remainingMs: minutes(90), paused: true });
    expect(countdownText(view, t)).toBe('1h 30m left (paused)');
    // Overdue when it was paused: still breached, and the overdue time does not grow.
    const late = viewClock(clock('BREACHED', -20, -20), 'resolution', 'RESOLVED' as TicketStatus, NOW + minutes(500));
    expect(countdownText(late, t)).toBe('overdue 20m');
  });

  it('shows met and final clocks without a countdown', () => {
    const met = viewClock(clock('MET', 10, null), 'firstResponse', 'OPEN', NOW);
    expect(met).toEqual({ state: 'MET', remainingMs: null, paused: false });
    expect(countdownText(met, t)).toBe('Met');
    expect(countdownText(viewClock(clock('BREACHED', -10, null), 'resolution', 'CLOSED' as TicketStatus, NOW), t)).toBe('Breached');
  });
});

describe('durations', () => {
  it('round up to the minute and read in days, hours and minutes', () => {
    expect(formatDuration(20_000, t)).toBe('1m');
    expect(formatDuration(minutes(59), t)).toBe('59m');
    expect(formatDuration(minutes(60), t)).toBe('1h 0m');
    expect(formatDuration(minutes(3 * 1440 + 4 * 60 + 5), t)).toBe('3d 4h');
    expect(formatDuration(-minutes(35), t)).toBe('35m');
  });

  it('use Indonesian units in Indonesian', () => {
    expect(formatDuration(minutes(134), tId)).toBe('2j 14m');
    expect(formatDuration(minutes(2 * 1440 + 60), tId)).toBe('2h 1j');
    expect(countdownText({ state: 'BREACHED', remainingMs: -minutes(35), paused: false }, tId)).toBe('terlambat 35m');
  });
});

describe('what the list filters and orders see', () => {
  const ticket = (status: TicketStatus, first: SlaClockFieldsFragment | null, resolution: SlaClockFieldsFragment | null) => ({ status, sla: sla(first, resolution) });

  it('is the most urgent running clock, like the API', () => {
    const open = ticket('OPEN', clock('AT_RISK', 5), clock('ON_TRACK', 240));
    expect(runningSlaState(open, NOW)).toBe('AT_RISK');
    expect(runningSlaState(open, NOW + minutes(6))).toBe('BREACHED');
    expect(runningSlaDueAt(open)).toBe(NOW + minutes(5));
    expect(ticketSlaView(open, NOW)?.name).toBe('firstResponse');
  });

  it('is nothing for paused, finished or missing clocks', () => {
    expect(runningSlaState(ticket('RESOLVED', clock('MET', 5, null), clock('PAUSED', 60)), NOW)).toBeNull();
    expect(runningSlaDueAt(ticket('RESOLVED', clock('MET', 5, null), clock('PAUSED', 60)))).toBeNull();
    expect(runningSlaState(ticket('CLOSED', clock('MET', 5, null), clock('MET', 60, null)), NOW)).toBeNull();
    expect(runningSlaState({ status: 'OPEN', sla: null }, NOW)).toBeNull();
  });
});
