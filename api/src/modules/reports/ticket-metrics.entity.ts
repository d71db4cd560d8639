import { Entity, Index, Property } from '@mikro-orm/core';
import { TenantOwnedEntity } from '../../platform/db/base.entity.js';

/** Outcome of one SLA clock in the metrics: decided (MET, BREACHED) or still running (PENDING). */
export type SlaOutcome = 'MET' | 'BREACHED' | 'PENDING';

/**
 * One row per ticket, the base of every report. Its id is the ticket's id. Kept current
 * from the ticket event stream (metrics.writer.ts): each committed event recomputes its
 * ticket's row from the ticket and its events, so a row is always a function of the log.
 * Local day, week, weekday and hour are in the tenant's timezone (its business calendar)
 * when the row was written, so buckets and the heatmap group on plain columns in SQL.
 */
@Entity({ tableName: 'ticket_metrics' })
// Covering indexes: every aggregate over a created range (ticketStats cohorts, percentiles,
// breakdowns, agentStats, trafficHeatmap) reads only the first, and every one over a resolved
// range (and the backlog count) only the second, so no statement visits the table rows. The
// narrow (tenant, created) index keeps the connections' (created, id) order without a sort.
@Index({ properties: ['tenantId', 'createdAt'] })
@Index({
  name: 'ticket_metrics_created_cover_index',
  properties: [
    'tenantId', 'createdAt', 'createdDay', 'createdWeek', 'status', 'category', 'priority', 'channel', 'department', 'assigneeId',
    'slaFirstResponse', 'slaResolution', 'reopens', 'resolvedAt', 'csatScore', 'firstResponseMinutes', 'firstResponseBusinessMinutes',
    'resolutionMinutes', 'resolutionBusinessMinutes', 'createdWeekday', 'createdHour',
  ],
})
@Index({
  name: 'ticket_metrics_resolved_cover_index',
  properties: [
    'tenantId', 'resolvedAt', 'createdAt', 'resolvedDay', 'resolvedWeek', 'category', 'priority', 'channel', 'department', 'assigneeId',
    'resolutionMinutes', 'resolutionBusinessMinutes',
  ],
})
@Index({ properties: ['tenantId', 'assigneeId', 'createdAt'] })
export class TicketMetrics extends TenantOwnedEntity<
  | 'firstResponseAt'
  | 'resolvedAt'
  | 'firstResponseMinutes'
  | 'firstResponseBusinessMinutes'
  | 'resolutionMinutes'
  | 'resolutionBusinessMinutes'
  | 'assigneeId'
  | 'slaFirstResponse'
  | 'slaResolution'
  | 'department'
  | 'csatScore'
  | 'resolvedDay'
  | 'resolvedWeek'
> {
  @Property({ type: 'integer' })
  number: number;

  @Property({ type: 'string', length: 16 })
  status: string;

  @Property({ type: 'string', length: 8 })
  channel: string;

  @Property({ type: 'string', length: 16 })
  category: string;

  @Property({ type: 'string', length: 8 })
  priority: string;

  @Property({ type: 'string', length: 36, nullable: true })
  assigneeId: string | null = null;

  @Property({ type: 'string', length: 36 })
  customerId: string;

  @Property({ type: 'Date', length: 3, nullable: true })
  firstResponseAt: Date | null = null;

  @Property({ type: 'Date', length: 3, nullable: true })
  resolvedAt: Date | null = null;

  @Property({ type: 'double', nullable: true })
  firstResponseMinutes: number | null = null;

  @Property({ type: 'double', nullable: true })
  firstResponseBusinessMinutes: number | null = null;

  @Property({ type: 'double', nullable: true })
  resolutionMinutes: number | null = null;

  @Property({ type: 'double', nullable: true })
  resolutionBusinessMinutes: number | null = null;

  /** Public messages (replies of staff and customer), not internal notes. */
  @Property({ type: 'integer' })
  replies: number;

  @Property({ type: 'integer' })
  internalNotes: number;

  @Property({ type: 'integer' })
  reopens: number;

  @Property({ type: 'integer' })
  assigneeChanges: number;

  /** Null when no SLA policy applies. */
  @Property({ type: 'string', length: 8, nullable: true })
  slaFirstResponse: SlaOutcome | null = null;

  @Property({ type: 'string', length: 8, nullable: true })
  slaResolution: SlaOutcome | null = null;

  /** Filled by live chat routing; null for other tickets. */
  @Property({ type: 'string', length: 64, nullable: true })
  department: string | null = null;

  /** Customer satisfaction 1–5 (live chat); null when not rated. */
  @Property({ type: 'smallint', nullable: true })
  csatScore: number | null = null;

  /** Local date of creation, "2026-03-01". */
  @Property({ type: 'string', length: 10 })
  createdDay: string;

  /** Local date of the Monday of the creation week. */
  @Property({ type: 'string', length: 10 })
  createdWeek: string;

  /** ISO weekday of creation, 1 = Monday … 7 = Sunday. */
  @Property({ type: 'smallint' })
  createdWeekday: number;

  @Property({ type: 'smallint' })
  createdHour: number;

  @Property({ type: 'string', length: 10, nullable: true })
  resolvedDay: string | null = null;

  @Property({ type: 'string', length: 10, nullable: true })
  resolvedWeek: string | null = null;

  /** The ticket version this row was computed from (a stale row is recomputed by the sweep). */
  @Property({ type: 'integer' })
  ticketVersion: number;
}
