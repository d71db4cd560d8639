import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { LibSqlPlatform } from '@mikro-orm/libsql';

/** The narrowing every report applies: the tenant (always), the range column, and the filters. */
export interface MetricsWhere {
  tenantId: string;
  category?: string | null;
  priority?: string | null;
  channel?: string | null;
  department?: string | null;
  assigneeId?: string | null;
}

export type Row = Record<string, unknown>;

/**
 * The one place reports write raw SQL (aggregates, window functions). Every statement here
 * starts from `where()`, which puts the tenant predicate first: the tenant comes from the
 * caller's principal, never from arguments.
 */
export class MetricsSql {
  readonly sqlite: boolean;

  constructor(private readonly em: EntityManager) {
    this.sqlite = em.getPlatform() instanceof LibSqlPlatform;
  }

  /** Integer division on both dialects. */
  intDiv(a: string, b: number): string {
    return this.sqlite ? `((${a}) / ${b})` : `((${a}) DIV ${b})`;
  }

  /** `WHERE …` and its parameters for the metrics rows of one tenant. */
  where(w: MetricsWhere, range?: { column: string; from: Date; to: Date }, extra: string[] = []): { sql: string; params: unknown[] } {
    const parts = ['tenant_id = ?'];
    const params: unknown[] = [w.tenantId];
    if (range) {
      parts.push(`${range.column} >= ?`, `${range.column} < ?`);
      params.push(this.date(range.from), this.date(range.to));
    }
    for (const [key, column] of [
      ['category', 'category'],
      ['priority', 'priority'],
      ['channel', 'channel'],
      ['department', 'department'],
      ['assigneeId', 'assignee_id'],
    ] as const) {
      const v = w[key];
      if (v) {
        parts.push(`${column} = ?`);
        params.push(v);
      }
    }
    return { sql: `WHERE ${[...parts, ...extra].join(' AND ')}`, params };
  }

  /** Dates as the driver stores them (SQLite keeps epoch milliseconds). */
  date(d: Date): unknown {
    return this.sqlite ? d.getTime() : d;
  }

  async all(sql: string, params: unknown[]): Promise<Row[]> {
    return (await (this.em as SqlEntityManager).getConnection().execute(sql, params, 'all')) as Row[];
  }

  /**
   * Exact median (mean of the middle two for an even count) and p90 (nearest rank: the value
   * at rank ⌈0.9·n⌉) of `value` per `groupExpr`, and over all the groups together (key
   * `TOTAL`, when `withTotal`, a second pass), with window functions.
   */
  async percentiles(groupExpr: string, value: string, where: { sql: string; params: unknown[] }, withTotal = false): Promise<Map<string, { median: number; p90: number }>> {
    const lo = `rn = ${this.intDiv('n + 1', 2)}`;
    const hi = `rn = ${this.intDiv('n + 2', 2)}`;
    const p90 = `rn >= ${this.intDiv('9 * n + 9', 10)}`;
    const rows = await this.all(
      `WITH v AS (SELECT ${groupExpr} AS g, ${value} AS x FROM ticket_metrics ${where.sql} AND ${value} IS NOT NULL),
       r AS (SELECT g, x, ROW_NUMBER() OVER (PARTITION BY g ORDER BY x) AS rn, COUNT(*) OVER (PARTITION BY g) AS n FROM v)
       SELECT g, AVG(CASE WHEN ${lo} OR ${hi} THEN x END) AS median, MIN(CASE WHEN ${p90} THEN x END) AS p90 FROM r GROUP BY g`,
      where.params,
    );
    const out = new Map(rows.map((r) => [String(r.g), { median: Number(r.median), p90: Number(r.p90) }]));
    // One window over the whole range: a second window of another order in the same pass
    // gave wrong ranks on MariaDB.
    if (withTotal) {
      const total = (await this.percentiles("'total'", value, where)).get('total');
      if (total) out.set(TOTAL, total);
    }
    return out;
  }
}

/** The key of the whole range in `percentiles()`. */
export const TOTAL = '\u0000total';

export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
export const ratio = (part: unknown, whole: unknown): number | null => (num(whole) > 0 ? Math.round((num(part) / num(whole)) * 10000) / 100 : null);
