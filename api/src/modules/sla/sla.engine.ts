import { registerEnumType } from 'type-graphql';
import { TicketStatus } from '../ticket/ticket.enums.js';
import { SLA_NEVER, type Ticket } from '../ticket/ticket.entity.js';
import { addWorkingMinutes, workingMinutesBetween, type BusinessCalendar } from './sla.clock.js';
import type { SlaPolicy } from './sla.entity.js';

export enum SlaState {
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  BREACHED = 'BREACHED',
  MET = 'MET',
  PAUSED = 'PAUSED',
}
registerEnumType(SlaState, { name: 'SlaState', description: 'AT_RISK: 80% of the time is used.' });

export type SlaClockName = 'FIRST_RESPONSE' | 'RESOLUTION';
export const AT_RISK_SHARE = 0.8;
const NOTIFIED = { FIRST_RESPONSE: 1, RESOLUTION: 2 } as const;
const ACTIVE = new Set([TicketStatus.OPEN, TicketStatus.IN_PROGRESS]);

const min = (dates: Array<Date | null | undefined>): Date =>
  dates.reduce<Date>((a, d) => (d && d.getTime() < a.getTime() ? d : a), SLA_NEVER);

const calendarFor = (t: Ticket, cal: BusinessCalendar | null) => (t.slaBusinessHours ? cal : null);
const firstResponsePending = (t: Ticket) => !!t.firstResponseDueAt && !t.firstResponseAt && ACTIVE.has(t.status);
const resolutionPending = (t: Ticket) => !!t.resolutionDueAt && ACTIVE.has(t.status) && !t.slaPausedAt;

/** Copies the policy's targets onto the ticket and computes every due time from scratch. */
export function applyPolicy(t: Ticket, policy: SlaPolicy | null, cal: BusinessCalendar | null, now: Date): void {
  t.slaPolicyId = policy?.id ?? null;
  t.slaBusinessHours = policy?.businessHours ?? false;
  t.slaFirstResponseMinutes = policy?.firstResponseMinutes ?? null;
  t.slaResolutionMinutes = policy?.resolutionMinutes ?? null;
  computeDueTimes(t, cal, now);
}

export function computeDueTimes(t: Ticket, cal: BusinessCalendar | null, now: Date): void {
  const c = calendarFor(t, cal);
  const fr = t.slaFirstResponseMinutes;
  const res = t.slaResolutionMinutes;
  t.firstResponseDueAt = fr === null ? null : addWorkingMinutes(t.createdAt, fr, c);
  t.firstResponseAtRiskAt = fr === null ? null : addWorkingMinutes(t.createdAt, fr * AT_RISK_SHARE, c);
  t.resolutionDueAt = res === null ? null : addWorkingMinutes(t.createdAt, res + t.slaPausedMinutes, c);
  t.resolutionAtRiskAt = res === null ? null : addWorkingMinutes(t.createdAt, res * AT_RISK_SHARE + t.slaPausedMinutes, c);
  reindex(t, cal, now);
}

/** The resolution clock is paused while the ticket is RESOLVED, or open in a status that pauses the SLA. */
const pausing = (t: Ticket) => t.status === TicketStatus.RESOLVED || (ACTIVE.has(t.status) && t.statusPausesSla);

/**
 * Status changes: RESOLVED, or a status that pauses the SLA ("Waiting on customer"), pauses
 * the resolution clock; leaving it resumes the clock where it stopped (the paused time added).
 */
export function onStatusChange(t: Ticket, cal: BusinessCalendar | null, now: Date): void {
  if (pausing(t) && !t.slaPausedAt) t.slaPausedAt = now;
  else if (!pausing(t) && t.slaPausedAt) {
    t.slaPausedMinutes += Math.max(0, workingMinutesBetween(t.slaPausedAt, now, calendarFor(t, cal)));
    t.slaPausedAt = null;
    computeDueTimes(t, cal, now);
    return;
  }
  reindex(t, cal, now);
}

/** The escalation level a ticket should have at `now`. */
export function targetLevel(t: Ticket, cal: BusinessCalendar | null, now: Date): number {
  let level = t.escalationLevel;
  if (firstResponsePending(t) && now >= t.firstResponseDueAt!) level = Math.max(level, 1);
  if (resolutionPending(t) && now >= t.resolutionDueAt!) {
    const overdue = workingMinutesBetween(t.resolutionDueAt!, now, calendarFor(t, cal));
    level = Math.max(level, 2 + Math.floor(overdue / Math.max(1, t.slaResolutionMinutes!)));
  }
  return level;
}

