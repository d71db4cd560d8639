import { DateTime } from 'luxon';
import type { BusinessCalendar } from '../sla/sla.service.js';
import { workingMinutesBetween } from '../sla/sla.service.js';
import type { SlaOutcome } from './ticket-metrics.entity.js';

/** What the computation reads of a ticket. */
export interface MetricsTicket {
  id: string;
  number: number;
  status: string;
  channel: string;
  category: string;
  priority: string;
  assigneeId: string | null;
  customerId: string;
  version: number;
  createdAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
}

/** What the computation reads of an event. */
export interface MetricsEvent {
  type: string;
  internal: boolean;
  payload: { changes?: Array<{ field: string; from: string | null; to: string | null }>; message?: { kind: string } };
}

export interface ComputedMetrics {
  id: string;
  number: number;
  status: string;
  channel: string;
  category: string;
  priority: string;
  assigneeId: string | null;
  customerId: string;
  createdAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  firstResponseMinutes: number | null;
  firstResponseBusinessMinutes: number | null;
  resolutionMinutes: number | null;
  resolutionBusinessMinutes: number | null;
  replies: number;
  internalNotes: number;
  reopens: number;
  assigneeChanges: number;
  slaFirstResponse: SlaOutcome | null;
  slaResolution: SlaOutcome | null;
  createdDay: string;
  createdWeek: string;
  createdWeekday: number;
  createdHour: number;
  resolvedDay: string | null;
  resolvedWeek: string | null;
  ticketVersion: number;
}

const DONE = new Set(['RESOLVED', 'CLOSED']);
const minutes = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 60_000;

/** Local day, Monday of its week, weekday and hour of `at` in `zone`. */
export function localParts(at: Date, zone: string): { day: string; week: string; weekday: number; hour: number } {
  const local = DateTime.fromJSDate(at, { zone });
  return { day: local.toISODate()!, week: local.startOf('week').toISODate()!, weekday: local.weekday, hour: local.hour };
}

function outcome(doneAt: Date | null, due: Date | null, now: Date): SlaOutcome | null {
  if (!due) return null;
  if (doneAt) return doneAt.getTime() <= due.getTime() ? 'MET' : 'BREACHED';
  return now.getTime() > due.getTime() ? 'BREACHED' : 'PENDING';
}

/**
 * A ticket's metrics from the ticket and its events. Calendar times are wall-clock minutes;
 * business times count only the tenant's opening hours (the SLA business calendar), whatever
 * the ticket's policy. Resolution is the current resolution (or closing without one).
 */
export function computeMetrics(t: MetricsTicket, events: MetricsEvent[], cal: BusinessCalendar, now: Date): ComputedMetrics {
  const resolvedAt = DONE.has(t.status) ? (t.resolvedAt ?? t.closedAt) : null;
  let replies = 0;
  let internalNotes = 0;
  let reopens = 0;
  let assigneeChanges = 0;
  for (const e of events) {
    if (e.type === 'MESSAGE_POSTED' && (e.payload.message?.kind ?? 'TEXT') === 'TEXT') {
      if (e.internal) internalNotes++;
      else replies++;
    }
    if (e.type === 'TICKET_ASSIGNED' || e.type === 'TICKET_CLAIMED') assigneeChanges++;
    if (e.type === 'STATUS_CHANGED') {
      const s = e.payload.changes?.find((c) => c.field === 'status');
      if (s && DONE.has(s.from ?? '') && !DONE.has(s.to ?? '')) reopens++;
    }
  }
  let slaFirstResponse = outcome(t.firstResponseAt, t.firstResponseDueAt, now);
  // Done without a staff reply before the due time: nothing was owed any more (as the SLA view says).
  if (slaFirstResponse === 'PENDING' && DONE.has(t.status)) slaFirstResponse = 'MET';
  const created = localParts(t.createdAt, cal.timezone);
  const resolved = resolvedAt ? localParts(resolvedAt, cal.timezone) : null;
  return {
    id: t.id,
    number: t.number,
    status: t.status,
    channel: t.channel,
    category: t.category,
    priority: t.priority,
    assigneeId: t.assigneeId,
    customerId: t.customerId,
    createdAt: t.createdAt,
    firstResponseAt: t.firstResponseAt,
    resolvedAt,
    firstResponseMinutes: t.firstResponseAt ? minutes(t.createdAt, t.firstResponseAt) : null,
    firstResponseBusinessMinutes: t.firstResponseAt ? workingMinutesBetween(t.createdAt, t.firstResponseAt, cal) : null,
    resolutionMinutes: resolvedAt ? minutes(t.createdAt, resolvedAt) : null,
    resolutionBusinessMinutes: resolvedAt ? workingMinutesBetween(t.createdAt, resolvedAt, cal) : null,
    replies,
    internalNotes,
    reopens,
    assigneeChanges,
    slaFirstResponse,
    slaResolution: outcome(resolvedAt, t.resolutionDueAt, now),
    createdDay: created.day,
    createdWeek: created.week,
    createdWeekday: created.weekday,
    createdHour: created.hour,
    resolvedDay: resolved?.day ?? null,
    resolvedWeek: resolved?.week ?? null,
    ticketVersion: t.version,
  };
}
