import { Entity, Property, Unique } from '@mikro-orm/core';
import { TenantOwnedEntity } from '../../platform/db/base.entity.js';

/**
 * A partner integration's credential. Only a SHA-256 hash of the secret is stored (the
 * secret is 256 random bits, so a fast hash is enough); `publicId` is the visible part of
 * the key and finds the row before the tenant is known.
 */
@Entity({ tableName: 'api_keys' })
export class ApiKey extends TenantOwnedEntity<'expiresAt' | 'revokedAt' | 'lastUsedAt'> {
  @Property({ type: 'string', length: 100 })
  name: string;

  @Property({ type: 'string', length: 16 })
  @Unique()
  publicId: string;

  @Property({ type: 'string', length: 64, hidden: true })
  secretHash: string;

  @Property({ type: 'json' })
  scopes: string[];

  @Property({ type: 'string', length: 36 })
  createdById: string;

  @Property({ type: 'Date', length: 3, nullable: true })
  expiresAt: Date | null = null;

  @Property({ type: 'Date', length: 3, nullable: true })
  revokedAt: Date | null = null;

  /** Updated at most once a minute, so a busy key does not write on every request. */
  @Property({ type: 'Date', length: 3, nullable: true })
  lastUsedAt: Date | null = null;
}
