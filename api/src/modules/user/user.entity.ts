import { Entity, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../platform/db/base.entity.js';

/** A global identity. What a user may do in a tenant is decided by their Membership. */
@Entity({ tableName: 'users' })
export class User extends BaseEntity<'active' | 'mustChangePassword' | 'locale' | 'emailVerifiedAt' | 'platformOperator'> {
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

  /** Language of the mail this user gets: `en` or `id`. */
  @Property({ type: 'string', length: 8 })
  locale: string = 'en';

  /** When the user proved they own the email address (sign-up verification or a password reset). */
  @Property({ type: 'Date', length: 3, nullable: true })
  emailVerifiedAt?: Date | null;

  /** A platform operator (not a tenant role): may list, create, rename and suspend tenants. */
  @Property({ type: 'boolean' })
  platformOperator: boolean = false;
}
