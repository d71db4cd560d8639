import type { EntityManager } from '@mikro-orm/core';
import { Role, type Principal } from '../../platform/auth/principal.js';
import { badInput } from '../../platform/errors.js';
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
  constructor(
    private readonly store: PresenceStore,
    private readonly pubSub: AppPubSub,
    private readonly logger: Logger,
  ) {}

  async connected(p: Principal): Promise<void> {
    if (!isStaffRole(p.role)) return;
    try {
      if ((await this.store.connect(p.tenantId, p.userId)) === 1) {
        await this.store.setStatus(p.tenantId, p.userId, PresenceStatus.ONLINE);
        this.publish(p, PresenceStatus.ONLINE);
      }
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'presence update failed');
    }
  }

  async disconnected(p: Principal): Promise<void> {
    if (!isStaffRole(p.role)) return;
    try {
      if ((await this.store.disconnect(p.tenantId, p.userId)) === 0) this.publish(p, PresenceStatus.OFFLINE);
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'presence update failed');
    }
  }

  async set(em: EntityManager, p: Principal, status: PresenceStatus): Promise<AgentPresence> {
    if (status === PresenceStatus.OFFLINE) throw badInput({ status: ['OFFLINE follows from closing your connections'] });
    await this.store.setStatus(p.tenantId, p.userId, status);
    this.publish(p, status);
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

  changes(p: Principal): AsyncIterableIterator<PresenceEvent> {
    return mapFilter(this.pubSub.subscribe(topic(p.tenantId))[Symbol.asyncIterator](), (e) => e as PresenceEvent);
  }

  private publish(p: Principal, status: PresenceStatus): void {
    const event: PresenceEvent = { tenantId: p.tenantId, userId: p.userId, status, updatedAt: new Date().toISOString() };
    this.pubSub.publish(topic(p.tenantId), event);
  }
}
