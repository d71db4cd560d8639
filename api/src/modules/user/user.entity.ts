import { Entity, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../platform/db/base.entity.js';

/** A global identity. What a user may do in a tenant is decided by their Membership. */
@Entity({ tableName: 'users' })
export class User extends BaseEntity<'active' | 'mustChangePassword'> {
  @Property({ type: 'string', length: 254 })
  @Unique()
  email: string;

  @Property({ type: 'string', length: 200 })
  name: string;

  @Property({ type: 'string', length: 255, hidden: true })
  passwordHash: string;

  @Property({ type: 'boolean' })
  active: boolean = true;

  /** Set for accounts created with a temporary password. */
  @Property({ type: 'boolean' })
  mustChangePassword: boolean = false;
}
