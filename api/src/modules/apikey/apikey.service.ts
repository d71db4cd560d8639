import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { Role, type Principal } from '../../platform/auth/principal.js';
import { CROSS_TENANT, forTenant } from '../../platform/db/scope.js';
import { badInput, notFound, unauthenticated } from '../../platform/errors.js';
import { requestScope, type Logger } from '../../platform/logger.js';
import type { AppPubSub } from '../../platform/pubsub/pubsub.js';
import { ApiKey } from './api-key.entity.js';
import type { ApiKeyType, CreateApiKeyInput, CreateApiKeyPayload } from './apikey.types.js';

export const KEY_PREFIX = 'sdk_live_';
const KEY_FORMAT = /^sdk_live_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
const REVOKED_TOPIC = 'api-key-revoked';
const TOUCH_EVERY_MS = 60_000;
/** Keys without an expiry: a date far enough away for the WebSocket expiry sweep. */
const NEVER = new Date('9999-12-31T00:00:00Z');

const sha256 = (value: string) => createHash('sha256').update(value).digest();

export function toApiKeyType(k: ApiKey): ApiKeyType {
  return {
    id: k.id,
    name: k.name,
    prefix: `${KEY_PREFIX}${k.publicId}`,
    scopes: k.scopes,
    createdAt: k.createdAt,
    expiresAt: k.expiresAt,
    lastUsedAt: k.lastUsedAt,
    revokedAt: k.revokedAt,
  };
}

/**
 * API keys: issue (secret shown once, stored hashed), list, revoke, and authenticate. A
 * revocation is broadcast through pub/sub so every instance closes that key's sockets.
 */
export class ApiKeyService {
  private readonly revokedListeners: Array<(keyId: string) => void> = [];
  private readonly touchedAt = new Map<string, number>();
  private readonly revocations: AsyncIterator<unknown>;

  constructor(
    private readonly orm: MikroORM,
    private readonly pubSub: AppPubSub,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.revocations = pubSub.subscribe(REVOKED_TOPIC)[Symbol.asyncIterator]();
    void (async () => {
      for (;;) {
        const next = await this.revocations.next();
        if (next.done) return;
        const keyId = (next.value as { keyId: string }).keyId;
        for (const listener of this.revokedListeners) listener(keyId);
      }
    })();
  }

  /** Called on every instance when a key is revoked anywhere. */
  onRevoked(listener: (keyId: string) => void): void {
    this.revokedListeners.push(listener);
  }

  async create(em: EntityManager, p: Principal, input: CreateApiKeyInput): Promise<CreateApiKeyPayload> {
    if (input.expiresAt && input.expiresAt.getTime() <= this.now()) throw badInput({ expiresAt: ['must be in the future'] });
    const publicId = randomBytes(6).toString('hex');
    const secret = `${KEY_PREFIX}${publicId}_${randomBytes(32).toString('base64url')}`;
    const key = em.create(ApiKey, {
      name: input.name.trim(),
      publicId,
      secretHash: sha256(secret).toString('hex'),
      scopes: [...new Set(input.scopes)].sort(),
      createdById: p.userId,
      expiresAt: input.expiresAt ?? null,
    });
    await em.flush();
    return { apiKey: toApiKeyType(key), secret };
  }

  async list(em: EntityManager): Promise<ApiKeyType[]> {
    const keys = await em.find(ApiKey, {}, { orderBy: { createdAt: 'desc', id: 'desc' } });
    return keys.map(toApiKeyType);
  }

  /** Takes effect at once: the next request fails, and open sockets of the key close with 4401. */
  async revoke(em: EntityManager, id: string): Promise<ApiKeyType> {
    const key = await em.findOne(ApiKey, { id });
    if (!key) throw notFound('API key');
    if (!key.revokedAt) {
      key.revokedAt = new Date(this.now());
      await em.flush();
    }
    this.pubSub.publish(REVOKED_TOPIC, { keyId: key.id });
    return toApiKeyType(key);
  }

  /** The credential strategy: null when the credential is not an API key at all. */
  async authenticate(credential: string): Promise<Principal | null> {
    if (!credential.startsWith('sdk_')) return null;
    const match = KEY_FORMAT.exec(credential);
    if (!match) throw unauthenticated('Invalid API key');
    // The key names its tenant: it is looked up before any tenant scope exists.
    const key = await this.orm.em.fork({ clear: true, useContext: false }).findOne(ApiKey, { publicId: match[1] }, CROSS_TENANT);
    if (!key || !timingSafeEqual(sha256(credential), Buffer.from(key.secretHash, 'hex'))) throw unauthenticated('Invalid API key');
    if (key.revokedAt) throw unauthenticated('API key revoked');
    if (key.expiresAt && key.expiresAt.getTime() <= this.now()) throw unauthenticated('API key expired');
    this.touch(key);
    return {
      kind: 'apiKey',
      tenantId: key.tenantId,
      userId: key.id,
      role: Role.PARTNER,
      scopes: key.scopes,
      tokenId: key.id,
      mustChangePassword: false,
      expiresAt: key.expiresAt ?? NEVER,
    };
  }

  /** Records use at most once a minute per key (per instance, and conditionally in the database). */
  private touch(key: ApiKey): void {
    const now = this.now();
    if (now - (this.touchedAt.get(key.id) ?? 0) < TOUCH_EVERY_MS) return;
    this.touchedAt.set(key.id, now);
    if (this.touchedAt.size > 10_000) this.touchedAt.delete(this.touchedAt.keys().next().value!);
    // Outside the request's scope: bookkeeping, not part of what the request costs.
    requestScope.exit(() => {
      const em = forTenant(this.orm.em, key.tenantId);
      const stale = new Date(now - TOUCH_EVERY_MS);
      em.nativeUpdate(ApiKey, { id: key.id, $or: [{ lastUsedAt: null }, { lastUsedAt: { $lt: stale } }] }, { lastUsedAt: new Date(now) }).catch(
        (err: Error) => this.logger.warn({ err: err.message }, 'could not record API key use'),
      );
    });
  }

  async close(): Promise<void> {
    await this.revocations.return?.();
  }
}
