import { Entity, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../platform/db/base.entity.js';

/** A customer organisation using Sociodesk. Global: tenants are what the filter scopes by. */
@Entity({ tableName: 'tenants' })
export class Tenant extends BaseEntity<'customersSeePriority'> {
  @Property({ type: 'string', length: 64 })
  @Unique()
  slug: string;

  @Property({ type: 'string', length: 200 })
  name: string;

  /** Workspace setting: customers see their tickets' priority (tags stay staff-only regardless). */
  @Property({ type: 'boolean' })
  customersSeePriority: boolean = false;
}