/** Clocks that just went at risk and have not been announced yet. */
export function newlyAtRisk(t: Ticket, now: Date): SlaClockName[] {
  const out: SlaClockName[] = [];
  if (firstResponsePending(t) && !(t.slaNotified & NOTIFIED.FIRST_RESPONSE) && now >= t.firstResponseAtRiskAt! && now < t.firstResponseDueAt!) {
    out.push('FIRST_RESPONSE');
  }
  if (resolutionPending(t) && !(t.slaNotified & NOTIFIED.RESOLUTION) && now >= t.resolutionAtRiskAt! && now < t.resolutionDueAt!) {
    out.push('RESOLUTION');
  }
  return out;
}

export function markNotified(t: Ticket, clock: SlaClockName): void {
  t.slaNotified |= NOTIFIED[clock];
}

/** Refreshes the columns the list filters and the escalation worker read. */
export function reindex(t: Ticket, cal: BusinessCalendar | null, now: Date): void {
  const fr = firstResponsePending(t);
  const res = resolutionPending(t);
  t.slaDueAt = min([fr ? t.firstResponseDueAt : null, res ? t.resolutionDueAt : null]);
  t.slaAtRiskAt = min([fr ? t.firstResponseAtRiskAt : null, res ? t.resolutionAtRiskAt : null]);
  let nextStep: Date | null = null;
  if (res) {
    const steps = Math.max(0, t.escalationLevel - 1); // level 2 is reached at the due time, then one level per period
    nextStep = t.escalationLevel < 2 ? t.resolutionDueAt! : addWorkingMinutes(t.resolutionDueAt!, steps * t.slaResolutionMinutes!, calendarFor(t, cal));
  }
  const candidates = [
    fr && !(t.slaNotified & NOTIFIED.FIRST_RESPONSE) ? t.firstResponseAtRiskAt : null,
    fr && t.escalationLevel < 1 ? t.firstResponseDueAt : null,
    res && !(t.slaNotified & NOTIFIED.RESOLUTION) ? t.resolutionAtRiskAt : null,
    nextStep,
  ];
  const next = min(candidates);
  t.slaNextCheckAt = next.getTime() < now.getTime() ? now : next;
}

export interface SlaClockView {
  dueAt: Date | null;
  state: SlaState;
  remainingMinutes: number | null;
}

/** One clock's state for display. */
export function clockView(t: Ticket, clock: SlaClockName, cal: BusinessCalendar | null, now: Date): SlaClockView | null {
  const c = calendarFor(t, cal);
  const due = clock === 'FIRST_RESPONSE' ? t.firstResponseDueAt : t.resolutionDueAt;
  const total = clock === 'FIRST_RESPONSE' ? t.slaFirstResponseMinutes : t.slaResolutionMinutes;
  if (!due || total === null) return null;
  const doneAt = clock === 'FIRST_RESPONSE' ? t.firstResponseAt : (t.resolvedAt ?? t.closedAt);
  if (clock === 'FIRST_RESPONSE' ? !!doneAt : t.status === TicketStatus.CLOSED) {
    const met = !!doneAt && doneAt.getTime() <= due.getTime();
    return { dueAt: due, state: met ? SlaState.MET : SlaState.BREACHED, remainingMinutes: null };
  }
  if (clock === 'RESOLUTION' && t.slaPausedAt) {
    const left = Math.round(workingMinutesBetween(t.slaPausedAt, due, c));
    return { dueAt: due, state: left < 0 ? SlaState.BREACHED : SlaState.PAUSED, remainingMinutes: left };
  }
  if (clock === 'FIRST_RESPONSE' && !ACTIVE.has(t.status)) return { dueAt: due, state: SlaState.MET, remainingMinutes: null };
  const remaining = workingMinutesBetween(now, due, c);
  const state = remaining <= 0 ? SlaState.BREACHED : remaining <= total * (1 - AT_RISK_SHARE) ? SlaState.AT_RISK : SlaState.ON_TRACK;
  return { dueAt: due, state, remainingMinutes: Math.round(remaining) };
}
