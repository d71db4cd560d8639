import { DateTime } from 'luxon';
import { ReportGroupBy, type ReportRangeInput } from './reports.inputs.js';
import { num, TOTAL, type MetricsSql, type MetricsWhere, type Row } from './reports.sql.js';
import { agentRows, AGENT_DAILY, bucketSql, DAILY, dailyRows, DIMS, HOURLY, hourlyRows, MEASURES, type Dim, type Measure, type Where } from './rollup.sql.js';

/**
 * Aggregates read from the daily roll-ups (rollup.sql.ts) for the whole local days of the
 * range, plus the same contributions computed from `ticket_metrics` for the partial days at
 * its ends (a range that does not start or end at a local midnight), so the figures keep the
 * exact definitions. Percentiles come from the log-bucket histograms: a bucket's mean stands
 * for its values, within 5% of (1 + the exact value) minutes.
 */

/** The whole local days of a range, [fromDay, toDay), and the partial intervals around them. */
export interface Split {
  days: { from: string; to: string } | null;
  partial: Array<{ from: Date; to: Date }>;
}

export function splitRange(range: ReportRangeInput, zone: string): Split {
  const f = DateTime.fromJSDate(range.from, { zone });
  const t = DateTime.fromJSDate(range.to, { zone });
  const firstWhole = f.toMillis() === f.startOf('day').toMillis() ? f : f.startOf('day').plus({ days: 1 });
  const endWhole = t.startOf('day');
  if (endWhole.toMillis() <= firstWhole.toMillis()) return { days: null, partial: [{ from: range.from, to: range.to }] };
  const partial: Split['partial'] = [];
  if (f.toMillis() < firstWhole.toMillis()) partial.push({ from: range.from, to: firstWhole.toJSDate() });
  if (endWhole.toMillis() < t.toMillis()) partial.push({ from: endWhole.toJSDate(), to: range.to });
  return { days: { from: firstWhole.toISODate()!, to: endWhole.toISODate()! }, partial };
}

const FILTERS = [['category', 'category'], ['priority', 'priority'], ['channel', 'channel'], ['department', 'department']] as const;

/** The filter dimensions set (category, priority, channel, department). */
export const filterDims = (w: MetricsWhere): Array<(typeof FILTERS)[number][0]> => FILTERS.filter(([k]) => !!w[k]).map(([k]) => k);

export class RollupReader {
  constructor(
    private readonly q: MetricsSql,
    private readonly w: MetricsWhere,
    private readonly split: Split,
  ) {}

  /** A roll-up table's rows of the whole days (and the filters it has columns for). */
  private rollup(table: string, cols: string[], filters: boolean, extra: string[] = [], extraParams: unknown[] = []): Where | null {
    if (!this.split.days) return null;
    const parts = ['tenant_id = ?', 'day >= ?', 'day < ?'];
    const params: unknown[] = [this.w.tenantId, this.split.days.from, this.split.days.to];
    if (filters) {
      for (const [k, c] of FILTERS) {
        if (!this.w[k]) continue;
        parts.push(`${c} = ?`);
        params.push(this.w[k]);
      }
    }
    return { sql: `SELECT ${cols.join(', ')} FROM ${table} WHERE ${[...parts, ...extra].join(' AND ')}`, params: [...params, ...extraParams] };
  }

  /** ticket_metrics rows of the partial intervals by `column` (and every filter), or null when the range is whole days. */
  partialWhere(column: string, intervals = this.split.partial): Where | null {
    if (!intervals.length) return null;
    const base = this.q.where(this.w);
    return {
      sql: `${base.sql} AND (${intervals.map(() => `(${column} >= ? AND ${column} < ?)`).join(' OR ')})`,
      params: [...base.params, ...intervals.flatMap((i) => [this.q.date(i.from), this.q.date(i.to)])],
    };
  }

  private union(...parts: Array<Where | null>): Where {
    const present = parts.filter((p): p is Where => !!p);
    if (!present.length) throw new Error('empty roll-up source');
    return { sql: present.map((p) => p.sql).join(' UNION ALL '), params: present.flatMap((p) => p.params) };
  }

