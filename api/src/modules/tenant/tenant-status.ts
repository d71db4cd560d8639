import type { MikroORM } from '@mikro-orm/core';
import type { Principal } from '../../platform/auth/principal.js';
import type { Logger } from '../../platform/logger.js';
import type { AppPubSub } from '../../platform/pubsub/pubsub.js';
import { Tenant, TenantStatus } from './tenant.entity.js';
import { tenantClosedError } from './tenant.policy.js';

const TOPIC = 'tenant-status';
const REFRESH_MS = 30_000;

/**
 * Which tenants are closed (suspended or pending), held in memory on every instance so the
 * check costs no query per request. A change is applied locally at once, broadcast through
 * pub/sub to every other instance, and the whole set is reloaded every 30 s as a safety net.
 */
export class TenantStatusGate {
  private closed = new Map<string, TenantStatus>();
  private readonly listeners: Array<(tenantId: string, status: TenantStatus) => void> = [];
  private readonly changes: AsyncIterator<unknown>;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly orm: MikroORM,
    private readonly pubSub: AppPubSub,
    private readonly logger: Logger,
  ) {
    this.changes = pubSub.subscribe(TOPIC)[Symbol.asyncIterator]();
    void (async () => {
      for (;;) {
        const next = await this.changes.next();
        if (next.done) return;
        const { tenantId, status } = next.value as { tenantId: string; status: TenantStatus };
        this.apply(tenantId, status);
      }
    })();
  }

  async start(): Promise<void> {
    await this.reload();
    this.timer = setInterval(() => void this.reload().catch((err) => this.logger.warn({ err: (err as Error).message }, 'could not reload tenant statuses')), REFRESH_MS);
    this.timer.unref();
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.changes.return?.();
  }

  /** Called on every instance when a tenant's status changes anywhere. */
  onChange(listener: (tenantId: string, status: TenantStatus) => void): void {
    this.listeners.push(listener);
  }

  /** Throws FORBIDDEN (reason TENANT_SUSPENDED) for a principal of a closed tenant. */
  admit(principal: Principal): void {
    const status = this.closed.get(principal.tenantId);
    if (status) throw tenantClosedError(status);
  }

  /** After the status change has committed: applies it here and tells the other instances. */
  changed(tenantId: string, status: TenantStatus): void {
    this.apply(tenantId, status);
    this.pubSub.publish(TOPIC, { tenantId, status });
  }

  private apply(tenantId: string, status: TenantStatus): void {
    const before = this.closed.get(tenantId) ?? TenantStatus.ACTIVE;
    if (status === TenantStatus.ACTIVE) this.closed.delete(tenantId);
    else this.closed.set(tenantId, status);
    if (before !== status) for (const listener of this.listeners) listener(tenantId, status);
  }

  private async reload(): Promise<void> {
    // Tenants are global rows: no tenant filter applies.
    const em = this.orm.em.fork({ clear: true, useContext: false });
    const rows = await em.find(Tenant, { status: { $ne: TenantStatus.ACTIVE } }, { fields: ['id', 'status'] });
    this.closed = new Map(rows.map((t) => [t.id, t.status]));
  }
}
