import type { EntityManager, Transaction } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { LibSqlPlatform } from '@mikro-orm/libsql';

/**
 * The roll-ups' contributions, in SQL over `ticket_metrics`: one expression set serves the
 * writer (subtract the old rows of some tickets, add their new rows), the bulk fill (every
 * row of a tenant, INSERT … SELECT … GROUP BY) and the readers' partial days (the same
 * shape, read instead of written). Writes are upserts with increments (`ON CONFLICT … DO
 * UPDATE` on SQLite, `ON DUPLICATE KEY UPDATE` on MySQL/MariaDB), never read-modify-write,
 * so concurrent writers add up.
 */

/** Relative width of a histogram bucket (of 1 + minutes). */
export const BUCKET_BASE = 1.05;
const LN_BASE = Math.log(BUCKET_BASE);

/** The bucket of a value (minutes) in SQL; `bucketOf` in code. */
export const bucketSql = (x: string): string => `FLOOR(LN(1 + ${x}) / ${LN_BASE})`;

/** A `WHERE …` over ticket_metrics (starting with the tenant) and its parameters. */
export interface Where {
  sql: string;
  params: unknown[];
}

const and = (w: Where, cond: string): Where => ({ sql: `${w.sql} AND ${cond}`, params: w.params });

interface Table {
  name: string;
  key: string[];
  counters: string[];
}

export const DAILY: Table = {
  name: 'ticket_metrics_daily',
  key: ['tenant_id', 'day', 'category', 'priority', 'channel', 'department', 'status'],
  counters: ['created', 'fr_met', 'fr_decided', 'res_met', 'res_decided', 'reopened', 'resolved_once', 'resolved_now', 'csat_sum', 'csat_n', 'breached', 'resolved'],
};
export const AGENT_DAILY: Table = {
  name: 'ticket_metrics_agent_daily',
  key: ['tenant_id', 'day', 'assignee_id'],
  counters: ['handled', 'chats', 'resolved_now', 'met', 'decided', 'csat_sum', 'csat_n'],
};
export const HOURLY: Table = { name: 'ticket_metrics_hourly', key: ['tenant_id', 'day', 'hour'], counters: ['tickets', 'chats'] };
export const HISTOGRAM: Table = { name: 'ticket_metrics_histogram', key: ['tenant_id', 'measure', 'dim', 'value', 'day', 'bucket'], counters: ['n', 'total'] };
export const ROLLUP_TABLES = [DAILY, AGENT_DAILY, HOURLY, HISTOGRAM];

const when = (cond: string) => `CASE WHEN ${cond} THEN 1 ELSE 0 END`;
const COHORT = {
  created: '1',
  fr_met: when(`sla_first_response = 'MET'`),
  fr_decided: when(`sla_first_response IN ('MET', 'BREACHED')`),
  res_met: when(`sla_resolution = 'MET'`),
  res_decided: when(`sla_resolution IN ('MET', 'BREACHED')`),
  reopened: when('reopens > 0'),
  resolved_once: when('reopens > 0 OR resolved_at IS NOT NULL'),
  resolved_now: when('resolved_at IS NOT NULL'),
  csat_sum: 'COALESCE(csat_score, 0)',
  csat_n: when('csat_score IS NOT NULL'),
  breached: when(`sla_first_response = 'BREACHED' OR sla_resolution = 'BREACHED'`),
};

/** Rows of a table's shape, summed per key, times `sign`, from the union of `parts` (each a SELECT of key and counter columns). */
function grouped(t: Table, parts: Array<{ sql: string; params: unknown[] }>, sign: number): Where {
  return {
    sql: `SELECT ${t.key.join(', ')}, ${t.counters.map((c) => `${sign} * SUM(${c}) AS ${c}`).join(', ')}
      FROM (${parts.map((p) => p.sql).join(' UNION ALL ')}) c WHERE 1 = 1 GROUP BY ${t.key.join(', ')}`,
    params: parts.flatMap((p) => p.params),
  };
}

