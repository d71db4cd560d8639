import type { FilterQuery } from '@mikro-orm/core';
import { DateTime } from 'luxon';
import { can, Permission } from '../../platform/auth/permissions.js';
import { Role } from '../../platform/auth/principal.js';
import { badInput } from '../../platform/errors.js';
import type { RequestScope } from '../../platform/graphql/caller.js';
import { cursorDate, cursorString, decodeCursor, encodeCursor, forwardPage, pageSize, type Connection } from '../../platform/graphql/pagination.js';
import type { PresenceHistory } from '../presence/presence-history.service.js';
import type { SlaService } from '../sla/sla.service.js';
import { User } from '../user/user.entity.js';
import { MAX_RANGE_DAYS, ReportGroupBy, type ReportFilterInput, type ReportRangeInput, type TicketMetricsFilterInput } from './reports.inputs.js';
import { bucketOfDay, filterDims, percentilesOf, RollupReader, splitRange } from './reports.rollup.js';
import { MetricsSql, num, ratio, TOTAL, type MetricsWhere, type Row } from './reports.sql.js';
import type { Dim } from './rollup.sql.js';
import type { AgentStats, CountByKey, HeatmapCell, TicketMetricsType, TicketStats, TicketStatsBucket } from './reports.types.js';
import { TicketMetrics } from './ticket-metrics.entity.js';

/** The demo tenants' 90 days of history (called by the demo seed). */
export { seedDemoHistory, type DemoPeople } from './demo-history.js';

const DAY_MS = 86_400_000;

export function checkRange(range: ReportRangeInput, field = 'range'): void {
  const from = range.from.getTime();
  const to = range.to.getTime();
  if (Number.isNaN(from) || Number.isNaN(to)) throw badInput({ [`${field}.from`]: ['must be a date'] });
  if (to <= from) throw badInput({ [`${field}.to`]: ['must be after from'] });
  if (to - from > MAX_RANGE_DAYS * DAY_MS) throw badInput({ [`${field}.to`]: [`must be at most ${MAX_RANGE_DAYS} days after from`] });
}

export function toMetricsNode(m: TicketMetrics): TicketMetricsType {
  return { ...m, ticketId: m.id };
}

/**
 * Reports over `ticket_metrics`: the row connection and the aggregates, computed in SQL
 * (counts, sums and window-function percentiles), never by loading the rows. Agents see
 * only the tickets assigned to them; admins and API keys (reports:read) the whole tenant.
 */
export class ReportsService {
  constructor(
    private readonly sla: SlaService,
    private readonly presence?: PresenceHistory,
  ) {}

  /** The filter a caller may use: an agent without reports.view is narrowed to their own tickets. */
  private narrowed(scope: RequestScope, filter: ReportFilterInput | null | undefined): MetricsWhere {
    const p = scope.principal;
    const own = p.role === Role.AGENT && !can(p, Permission.REPORTS_VIEW) ? p.userId : undefined;
    return { tenantId: p.tenantId, ...(filter ?? {}), ...(own ? { assigneeId: own } : {}) };
  }

