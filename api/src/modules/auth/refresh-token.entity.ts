import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { TenantOwnedEntity } from '../../platform/db/base.entity.js';
import { User } from '../user/user.entity.js';

/**
 * A refresh token, stored as a SHA-256 hash. Tokens rotate within a family; presenting a
 * token that was already used revokes the whole family (stolen-token detection).
 */
@Entity({ tableName: 'refresh_tokens' })
@Index({ properties: ['tenantId', 'familyId'] })
export class RefreshToken extends TenantOwnedEntity<'usedAt' | 'revokedAt'> {
  @Property({ type: 'string', length: 64 })
  @Unique()
  tokenHash: string;

  @Property({ type: 'string', length: 36 })
  familyId: string;

  @ManyToOne({ entity: () => User, deleteRule: 'cascade' })
  user: User;

  @Property({ type: 'Date', length: 3 })
  expiresAt: Date;

  /** Set when the token is exchanged for a new one. */
  @Property({ type: 'Date', length: 3, nullable: true })
  usedAt?: Date | null;

  @Property({ type: 'Date', length: 3, nullable: true })
  revokedAt?: Date | null;
}