/** Daily counts: the cohort on the creation day (rows of `created`), resolutions on the resolution day (rows of `resolved`). */
export function dailyRows(created: Where | null, resolved: Where | null, sign = 1): Where {
  const dims = `tenant_id, category, priority, channel, COALESCE(department, '') AS department, status`;
  const parts: Where[] = [];
  if (created) parts.push({ sql: `SELECT ${dims}, created_day AS day, ${Object.entries(COHORT).map(([k, v]) => `${v} AS ${k}`).join(', ')}, 0 AS resolved FROM ticket_metrics ${created.sql}`, params: created.params });
  if (resolved) {
    const r = and(resolved, 'resolved_at IS NOT NULL');
    parts.push({ sql: `SELECT ${dims}, resolved_day AS day, ${Object.keys(COHORT).map((k) => `0 AS ${k}`).join(', ')}, 1 AS resolved FROM ticket_metrics ${r.sql}`, params: r.params });
  }
  return grouped(DAILY, parts, sign);
}

export function agentRows(created: Where, sign = 1): Where {
  const w = and(created, 'assignee_id IS NOT NULL');
  return grouped(AGENT_DAILY, [{
    sql: `SELECT tenant_id, created_day AS day, assignee_id, 1 AS handled, ${when(`channel = 'CHAT'`)} AS chats, ${COHORT.resolved_now} AS resolved_now,
      ${COHORT.fr_met} + ${COHORT.res_met} AS met, ${COHORT.fr_decided} + ${COHORT.res_decided} AS decided, ${COHORT.csat_sum} AS csat_sum, ${COHORT.csat_n} AS csat_n
      FROM ticket_metrics ${w.sql}`,
    params: w.params,
  }], sign);
}

export function hourlyRows(created: Where, sign = 1): Where {
  return grouped(HOURLY, [{ sql: `SELECT tenant_id, created_day AS day, created_hour AS hour, 1 AS tickets, ${when(`channel = 'CHAT'`)} AS chats FROM ticket_metrics ${created.sql}`, params: created.params }], sign);
}

/** The histogram measures: the value column and the day it is filed under. */
export const MEASURES = {
  FR: { x: 'first_response_minutes', day: 'created_day' },
  FRB: { x: 'first_response_business_minutes', day: 'created_day' },
  RES: { x: 'resolution_minutes', day: 'resolved_day' },
  RESB: { x: 'resolution_business_minutes', day: 'resolved_day' },
  RESC: { x: 'resolution_minutes', day: 'created_day' },
  RESBC: { x: 'resolution_business_minutes', day: 'created_day' },
} as const;
export type Measure = keyof typeof MEASURES;

/** Histogram dimensions: '' is the whole tenant; the others one filter value each. */
export const DIMS = { '': "''", category: 'category', priority: 'priority', channel: 'channel', department: 'department', assignee: 'assignee_id' } as const;
export type Dim = keyof typeof DIMS;

/** The (measure, dim) pairs kept: every dim for the four ticketStats measures, the assignee for the by-creation resolution (agentStats). */
export const HISTOGRAM_PARTS: Array<[Measure, Dim]> = [
  ...(['FR', 'FRB', 'RES', 'RESB'] as const).flatMap((m) => (Object.keys(DIMS) as Dim[]).map((d): [Measure, Dim] => [m, d])),
  ['RESC', 'assignee'],
  ['RESBC', 'assignee'],
];

/**
 * One scan of the matched rows, crossed with the (measure, dim) pairs: each pair picks its
 * value column, day and dimension with CASE, so the rows are read once however many pairs
 * there are (a UNION ALL per pair read them, and bound the ids, once per pair).
 */
export function histogramRows(where: Where, sign = 1, parts = HISTOGRAM_PARTS): Where {
  const pairs = parts.map(([m, d]) => `SELECT '${m}' AS measure, '${d}' AS dim`).join(' UNION ALL ');
  const measures = [...new Set(parts.map(([m]) => m))];
  const dims = [...new Set(parts.map(([, d]) => d))];
  const pick = (key: 'p.measure' | 'p.dim', cases: Array<[string, string]>) => `CASE ${key} ${cases.map(([k, v]) => `WHEN '${k}' THEN ${v}`).join(' ')} END`;
  const x = pick('p.measure', measures.map((m) => [m, `m.${MEASURES[m].x}`]));
  const day = pick('p.measure', measures.map((m) => [m, `m.${MEASURES[m].day}`]));
  const value = pick('p.dim', dims.map((d) => [d, d ? `m.${DIMS[d]}` : "''"]));
  const rows = `SELECT m.tenant_id AS tenant_id, p.measure AS measure, p.dim AS dim, ${value} AS value, ${day} AS day, ${x} AS x
    FROM ticket_metrics m CROSS JOIN (${pairs}) p ${where.sql}`;
  return grouped(HISTOGRAM, [{
    sql: `SELECT tenant_id, measure, dim, value, day, ${bucketSql('x')} AS bucket, 1 AS n, x AS total FROM (${rows}) h WHERE x IS NOT NULL AND value IS NOT NULL`,
    params: where.params,
  }], sign);
}

