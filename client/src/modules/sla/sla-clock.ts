import { SlaState, TicketStatus, type SlaClockFieldsFragment, type TicketSlaFieldsFragment } from '../../generated/graphql';
import type { Translate } from '../../app/i18n';

/**
 * SLA clocks as the screens show them. The API evaluates each clock when a ticket is read
 * (state, due time, working minutes left); between reads the client counts down to `dueAt`
 * itself, so a clock that runs out turns BREACHED on screen without asking the server.
 */

export type SlaClockName = 'firstResponse' | 'resolution';
type Sla = NonNullable<TicketSlaFieldsFragment['sla']>;

export interface SlaTicket {
  status: TicketStatus;
  sla: TicketSlaFieldsFragment['sla'];
}

/** A clock still counts (or is paused) while the API gives minutes left; met and final ones have none. */
export function isPending(clock: SlaClockFieldsFragment | null | undefined): clock is SlaClockFieldsFragment {
  return !!clock && clock.remainingMinutes !== null && clock.state !== SlaState.Met;
}

/** The clock a badge shows: first response while it is pending, else resolution. */
export function badgeClock(sla: Sla | null | undefined): { name: SlaClockName; clock: SlaClockFieldsFragment } | null {
  if (!sla) return null;
  if (isPending(sla.firstResponse)) return { name: 'firstResponse', clock: sla.firstResponse };
  if (sla.resolution) return { name: 'resolution', clock: sla.resolution };
  return sla.firstResponse ? { name: 'firstResponse', clock: sla.firstResponse } : null;
}

export interface SlaView {
  state: SlaState;
  /** Milliseconds until due (negative when overdue); null when nothing counts down any more. */
  remainingMs: number | null;
  /** Counting stopped while the ticket is resolved; the time left stays as it was. */
  paused: boolean;
}

/**
 * What a clock shows at `now`. A running clock counts down to `dueAt` and is BREACHED once it
 * passes, whatever the API said when it was read. A paused resolution clock (ticket resolved)
 * keeps the time left it had; met clocks and final breaches show no countdown.
 */
export function viewClock(clock: SlaClockFieldsFragment, name: SlaClockName, status: TicketStatus, now: number): SlaView {
  if (clock.remainingMinutes === null || clock.state === SlaState.Met) return { state: clock.state, remainingMs: null, paused: false };
  const paused = clock.state === SlaState.Paused || (name === 'resolution' && status === TicketStatus.Resolved);
  if (paused) return { state: clock.state, remainingMs: clock.remainingMinutes * 60_000, paused: true };
  const due = clock.dueAt ? Date.parse(clock.dueAt) : Number.NaN;
  const remainingMs = Number.isFinite(due) ? due - now : clock.remainingMinutes * 60_000;
  return { state: remainingMs <= 0 ? SlaState.Breached : clock.state, remainingMs, paused: false };
}

/** The badge's clock and how it looks at `now`, or null when the ticket has no SLA. */
export function ticketSlaView(ticket: SlaTicket, now: number): (SlaView & { name: SlaClockName; clock: SlaClockFieldsFragment }) | null {
  const chosen = badgeClock(ticket.sla);
  if (!chosen) return null;
  return { ...chosen, ...viewClock(chosen.clock, chosen.name, ticket.status, now) };
}

/**
 * The state the list filters look at, like the API's `slaState` filter: that of the most urgent
 * running clock (paused and finished clocks count as none).
 */
export function runningSlaState(ticket: SlaTicket, now: number): SlaState | null {
  const view = ticketSlaView(ticket, now);
  if (!view || view.remainingMs === null || view.paused) return null;
  return view.state;
}

/** When the most urgent running clock is due (the API's SLA_DUE order), or null. */
export function runningSlaDueAt(ticket: SlaTicket): number | null {
  const view = ticketSlaView(ticket, 0);
  if (!view || view.remainingMs === null || view.paused || !view.clock.dueAt) return null;
  const due = Date.parse(view.clock.dueAt);
  return Number.isFinite(due) ? due : null;
}

export const SLA_COLORS: Record<SlaState, string> = {
  ON_TRACK: 'green',
  AT_RISK: 'orange',
  BREACHED: 'red',
  PAUSED: 'gray',
  MET: 'teal',
};

/** "3d 4h", "2h 14m", "35m": a duration rounded up to the minute. */
export function formatDuration(ms: number, t: Translate): string {
  const minutes = Math.max(1, Math.ceil(Math.abs(ms) / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return t('sla.duration.dh', { d, h });
  if (h > 0) return t('sla.duration.hm', { h, m });
  return t('sla.duration.m', { m });
}

/** "2h 14m left", "overdue 35m", or the state's name when nothing counts down. */
export function countdownText(view: SlaView, t: Translate): string {
  if (view.remainingMs === null) return t(`sla.state.${view.state}`);
  const time = formatDuration(view.remainingMs, t);
  if (view.remainingMs <= 0) return t('sla.overdue', { time });
  return view.paused ? t('sla.leftPaused', { time }) : t('sla.left', { time });
}

/** Hours and minutes as the settings show them: "1h 30m", "45m", "8h". */
export function splitMinutes(total: number): { hours: number; minutes: number } {
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}
