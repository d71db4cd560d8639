import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { TenantOwnedEntity } from '../../platform/db/base.entity.js';
import { Role } from '../../platform/auth/principal.js';
import { User } from './user.entity.js';

/** A user's role in one tenant. One identity may belong to several tenants. */
@Entity({ tableName: 'memberships' })
@Unique({ properties: ['tenantId', 'user'] })
@Index({ properties: ['tenantId', 'role'] })
export class Membership extends TenantOwnedEntity<'active' | 'lastSignInAt' | 'customRoleId'> {
  @ManyToOne({ entity: () => User, deleteRule: 'cascade' })
  user: User;

  // A string column validated in code: portable across SQLite and MySQL without enum rebuilds.
  @Property({ type: 'string', length: 16 })
  role: Role;

  /** A custom role of this tenant (roles table); `role` is then its base (AGENT for staff, CUSTOMER). */
  @Property({ type: 'string', length: 36, nullable: true })
  customRoleId: string | null = null;

  /** Deactivation is per tenant: an admin of one tenant cannot lock a user out of another. */
  @Property({ type: 'boolean' })
  active: boolean = true;

  /** The last successful sign-in to this tenant (password sign-in or switching to it). */
  @Property({ type: 'Date', length: 3, nullable: true })
  lastSignInAt: Date | null = null;
}