  private daily(): Where {
    const created = this.partialWhere('created_at');
    const resolved = this.partialWhere('resolved_at');
    return this.union(this.rollup(DAILY.name, [...DAILY.key, ...DAILY.counters], true), created || resolved ? dailyRows(created, resolved) : null);
  }

  /** Cohort counts per creation day and resolutions per resolution day. */
  async perDay(): Promise<Row[]> {
    const src = this.daily();
    return this.q.all(`SELECT day, ${DAILY.counters.map((c) => `SUM(${c}) AS ${c}`).join(', ')} FROM (${src.sql}) s GROUP BY day`, src.params);
  }

  /** Tickets created in the range with an SLA breached (every filter but the assignee is a roll-up column). */
  async breached(): Promise<number> {
    const src = this.daily();
    const rows = await this.q.all(`SELECT SUM(breached) AS n FROM (${src.sql}) s`, src.params);
    return num(rows[0]?.n);
  }

  /** Tickets created in the range by status, category, priority and channel. */
  async breakdown(): Promise<Row[]> {
    const src = this.daily();
    return this.q.all(
      `SELECT status AS s, category AS c, priority AS p, channel AS ch, SUM(created) AS n FROM (${src.sql}) s GROUP BY status, category, priority, channel HAVING SUM(created) <> 0`,
      src.params,
    );
  }

  /** Open at the range start: created before it minus resolved before it (a resolution follows its creation). */
  async backlogAtStart(at: Date, zone: string): Promise<number> {
    const dayStart = DateTime.fromJSDate(at, { zone }).startOf('day');
    const parts = ['tenant_id = ?', 'day < ?'];
    const params: unknown[] = [this.w.tenantId, dayStart.toISODate()];
    for (const [k, c] of FILTERS) {
      if (!this.w[k]) continue;
      parts.push(`${c} = ?`);
      params.push(this.w[k]);
    }
    const whole = { sql: `SELECT created, resolved FROM ${DAILY.name} WHERE ${parts.join(' AND ')}`, params };
    const before = dayStart.toMillis() < at.getTime() ? [{ from: dayStart.toJSDate(), to: at }] : [];
    const c = this.partialWhere('created_at', before);
    const r = this.partialWhere('resolved_at', before);
    const partial = c || r ? dailyRows(c, r) : null;
    const src = this.union(whole, partial ? { sql: `SELECT created, resolved FROM (${partial.sql}) p`, params: partial.params } : null);
    const rows = await this.q.all(`SELECT SUM(created) - SUM(resolved) AS n FROM (${src.sql}) s`, src.params);
    return num(rows[0]?.n);
  }

  /**
   * Histogram rows (group, bucket, n, total) of a measure: per day (`by: 'day'`) or per
   * value of the dimension (`by: 'value'`), for the whole tenant or one value of `dim`.
   */
  async histogram(measure: Measure, dim: Dim, value: string | readonly string[] | null, by: 'day' | 'value'): Promise<Row[]> {
    const { x, day } = MEASURES[measure];
    // A list of values is one index range per value (value precedes day in the key), rather than every value's whole history.
    const values = value === null ? [] : typeof value === 'string' ? [value] : value;
    if (value !== null && !values.length && !this.split.partial.length) return [];
    const extra = ['measure = ?', 'dim = ?', ...(value !== null ? [`value IN (${values.map(() => '?').join(', ')})`] : [])];
    const whole = this.split.days && (value === null || values.length)
      ? {
          sql: `SELECT ${by} AS g, bucket, SUM(n) AS n, SUM(total) AS total FROM ticket_metrics_histogram WHERE tenant_id = ? AND ${extra.join(' AND ')} AND day >= ? AND day < ? GROUP BY ${by}, bucket`,
          params: [this.w.tenantId, measure, dim, ...values, this.split.days.from, this.split.days.to],
        }
      : null;
    const p = this.partialWhere(day === 'created_day' ? 'created_at' : 'resolved_at');
    const g = by === 'day' ? day : DIMS[dim];
    const partial = p
      ? { sql: `SELECT ${g} AS g, ${bucketSql(x)} AS bucket, COUNT(*) AS n, SUM(${x}) AS total FROM ticket_metrics ${p.sql} AND ${x} IS NOT NULL${dim ? ` AND ${DIMS[dim]} IS NOT NULL` : ''} GROUP BY ${g}, ${bucketSql(x)}`, params: p.params }
      : null;
    const src = this.union(whole, partial);
    return this.q.all(src.sql, src.params);
  }

