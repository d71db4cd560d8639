import { Filter, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';

export const TENANT_FILTER = 'tenant';

export interface TenantFilterParams {
  tenantId: string;
}

/** Every entity has a time-ordered UUID key and audit timestamps (millisecond precision). */
export abstract class BaseEntity<Optional extends string = never> {
  [OptionalProps]?: 'id' | 'createdAt' | 'updatedAt' | Optional;

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = uuidv7();

  @Property({ type: 'Date', length: 3 })
  createdAt: Date = new Date();

  @Property({ type: 'Date', length: 3, onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/**
 * Base of every tenant-owned entity. The `tenant` filter is on by default and its only
 * parameter is set from the authenticated principal when the request's EntityManager is
 * forked (see platform/db/context.ts). Without that parameter every query fails closed.
 * The tenant column is filled by the TenantGuard subscriber, never from request input.
 */
@Filter({
  name: TENANT_FILTER,
  default: true,
  cond: (args: Partial<TenantFilterParams>) => ({ tenantId: args.tenantId }),
})
export abstract class TenantOwnedEntity<Optional extends string = never> extends BaseEntity<'tenantId' | Optional> {
  @Property({ type: 'string', length: 36, index: true })
  tenantId: string;
}