  async metrics(scope: RequestScope, filter: TicketMetricsFilterInput | null | undefined, first?: number | null, after?: string | null, breachedOnly = false): Promise<Connection<TicketMetricsType>> {
    const limit = pageSize(first, 50);
    if (filter?.range) checkRange(filter.range, 'filter.range');
    const w = this.narrowed(scope, filter);
    const where: FilterQuery<TicketMetrics>[] = [];
    for (const key of ['category', 'priority', 'channel', 'department', 'assigneeId'] as const) if (w[key]) where.push({ [key]: w[key] });
    if (filter?.range) where.push({ createdAt: { $gte: filter.range.from, $lt: filter.range.to } });
    if (breachedOnly) where.push({ $or: [{ slaFirstResponse: 'BREACHED' }, { slaResolution: 'BREACHED' }] });
    const base: FilterQuery<TicketMetrics> = where.length ? { $and: where } : {};
    let page: FilterQuery<TicketMetrics> = base;
    if (after) {
      const [at, id] = decodeCursor(after, 'after', 2);
      const date = cursorDate(at);
      page = { $and: [base, { $or: [{ createdAt: { $gt: date } }, { createdAt: date, id: { $gt: cursorString(id) } }] }] };
    }
    // The count of breaches comes from the daily roll-up, unless it is one agent's (no roll-up column).
    const range = filter?.range;
    const count = breachedOnly && range && !w.assigneeId
      ? this.sla.calendar(scope.em).then((cal) => new RollupReader(new MetricsSql(scope.em), w, splitRange(range, cal.timezone)).breached())
      : scope.em.count(TicketMetrics, base);
    const [rows, totalCount] = await Promise.all([
      scope.em.find(TicketMetrics, page, { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], limit: limit + 1 }),
      count,
    ]);
    return { ...forwardPage(rows, limit, !!after, (m) => ({ node: toMetricsNode(m), cursor: encodeCursor([m.createdAt.toISOString(), m.id]) })), totalCount };
  }

  async ticketStats(scope: RequestScope, range: ReportRangeInput, groupBy: ReportGroupBy, filter: ReportFilterInput | null | undefined, businessHours: boolean): Promise<TicketStats> {
    checkRange(range);
    const w = this.narrowed(scope, filter);
    const q = new MetricsSql(scope.em);
    const cal = await this.sla.calendar(scope.em);
    const dims = filterDims(w);
    // The roll-ups serve the tenant (or one filter value); an agent's tickets and combined filters are counted exactly.
    const parts = !w.assigneeId && dims.length <= 1
      ? await this.statsFromRollups(new RollupReader(q, w, splitRange(range, cal.timezone)), range, groupBy, businessHours, cal.timezone, dims[0] ? [dims[0], String(w[dims[0]])] : ['', null])
      : await this.exactStats(q, w, range, groupBy, businessHours);
    const { byCreated, byResolved, frP, resP, start } = parts;
    const breakdowns = byKeys(parts.breakdown);
    const keyOf = (b: unknown) => (b === TOTAL ? TOTAL : groupBy === ReportGroupBy.MONTH ? `${String(b)}-01` : String(b));
    const created = new Map(byCreated.map((r) => [keyOf(r.b), r]));
    const resolved = new Map(byResolved.map((r) => [keyOf(r.b), num(r.resolved)]));
    const frBy = new Map([...frP].map(([k, v]) => [keyOf(k), v]));
    const resBy = new Map([...resP].map(([k, v]) => [keyOf(k), v]));
    let backlog = start;
    const buckets = bucketKeys(range, groupBy, cal.timezone).map((key) => {
      const c = created.get(key);
      const r = resolved.get(key) ?? 0;
      backlog += num(c?.created) - r;
      return bucketOfRow(key, c, r, backlog, frBy.get(key), resBy.get(key));
    });
    const total = sumRows(byCreated);
    const resolvedTotal = byResolved.reduce((n, r) => n + num(r.resolved), 0);
    const totals = bucketOfRow('total', total, resolvedTotal, backlog, frBy.get(TOTAL), resBy.get(TOTAL));
    return { timezone: cal.timezone, businessHours, buckets, totals, ...breakdowns };
  }

  /** The figures of ticketStats from ticket_metrics (window-function percentiles, exact). */
  private async exactStats(q: MetricsSql, w: MetricsWhere, range: ReportRangeInput, groupBy: ReportGroupBy, businessHours: boolean): Promise<StatsParts> {
    const fr = businessHours ? 'first_response_business_minutes' : 'first_response_minutes';
    const res = businessHours ? 'resolution_business_minutes' : 'resolution_minutes';
    const bucketOf = (day: string, week: string) =>
      groupBy === ReportGroupBy.DAY ? day : groupBy === ReportGroupBy.WEEK ? week : `SUBSTR(${day}, 1, 7)`;
    const createdIn = q.where(w, { column: 'created_at', from: range.from, to: range.to });
    const resolvedIn = q.where(w, { column: 'resolved_at', from: range.from, to: range.to });
    const cohort = `COUNT(*) AS created,
      SUM(CASE WHEN sla_first_response = 'MET' THEN 1 ELSE 0 END) AS fr_met,
      SUM(CASE WHEN sla_first_response IN ('MET', 'BREACHED') THEN 1 ELSE 0 END) AS fr_decided,
      SUM(CASE WHEN sla_resolution = 'MET' THEN 1 ELSE 0 END) AS res_met,
      SUM(CASE WHEN sla_resolution IN ('MET', 'BREACHED') THEN 1 ELSE 0 END) AS res_decided,
      SUM(CASE WHEN reopens > 0 THEN 1 ELSE 0 END) AS reopened,
      SUM(CASE WHEN reopens > 0 OR resolved_at IS NOT NULL THEN 1 ELSE 0 END) AS resolved_once,
      SUM(CASE WHEN resolved_at IS NOT NULL THEN 1 ELSE 0 END) AS resolved_now,
      SUM(csat_score) AS csat_sum, COUNT(csat_score) AS csat_n`;
    const createdBucket = bucketOf('created_day', 'created_week');
    const resolvedBucket = bucketOf('resolved_day', 'resolved_week');
    // Seven statements, one at a time (a report must not take the whole connection pool), each
    // one pass over a covering index: the range totals are the sums of the buckets, and the
    // percentiles of the whole range come from the same window pass as the buckets'.
    const byCreated = await q.all(`SELECT ${createdBucket} AS b, ${cohort} FROM ticket_metrics ${createdIn.sql} GROUP BY ${createdBucket}`, createdIn.params);
    const byResolved = await q.all(`SELECT ${resolvedBucket} AS b, COUNT(*) AS resolved FROM ticket_metrics ${resolvedIn.sql} GROUP BY ${resolvedBucket}`, resolvedIn.params);
    const frP = await q.percentiles(createdBucket, fr, createdIn, true);
    const resP = await q.percentiles(resolvedBucket, res, resolvedIn, true);
    const start = await this.backlogAt(q, w, range.from);
    const breakdown = await q.all(
      `SELECT status AS s, category AS c, priority AS p, channel AS ch, COUNT(*) AS n FROM ticket_metrics ${createdIn.sql} GROUP BY status, category, priority, channel`,
      createdIn.params,
    );
    return { byCreated, byResolved, frP, resP, start, breakdown };
  }

  /** The same figures from the daily roll-ups: five statements over rows per day, not per ticket. */
  private async statsFromRollups(r: RollupReader, range: ReportRangeInput, groupBy: ReportGroupBy, businessHours: boolean, zone: string, [dim, value]: [Dim, string | null]): Promise<StatsParts> {
    const bucket = bucketOfDay(groupBy);
    const created = new Map<string, Record<string, unknown>>();
    const resolved = new Map<string, number>();
    // Independent reads, concurrently where the database has more than one connection (MySQL/MariaDB).
    const [perDay, frRows, resRows, start, breakdown] = await Promise.all([
      r.perDay(),
      r.histogram(businessHours ? 'FRB' : 'FR', dim, value, 'day'),
      r.histogram(businessHours ? 'RESB' : 'RES', dim, value, 'day'),
      r.backlogAtStart(range.from, zone),
      r.breakdown(),
    ]);
    for (const row of perDay) {
      const b = bucket(String(row.day));
      const c = created.get(b) ?? { b };
      for (const [k, v] of Object.entries(row)) if (k !== 'day' && k !== 'resolved') c[k] = num(c[k]) + num(v);
      created.set(b, c);
      resolved.set(b, (resolved.get(b) ?? 0) + num(row.resolved));
    }
    const frP = percentilesOf(frRows, bucket, true);
    const resP = percentilesOf(resRows, bucket, true);
    return { byCreated: [...created.values()], byResolved: [...resolved].map(([b, n]) => ({ b, resolved: n })), frP, resP, start, breakdown };
  }

  /**
   * Open at `at`: created before it and not resolved by then. Two counts, each one range of
   * the resolved index (tenant, resolved_at, created_at): never resolved, and resolved later.
   */
  private async backlogAt(q: MetricsSql, w: MetricsWhere, at: Date): Promise<number> {
    const open = q.where(w, undefined, ['resolved_at IS NULL', 'created_at < ?']);
    const later = q.where(w, undefined, ['resolved_at >= ?', 'created_at < ?']);
    const a = await q.all(`SELECT COUNT(*) AS n FROM ticket_metrics ${open.sql}`, [...open.params, q.date(at)]);
    const b = await q.all(`SELECT COUNT(*) AS n FROM ticket_metrics ${later.sql}`, [...later.params, q.date(at), q.date(at)]);
    return num(a[0]?.n) + num(b[0]?.n);
  }

  async agentStats(scope: RequestScope, range: ReportRangeInput, businessHours: boolean): Promise<AgentStats[]> {
    checkRange(range);
    const w = this.narrowed(scope, null);
    const q = new MetricsSql(scope.em);
    // From the per-agent roll-up and the assignee histograms (resolution filed by creation day).
    const r = new RollupReader(q, w, splitRange(range, (await this.sla.calendar(scope.em)).timezone));
    const rows: Row[] = (await r.agents()).map((row) => ({ ...row, csat: num(row.csat_n) > 0 ? num(row.csat_sum) / num(row.csat_n) : null }));
    const value = w.assigneeId ?? rows.map((row) => String(row.a));
    // Independent reads, concurrently where the database has more than one connection (MySQL/MariaDB).
    const [frRows, resRows, online] = await Promise.all([
      r.histogram(businessHours ? 'FRB' : 'FR', 'assignee', value, 'value'),
      r.histogram(businessHours ? 'RESBC' : 'RESC', 'assignee', value, 'value'),
      this.presence ? this.presence.onlineMinutes(w.tenantId, range.from, range.to, w.assigneeId ?? undefined) : new Map<string, number>(),
    ]);
    const frP = percentilesOf(frRows, (g) => g, false);
    const resP = percentilesOf(resRows, (g) => g, false);
    // Agents who were online in the range without a ticket created in it still get their row.
    for (const id of online.keys()) if (!rows.some((r) => String(r.a) === id)) rows.push({ a: id, n: 0, chats: 0, resolved: 0, met: 0, decided: 0, csat: null });
    const ids = rows.map((r) => String(r.a));
    const users = ids.length ? await scope.em.find(User, { id: { $in: ids } }, { fields: ['id', 'name'] }) : [];
    const names = new Map(users.map((u) => [u.id, u.name]));
    return rows
      .map((r) => {
        const id = String(r.a);
        return {
          agentId: id,
          name: names.get(id) ?? null,
          ticketsHandled: num(r.n),
          chatsHandled: num(r.chats),
          resolved: num(r.resolved),
          firstResponseMedian: frP.get(id)?.median ?? null,
          resolutionMedian: resP.get(id)?.median ?? null,
          slaCompliance: ratio(r.met, r.decided),
          csatAverage: r.csat === null || r.csat === undefined ? null : Number(r.csat),
          onlineMinutes: this.presence ? (online.get(id) ?? 0) : null,
        };
      })
      .sort((a, b) => b.resolved - a.resolved || b.ticketsHandled - a.ticketsHandled || a.agentId.localeCompare(b.agentId));
  }

  async trafficHeatmap(scope: RequestScope, range: ReportRangeInput, filter: ReportFilterInput | null | undefined): Promise<HeatmapCell[]> {
    checkRange(range);
    const q = new MetricsSql(scope.em);
    const w = this.narrowed(scope, filter);
    if (!w.assigneeId && !filterDims(w).length) {
      // The whole tenant: from the hourly roll-up, the weekday being the local day's.
      const r = new RollupReader(q, w, splitRange(range, (await this.sla.calendar(scope.em)).timezone));
      const cells = new Map<string, HeatmapCell>();
      for (const row of await r.hours()) {
        const weekday = DateTime.fromISO(String(row.day), { zone: 'UTC' }).weekday;
        const key = `${weekday}:${num(row.hour)}`;
        const c = cells.get(key) ?? { weekday, hour: num(row.hour), tickets: 0, chats: 0 };
        c.tickets += num(row.tickets);
        c.chats += num(row.chats);
        cells.set(key, c);
      }
      return [...cells.values()].filter((c) => c.tickets > 0).sort((a, b) => a.weekday - b.weekday || a.hour - b.hour);
    }
    const where = q.where(w, { column: 'created_at', from: range.from, to: range.to });
    const rows = await q.all(
      `SELECT created_weekday AS d, created_hour AS h, COUNT(*) AS n, SUM(CASE WHEN channel = 'CHAT' THEN 1 ELSE 0 END) AS chats
       FROM ticket_metrics ${where.sql} GROUP BY created_weekday, created_hour ORDER BY created_weekday, created_hour`,
      where.params,
    );
    return rows.map((r) => ({ weekday: num(r.d), hour: num(r.h), tickets: num(r.n), chats: num(r.chats) }));
  }
}

