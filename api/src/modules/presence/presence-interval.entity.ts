import { Entity, Index, Property } from '@mikro-orm/core';
import { TenantOwnedEntity } from '../../platform/db/base.entity.js';

/**
 * One stretch of time an agent was ONLINE: opened when their presence turns ONLINE, closed
 * (`endedAt`) when it turns AWAY, BUSY or OFFLINE. The reports sum these per agent.
 */
@Entity({ tableName: 'presence_intervals' })
@Index({ properties: ['tenantId', 'startedAt', 'userId'] })
@Index({ properties: ['tenantId', 'userId', 'endedAt'] })
export class PresenceInterval extends TenantOwnedEntity<'endedAt'> {
  @Property({ type: 'string', length: 36 })
  userId: string;

  @Property({ type: 'Date', length: 3 })
  startedAt: Date;

  /** Null while the agent is still ONLINE. */
  @Property({ type: 'Date', length: 3, nullable: true })
  endedAt: Date | null = null;
}
