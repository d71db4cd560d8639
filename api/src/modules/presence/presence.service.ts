import type { EntityManager } from '@mikro-orm/core';
import { Role, type Principal } from '../../platform/auth/principal.js';
import { badInput, serviceUnavailable } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import type { AppPubSub } from '../../platform/pubsub/pubsub.js';
import { mapFilter } from '../../platform/realtime/iterators.js';
import { Membership } from '../user/membership.entity.js';
import { toUserType } from '../user/user.service.js';
import { PresenceStatus, type PresenceStore } from './presence.store.js';
import type { AgentPresence, PresenceEvent } from './presence.types.js';

const topic = (tenantId: string) => `presence:${tenantId}`;
const isStaffRole = (role: Role) => role === Role.ADMIN || role === Role.AGENT;

/** Agent presence: ONLINE on first connection, OFFLINE when the last one closes, AWAY/BUSY by choice. */
export class PresenceService {
  private timer: NodeJS.Timeout | undefined;
  private beating = false;
  private lastWarning = 0;
  private readonly listeners: Array<(tenantId: string, userId: string, status: PresenceStatus) => void> = [];

  constructor(
    private readonly store: PresenceStore,
    private readonly pubSub: AppPubSub,
    private readonly logger: Logger,
  ) {}

  /** Starts this instance's presence heartbeat (Redis store only): leases, dead-instance expiry, self-healing. */
  start(): void {
    if (!this.store.heartbeat || !this.store.heartbeatMs || this.timer) return;
    this.timer = setInterval(() => void this.beat(), this.store.heartbeatMs);
    this.timer.unref();
    void this.beat();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async beat(): Promise<void> {
    if (this.beating) return;
    this.beating = true;
    try {
      const { offline, online } = await this.store.heartbeat!();
      for (const c of offline) this.publish(c.tenantId, c.userId, PresenceStatus.OFFLINE);
      for (const c of online) {
        const state = (await this.store.get(c.tenantId, [c.userId])).get(c.userId);
        if (state && state.status !== PresenceStatus.OFFLINE) this.publish(c.tenantId, c.userId, state.status);
      }
    } catch (err) {
      if (Date.now() - this.lastWarning > 5000) {
        this.lastWarning = Date.now();
        this.logger.warn({ err: (err as Error).message }, 'presence heartbeat failed');
      }
    } finally {
      this.beating = false;
    }
  }

  async connected(p: Principal): Promise<void> {
    if (!isStaffRole(p.role)) return;
    try {
      if ((await this.store.connect(p.tenantId, p.userId)) === 1) {
        await this.store.setStatus(p.tenantId, p.userId, PresenceStatus.ONLINE);
        this.publish(p.tenantId, p.userId, PresenceStatus.ONLINE);
      }
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'presence update failed');
    }
  }

  async disconnected(p: Principal): Promise<void> {
    if (!isStaffRole(p.role)) return;
    try {
      if ((await this.store.disconnect(p.tenantId, p.userId)) === 0) this.publish(p.tenantId, p.userId, PresenceStatus.OFFLINE);
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'presence update failed');
    }
  }

  async set(em: EntityManager, p: Principal, status: PresenceStatus): Promise<AgentPresence> {
    if (status === PresenceStatus.OFFLINE) throw badInput({ status: ['OFFLINE follows from closing your connections'] });
    try {
      await this.store.setStatus(p.tenantId, p.userId, status);
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'presence store unavailable');
      throw serviceUnavailable();
    }
    this.publish(p.tenantId, p.userId, status);
    const membership = await em.findOneOrFail(Membership, { user: p.userId }, { populate: ['user'] });
    return { user: toUserType(membership), status, updatedAt: new Date() };
  }

  async agents(em: EntityManager, tenantId: string): Promise<AgentPresence[]> {
    const members = await em.find(
      Membership,
      { role: { $in: [Role.ADMIN, Role.AGENT] }, active: true },
      { populate: ['user'], orderBy: { user: { name: 'asc' } } },
    );
    const states = await this.store.get(tenantId, members.map((m) => m.user.id));
    return members.map((m) => ({ user: toUserType(m), ...states.get(m.user.id)! }));
  }

  /** Current presence of some members (OFFLINE when unknown or when the store cannot answer). */
  async statuses(tenantId: string, userIds: string[]): Promise<Map<string, PresenceStatus>> {
    const out = new Map<string, PresenceStatus>();
    if (!userIds.length) return out;
    try {
      for (const [id, state] of await this.store.get(tenantId, userIds)) out.set(id, state.status);
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'presence store unavailable');
    }
    return out;
  }

  /** Called on the instance where a change happened (once per change, not on every instance). */
  onChange(listener: (tenantId: string, userId: string, status: PresenceStatus) => void): void {
    this.listeners.push(listener);
  }

  changes(p: Principal): AsyncIterableIterator<PresenceEvent> {
    return mapFilter(this.pubSub.subscribe(topic(p.tenantId))[Symbol.asyncIterator](), (e) => e as PresenceEvent);
  }

  private publish(tenantId: string, userId: string, status: PresenceStatus): void {
    const event: PresenceEvent = { tenantId, userId, status, updatedAt: new Date().toISOString() };
    this.pubSub.publish(topic(tenantId), event);
    for (const listener of this.listeners) listener(tenantId, userId, status);
  }
}
