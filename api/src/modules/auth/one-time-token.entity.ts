import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../platform/db/base.entity.js';
import { User } from '../user/user.entity.js';

export enum TokenPurpose {
  PASSWORD_RESET = 'PASSWORD_RESET',
  /** Sent at sign-up: proves the address and activates the new workspace. */
  VERIFY_EMAIL = 'VERIFY_EMAIL',
  /** Sent to the first admin of a workspace an operator created: sets the first password. */
  INVITE = 'INVITE',
}

/**
 * A single-use secret sent by mail, stored as a SHA-256 hash. Global like the user it belongs
 * to: it is presented before any tenant scope exists. `workspaceId` names the workspace a
 * verification or invitation is about.
 */
@Entity({ tableName: 'one_time_tokens' })
@Index({ properties: ['user', 'purpose'] })
export class OneTimeToken extends BaseEntity<'usedAt' | 'workspaceId'> {
  @Property({ type: 'string', length: 64 })
  @Unique()
  tokenHash: string;

  @Property({ type: 'string', length: 24 })
  purpose: TokenPurpose;

  @ManyToOne({ entity: () => User, deleteRule: 'cascade' })
  user: User;

  @Property({ type: 'string', length: 36, nullable: true })
  workspaceId?: string | null;

  @Property({ type: 'Date', length: 3 })
  expiresAt: Date;

  @Property({ type: 'Date', length: 3, nullable: true })
  usedAt?: Date | null;
}
