import { setTimeout as sleep } from 'node:timers/promises';
import { DeadlockException, LockWaitTimeoutException, type EntityManager } from '@mikro-orm/core';
import { lockConflictRetries } from '../metrics/metrics.js';

/** A lock conflict the database resolved by rolling one transaction back: running it again is safe. */
export const isLockConflict = (error: unknown): boolean => error instanceof DeadlockException || error instanceof LockWaitTimeoutException;

/**
 * One transaction on `em`, run again when MariaDB picks it as a deadlock's victim (up to
 * `attempts` times, after a short random pause). Each attempt starts from a clear identity
 * map, so it reads fresh rows instead of entities an attempt that was rolled back changed in
 * memory. Only for work whose effects are all in the transaction. Inside a caller's
 * transaction it runs once: the conflict rolls the caller back too.
 */
export async function retriedTransaction<T>(em: EntityManager, work: (tx: EntityManager) => Promise<T>, attempts = 3): Promise<T> {
  const retry = !em.isInTransaction();
  for (let attempt = 1; ; attempt++) {
    try {
      return await em.transactional(work, { clear: true });
    } catch (error) {
      if (!retry || attempt >= attempts || !isLockConflict(error)) throw error;
      lockConflictRetries.inc();
      await sleep(5 + Math.random() * 20 * attempt);
    }
  }
}