  async agents(): Promise<Row[]> {
    const extra = this.w.assigneeId ? ['assignee_id = ?'] : [];
    const created = this.partialWhere('created_at');
    const src = this.union(this.rollup(AGENT_DAILY.name, [...AGENT_DAILY.key, ...AGENT_DAILY.counters], false, extra, this.w.assigneeId ? [this.w.assigneeId] : []), created ? agentRows(created) : null);
    return this.q.all(
      `SELECT assignee_id AS a, SUM(handled) AS n, SUM(chats) AS chats, SUM(resolved_now) AS resolved, SUM(met) AS met, SUM(decided) AS decided, SUM(csat_sum) AS csat_sum, SUM(csat_n) AS csat_n
       FROM (${src.sql}) s GROUP BY assignee_id HAVING SUM(handled) <> 0`,
      src.params,
    );
  }

  /** Tickets and chats per local day and hour (no filters: the hourly roll-up has none). */
  async hours(): Promise<Row[]> {
    const created = this.partialWhere('created_at');
    const src = this.union(this.rollup(HOURLY.name, [...HOURLY.key, ...HOURLY.counters], false), created ? hourlyRows(created) : null);
    return this.q.all(`SELECT day, hour, SUM(tickets) AS tickets, SUM(chats) AS chats FROM (${src.sql}) s GROUP BY day, hour HAVING SUM(tickets) <> 0`, src.params);
  }
}

/** A day's bucket key as the exact statements give it (months as "2026-03"). */
export function bucketOfDay(groupBy: ReportGroupBy): (day: string) => string {
  const weeks = new Map<string, string>();
  if (groupBy === ReportGroupBy.DAY) return (day) => day;
  if (groupBy === ReportGroupBy.MONTH) return (day) => day.slice(0, 7);
  return (day) => {
    let w = weeks.get(day);
    if (!w) weeks.set(day, (w = DateTime.fromISO(day, { zone: 'UTC' }).startOf('week').toISODate()!));
    return w;
  };
}

/**
 * Median (mean of the middle two ranks) and p90 (rank ⌈0.9·n⌉) per group from histogram
 * rows, each rank's value being its bucket's mean; with `withTotal` also over all groups (key TOTAL).
 */
export function percentilesOf(rows: Row[], keyOf: (g: string) => string, withTotal: boolean): Map<string, { median: number; p90: number }> {
  const groups = new Map<string, Map<number, { n: number; total: number }>>();
  const add = (key: string, bucket: number, n: number, total: number) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = new Map()));
    const b = g.get(bucket) ?? { n: 0, total: 0 };
    b.n += n;
    b.total += total;
    g.set(bucket, b);
  };
  for (const r of rows) {
    const n = num(r.n);
    if (!n) continue;
    add(keyOf(String(r.g)), num(r.bucket), n, num(r.total));
    if (withTotal) add(TOTAL, num(r.bucket), n, num(r.total));
  }
  const out = new Map<string, { median: number; p90: number }>();
  for (const [key, g] of groups) {
    const buckets = [...g].filter(([, b]) => b.n > 0).sort(([a], [b]) => a - b);
    const count = buckets.reduce((s, [, b]) => s + b.n, 0);
    if (count <= 0) continue;
    const at = (rank: number) => {
      let seen = 0;
      for (const [, b] of buckets) {
        seen += b.n;
        if (seen >= rank) return b.total / b.n;
      }
      return buckets[buckets.length - 1][1].total / buckets[buckets.length - 1][1].n;
    };
    out.set(key, { median: (at(Math.floor((count + 1) / 2)) + at(Math.floor((count + 2) / 2))) / 2, p90: at(Math.floor((9 * count + 9) / 10)) });
  }
  return out;
}