/** `INSERT … SELECT` adding the selected rows to the table's counters. */
export function upsertSql(t: Table, select: string, sqlite: boolean): string {
  const cols = [...t.key, ...t.counters].join(', ');
  if (sqlite) return `INSERT INTO ${t.name} (${cols}) ${select} ON CONFLICT (${t.key.join(', ')}) DO UPDATE SET ${t.counters.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`;
  return `INSERT INTO ${t.name} (${cols}) ${select} ON DUPLICATE KEY UPDATE ${t.counters.map((c) => `${c} = ${c} + VALUES(${c})`).join(', ')}`;
}

/** Every statement that adds the rows matched by `where` to the roll-ups (times `sign`). */
export function contributions(where: Where, sign: number, sqlite: boolean, histogramParts: Array<Array<[Measure, Dim]>> = [HISTOGRAM_PARTS]): Where[] {
  return [
    [DAILY, dailyRows(where, where, sign)],
    [AGENT_DAILY, agentRows(where, sign)],
    [HOURLY, hourlyRows(where, sign)],
    ...histogramParts.map((parts) => [HISTOGRAM, histogramRows(where, sign, parts)] as const),
  ].map(([t, s]) => ({ sql: upsertSql(t as Table, (s as Where).sql, sqlite), params: (s as Where).params }));
}

const isSqlite = (em: EntityManager) => em.getPlatform() instanceof LibSqlPlatform;
const IDS_PER_STATEMENT = 200;

/**
 * Adds (sign 1) or subtracts (sign -1) the current metrics rows of these tickets to the
 * roll-ups, in the caller's transaction: the writer subtracts before it changes the rows and
 * adds after, so the roll-ups move by exactly the difference.
 */
export async function applyRollups(em: EntityManager, tenantId: string, ticketIds: string[], sign: 1 | -1, ctx?: Transaction): Promise<void> {
  const conn = (em as SqlEntityManager).getConnection();
  for (let i = 0; i < ticketIds.length; i += IDS_PER_STATEMENT) {
    const ids = ticketIds.slice(i, i + IDS_PER_STATEMENT);
    const where = { sql: `WHERE tenant_id = ? AND id IN (${ids.map(() => '?').join(', ')})`, params: [tenantId, ...ids] };
    for (const s of contributions(where, sign, isSqlite(em))) await conn.execute(s.sql, s.params, 'run', ctx ?? em.getTransactionContext());
  }
}

/**
 * Rebuilds one tenant's roll-ups from its metrics rows (bulk loads: the demo history, the
 * benchmark): delete, then one INSERT … SELECT … GROUP BY per table (the histogram one
 * measure at a time, to keep each grouping small).
 */
export async function rebuildRollups(em: EntityManager, tenantId: string): Promise<void> {
  const conn = (em as SqlEntityManager).getConnection();
  const ctx = em.getTransactionContext();
  for (const t of ROLLUP_TABLES) await conn.execute(`DELETE FROM ${t.name} WHERE tenant_id = ?`, [tenantId], 'run', ctx);
  const where = { sql: 'WHERE tenant_id = ?', params: [tenantId] };
  for (const s of contributions(where, 1, isSqlite(em), HISTOGRAM_PARTS.map((p) => [p]))) await conn.execute(s.sql, s.params, 'run', ctx);
}

/** The statements filling the roll-ups of every tenant from existing metrics rows (the migration). */
export function fillAllSql(sqlite: boolean): string[] {
  return contributions({ sql: 'WHERE 1 = 1', params: [] }, 1, sqlite, HISTOGRAM_PARTS.map((p) => [p])).map((s) => s.sql);
}
