import { Entity, Property, Unique } from '@mikro-orm/core';
import { TenantOwnedEntity } from '../../platform/db/base.entity.js';

/** Remembers the result of a create operation for one principal and key, for 24 hours. */
@Entity({ tableName: 'idempotency_keys' })
@Unique({ properties: ['tenantId', 'principalId', 'operation', 'key'] })
export class IdempotencyRecord extends TenantOwnedEntity {
  @Property({ type: 'string', length: 36 })
  principalId: string;

  @Property({ type: 'string', length: 32 })
  operation: string;

  @Property({ type: 'string', length: 100 })
  key: string;

  @Property({ type: 'string', length: 36 })
  resultId: string;
}
