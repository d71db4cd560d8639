import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { IdempotencyRecord } from './idempotency.entity.js';

const TTL_MS = 24 * 60 * 60 * 1000;

export interface IdempotentRequest {
  principalId: string;
  operation: string;
  key?: string | null;
}

/**
 * Makes a create operation safe to retry: the same principal repeating the same key within
 * 24 hours gets the first result and nothing new is created, even when both tries race.
 */
export class IdempotencyService {
  async previous(em: EntityManager, req: IdempotentRequest): Promise<string | null> {
    if (!req.key) return null;
    const row = await em.findOne(IdempotencyRecord, {
      principalId: req.principalId,
      operation: req.operation,
      key: req.key,
      createdAt: { $gt: new Date(Date.now() - TTL_MS) },
    });
    return row?.resultId ?? null;
  }

  /** Stores the key inside the caller's transaction; an expired record with the same key is replaced. */
  async remember(tx: EntityManager, req: IdempotentRequest, resultId: string): Promise<void> {
    if (!req.key) return;
    await tx.nativeDelete(IdempotencyRecord, {
      principalId: req.principalId,
      operation: req.operation,
      key: req.key,
      createdAt: { $lte: new Date(Date.now() - TTL_MS) },
    });
    tx.persist(tx.create(IdempotencyRecord, { principalId: req.principalId, operation: req.operation, key: req.key, resultId }));
  }

  /**
   * Runs `create` unless the key was seen; when a concurrent try with the same key wins the
   * race (unique violation), returns that try's result instead.
   */
  async run<T>(em: EntityManager, req: IdempotentRequest, create: () => Promise<T>, load: (id: string) => Promise<T>): Promise<T> {
    const earlier = await this.previous(em, req);
    if (earlier) return load(earlier);
    try {
      return await create();
    } catch (error) {
      if (req.key && error instanceof UniqueConstraintViolationException) {
        const winner = await this.previous(em.fork({ clear: true }), req);
        if (winner) return load(winner);
      }
      throw error;
    }
  }
}
