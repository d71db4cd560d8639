import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { User } from '../user/user.entity.js';
import { OneTimeToken, type TokenPurpose } from './one-time-token.entity.js';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Single-use mailed secrets: 256 random bits, stored hashed, claimed atomically. */
export class OneTimeTokens {
  constructor(private readonly now: () => number = Date.now) {}

  /** Adds a token row to `em` (flushed with the caller's transaction) and returns the secret. */
  issue(em: EntityManager, user: User, purpose: TokenPurpose, ttlMs: number, tenantId?: string): string {
    const secret = randomBytes(32).toString('base64url');
    em.create(OneTimeToken, { tokenHash: hash(secret), purpose, user, tenantId: tenantId ?? null, expiresAt: new Date(this.now() + ttlMs) });
    return secret;
  }

  /** Earlier unused tokens of the same purpose stop working (a new mail replaces the old one). */
  async retireOthers(em: EntityManager, user: User, purpose: TokenPurpose): Promise<void> {
    await em.nativeUpdate(OneTimeToken, { user: user.id, purpose, usedAt: null }, { usedAt: new Date(this.now()) });
  }

  /**
   * Claims the token: returns its row once, for the first caller, while it is unexpired;
   * null for an unknown, used or expired token (the caller answers all three alike).
   */
  async consume(em: EntityManager, secret: string, purposes: TokenPurpose[]): Promise<OneTimeToken | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(secret)) return null;
    const now = new Date(this.now());
    const row = await em.findOne(OneTimeToken, { tokenHash: hash(secret), purpose: { $in: purposes } }, { populate: ['user'] });
    if (!row || row.usedAt || row.expiresAt <= now) return null;
    const claimed = await em.nativeUpdate(OneTimeToken, { id: row.id, usedAt: null }, { usedAt: now });
    return claimed === 1 ? row : null;
  }
}