function bucketOfRow(
  bucket: string,
  c: Record<string, unknown> | undefined,
  resolved: number,
  backlog: number,
  fr: { median: number; p90: number } | undefined,
  res: { median: number; p90: number } | undefined,
): TicketStatsBucket {
  return {
    bucket,
    created: num(c?.created),
    resolved,
    backlog,
    firstResponseMedian: fr?.median ?? null,
    firstResponseP90: fr?.p90 ?? null,
    resolutionMedian: res?.median ?? null,
    resolutionP90: res?.p90 ?? null,
    slaFirstResponseCompliance: ratio(c?.fr_met, c?.fr_decided),
    slaResolutionCompliance: ratio(c?.res_met, c?.res_decided),
    reopenRate: ratio(c?.reopened, c?.resolved_once),
    csatAverage: c && num(c.csat_n) > 0 ? num(c.csat_sum) / num(c.csat_n) : null,
    csatResponseRate: ratio(c?.csat_n, c?.resolved_now),
  };
}

interface StatsParts {
  byCreated: Row[];
  byResolved: Row[];
  frP: Map<string, { median: number; p90: number }>;
  resP: Map<string, { median: number; p90: number }>;
  start: number;
  breakdown: Row[];
}

/** Counts by status, category, priority and channel from one grouping of the four. */
function byKeys(rows: Row[]): Pick<TicketStats, 'byStatus' | 'byCategory' | 'byPriority' | 'byChannel'> {
  const by = (column: 's' | 'c' | 'p' | 'ch'): CountByKey[] => {
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(String(r[column]), (counts.get(String(r[column])) ?? 0) + num(r.n));
    return [...counts].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, count]) => ({ key, count }));
  };
  return { byStatus: by('s'), byCategory: by('c'), byPriority: by('p'), byChannel: by('ch') };
}

/** The cohort of the whole range: the sum of its buckets' counts. */
function sumRows(rows: Array<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, number> = {};
  for (const r of rows) for (const [k, v] of Object.entries(r)) if (k !== 'b') out[k] = (out[k] ?? 0) + num(v);
  return out;
}

/** Every bucket of the range in the tenant's timezone, empty ones included. */
export function bucketKeys(range: ReportRangeInput, groupBy: ReportGroupBy, zone: string): string[] {
  const unit = groupBy === ReportGroupBy.DAY ? 'day' : groupBy === ReportGroupBy.WEEK ? 'week' : 'month';
  const end = DateTime.fromJSDate(range.to, { zone });
  const keys: string[] = [];
  for (let at = DateTime.fromJSDate(range.from, { zone }).startOf(unit); at < end; at = at.plus({ [`${unit}s`]: 1 })) keys.push(at.toISODate()!);
  return keys;
}
