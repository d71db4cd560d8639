import { Entity, Property, Unique } from '@mikro-orm/core';
import { TenantOwnedEntity } from '../../platform/db/base.entity.js';
import type { Permission } from '../../platform/auth/permissions.js';

/** Which side of a tenant a custom role belongs to: staff sign in as AGENT, customers as CUSTOMER. */
export enum RoleBase {
  STAFF = 'STAFF',
  CUSTOMER = 'CUSTOMER',
}

/** A tenant's own role: a name and a set of permissions on top of a base side. */
@Entity({ tableName: 'roles' })
@Unique({ properties: ['tenantId', 'name'] })
export class RoleDefinition extends TenantOwnedEntity {
  @Property({ type: 'string', length: 60 })
  name: string;

  // A string column validated in code, like Membership.role.
  @Property({ type: 'string', length: 16 })
  base: RoleBase;

  /** Permission keys, in catalogue order (see permissions.ts). */
  @Property({ type: 'json' })
  permissions: Permission[];
}
