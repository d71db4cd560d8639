import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { LibSqlPlatform } from '@mikro-orm/libsql';
import { forTenant } from '../../platform/db/scope.js';
import { requestScope, type Logger } from '../../platform/logger.js';
import { PresenceInterval } from './presence-interval.entity.js';
import { PresenceStatus } from './presence.store.js';

/**
 * Records presence as ONLINE intervals, from the changes the presence service reports (once
 * per change, on the instance where it happened). Writes run one after another in this
 * process, outside any request, so an ONLINE and the change that ends it stay in order.
 */
export class PresenceHistory {
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly orm: MikroORM,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** The presence listener: opens an interval on ONLINE, closes the open one on anything else. */
  changed(tenantId: string, userId: string, status: PresenceStatus): void {
    const at = new Date(this.now());
    this.chain = this.chain
      .then(() => requestScope.exit(() => this.write(tenantId, userId, status, at)))
      .catch((err: unknown) => this.logger.warn({ err, tenantId }, 'presence history write failed'));
  }

  /** Resolves once every change reported so far is written. */
  async idle(): Promise<void> {
    let seen: Promise<unknown> | undefined;
    while (seen !== this.chain) await (seen = this.chain);
  }

  private async write(tenantId: string, userId: string, status: PresenceStatus, at: Date): Promise<void> {
    const em = forTenant(this.orm.em, tenantId);
    await em.transactional(async (tx) => {
      const open = await tx.find(PresenceInterval, { userId, endedAt: null });
      if (status === PresenceStatus.ONLINE) {
        if (!open.length) tx.create(PresenceInterval, { tenantId, userId, startedAt: at });
        return;
      }
      for (const interval of open) interval.endedAt = at < interval.startedAt ? interval.startedAt : at;
    });
  }

  /**
   * Minutes each agent was ONLINE within `[from, to)`, from the intervals that overlap it
   * (an open one counts until now), clipped to the range: one grouped statement over the
   * (tenant, started) index, the tenant being the caller's.
   */
  async onlineMinutes(tenantId: string, from: Date, to: Date, userId?: string): Promise<Map<string, number>> {
    const em = forTenant(this.orm.em, tenantId) as SqlEntityManager;
    const sqlite = em.getPlatform() instanceof LibSqlPlatform;
    const d = (x: Date) => (sqlite ? x.getTime() : x);
    const now = new Date(Math.max(this.now(), from.getTime()));
    const end = sqlite ? 'MIN(COALESCE(ended_at, ?), ?)' : 'LEAST(COALESCE(ended_at, ?), ?)';
    const start = sqlite ? 'MAX(started_at, ?)' : 'GREATEST(started_at, ?)';
    const minutes = sqlite ? `SUM(MAX(0, ${end} - ${start})) / 60000.0` : `SUM(GREATEST(0, TIMESTAMPDIFF(MICROSECOND, ${start}, ${end}))) / 60000000`;
    const params = sqlite ? [d(now), d(to), d(from)] : [d(from), d(now), d(to)];
    const rows = (await em.getConnection().execute(
      `SELECT user_id AS u, ${minutes} AS m FROM presence_intervals
       WHERE tenant_id = ? AND started_at < ? AND (ended_at IS NULL OR ended_at > ?)${userId ? ' AND user_id = ?' : ''} GROUP BY user_id`,
      [...params, tenantId, d(to), d(from), ...(userId ? [userId] : [])],
      'all',
    )) as Array<{ u: string; m: unknown }>;
    return new Map(rows.map((r) => [String(r.u), Math.round(Number(r.m) * 100) / 100]));
  }
}
