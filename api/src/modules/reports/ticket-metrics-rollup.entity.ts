import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/*
 * Daily roll-ups of `ticket_metrics`, kept by the metrics writer in the same transaction as
 * the rows (rollup.sql.ts: each change subtracts the old row's contribution and adds the new
 * one, as increments). Keyed by tenant first (the primary key, so a range of days is one
 * clustered range), read only through raw SQL with the tenant predicate from the principal.
 * A "day" is the tenant's local day, as on the metrics rows. Counts of a day may be zero
 * (every ticket of it moved away); the readers sum, so such rows change nothing.
 */

/** Per local day and filter dimension (category, priority, channel, department, status). */
@Entity({ tableName: 'ticket_metrics_daily' })
export class TicketMetricsDaily {
  @PrimaryKey({ type: 'string', length: 36 })
  tenantId: string;

  @PrimaryKey({ type: 'string', length: 10 })
  day: string;

  @PrimaryKey({ type: 'string', length: 16 })
  category: string;

  @PrimaryKey({ type: 'string', length: 8 })
  priority: string;

  @PrimaryKey({ type: 'string', length: 8 })
  channel: string;

  /** '' for tickets without a department. */
  @PrimaryKey({ type: 'string', length: 64 })
  department: string;

  @PrimaryKey({ type: 'string', length: 16 })
  status: string;

  /** Created on this day (and the cohort counts below, of these tickets). */
  @Property({ type: 'integer' })
  created: number;

  @Property({ type: 'integer' })
  frMet: number;

  @Property({ type: 'integer' })
  frDecided: number;

  @Property({ type: 'integer' })
  resMet: number;

  @Property({ type: 'integer' })
  resDecided: number;

  @Property({ type: 'integer' })
  reopened: number;

  @Property({ type: 'integer' })
  resolvedOnce: number;

  @Property({ type: 'integer' })
  resolvedNow: number;

  @Property({ type: 'integer' })
  csatSum: number;

  @Property({ type: 'integer' })
  csatN: number;

  /** Created this day with the first response or the resolution SLA breached (slaBreaches' count). */
  @Property({ type: 'integer', default: 0 })
  breached: number;

  /** Resolved on this day (by resolution time). */
  @Property({ type: 'integer' })
  resolved: number;
}

/** Per local day and assignee, for the agent leaderboard (tickets created on the day). */
@Entity({ tableName: 'ticket_metrics_agent_daily' })
export class TicketMetricsAgentDaily {
  @PrimaryKey({ type: 'string', length: 36 })
  tenantId: string;

  @PrimaryKey({ type: 'string', length: 10 })
  day: string;

  @PrimaryKey({ type: 'string', length: 36 })
  assigneeId: string;

  @Property({ type: 'integer' })
  handled: number;

  @Property({ type: 'integer' })
  chats: number;

  @Property({ type: 'integer' })
  resolvedNow: number;

  /** Met clocks (first response and resolution together), and decided ones. */
  @Property({ type: 'integer' })
  met: number;

  @Property({ type: 'integer' })
  decided: number;

  @Property({ type: 'integer' })
  csatSum: number;

  @Property({ type: 'integer' })
  csatN: number;
}

/** Tickets and chats per local day and hour of creation (the heatmap). */
@Entity({ tableName: 'ticket_metrics_hourly' })
export class TicketMetricsHourly {
  @PrimaryKey({ type: 'string', length: 36 })
  tenantId: string;

  @PrimaryKey({ type: 'string', length: 10 })
  day: string;

  @PrimaryKey({ type: 'smallint' })
  hour: number;

  @Property({ type: 'integer' })
  tickets: number;

  @Property({ type: 'integer' })
  chats: number;
}

/**
 * Value histograms of the response and resolution times (calendar and business minutes), per
 * local day, for the whole tenant (dim '') and per single filter value (dim 'category',
 * 'priority', 'channel', 'department', 'assignee'). Log-scaled buckets: bucket b holds values x
 * with 1.05^b ≤ 1 + x < 1.05^(b+1); `total` is the sum of the values, so a bucket's mean lies
 * in it and a percentile read from it is within 5% of (1 + the exact value) minutes.
 */
@Entity({ tableName: 'ticket_metrics_histogram' })
export class TicketMetricsHistogram {
  @PrimaryKey({ type: 'string', length: 36 })
  tenantId: string;

  /** FR, FRB (first response, by creation day), RES, RESB (by resolution day), RESC, RESBC (resolution by creation day). */
  @PrimaryKey({ type: 'string', length: 8 })
  measure: string;

  @PrimaryKey({ type: 'string', length: 12 })
  dim: string;

  @PrimaryKey({ type: 'string', length: 64 })
  value: string;

  @PrimaryKey({ type: 'string', length: 10 })
  day: string;

  @PrimaryKey({ type: 'smallint' })
  bucket: number;

  @Property({ type: 'integer' })
  n: number;

  @Property({ type: 'double' })
  total: number;
}
