import { randomUUID } from 'node:crypto';
import { LockMode, type EntityClass, type EntityManager, type FilterQuery, type FindOptions } from '@mikro-orm/core';
import type { Logger } from '../logger.js';

/**
 * The transactional-outbox machinery shared by every background sender (mail, webhooks):
 * rows are written in the business transaction, and a worker on every instance claims due
 * rows, attempts them, and records the result under its claim, retrying with backoff.
 */

/** Exponential backoff with jitter: half the doubled delay is fixed, the other half random. */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const delay = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(delay / 2 + (random() * delay) / 2);
}

/** What a claimable outbox row has. */
export interface ClaimableRow {
  id: string;
  nextAttemptAt: Date;
  lockedBy?: string | null;
  lockedUntil?: Date | null;
}

export interface ClaimOptions<T extends ClaimableRow> {
  /** The due rows (the caller's condition; "not claimed by anyone alive" is added here). */
  due: FilterQuery<T>;
  now: Date;
  limit: number;
  /** Until when the claim holds: longer than any attempt, short enough to recover from a crash. */
  lockedUntil: Date;
  /** SELECT ... FOR UPDATE SKIP LOCKED, where the database has row locks. */
  lockRows: boolean;
  /** Extra find/update options (e.g. the cross-tenant filter switch). */
  options?: FindOptions<T>;
}

/** Rows are claimed by one instance's numbered passes: `instance:pass`. */
export class ClaimTokens {
  private readonly instance = randomUUID();
  private count = 0;
  next(): string {
    return `${this.instance}:${++this.count}`;
  }
}

/**
 * Claims up to `limit` due rows for `token` with a conditional UPDATE (after a locking SELECT
 * where the database has row locks), so each attempt is made by exactly one instance, and
 * returns the claimed rows.
 */
export async function claimDue<T extends ClaimableRow>(em: EntityManager, entity: EntityClass<T>, token: string, o: ClaimOptions<T>): Promise<T[]> {
  const options = (o.options ?? {}) as FindOptions<T>;
  const free = { $or: [{ lockedUntil: null }, { lockedUntil: { $lt: o.now } }] } as FilterQuery<T>;
  const where = { $and: [o.due, free] } as FilterQuery<T>;
  await em.transactional(async (tx) => {
    const due = await tx.find(entity, where, {
      ...options,
      fields: ['id'],
      orderBy: { nextAttemptAt: 'asc' },
      limit: o.limit,
      ...(o.lockRows ? { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE } : {}),
    } as unknown as FindOptions<T>);
    if (!due.length) return;
    // With row locks the selected rows are ours until commit, so the claim names them by key
    // alone (no range locks that could wait on another instance's rows); without them
    // (SQLite, one writer at a time) it repeats the due condition.
    const picked = { id: { $in: due.map((d) => d.id) } } as unknown as FilterQuery<T>;
    await tx.nativeUpdate(entity, o.lockRows ? picked : ({ $and: [where, picked] } as FilterQuery<T>), { lockedBy: token, lockedUntil: o.lockedUntil } as never, options as never);
  });
  return em.fork({ clear: true }).find(entity, { lockedBy: token } as FilterQuery<T>, options);
}

/** An outbox's depth and the age of its oldest waiting row, for the metrics. */
export async function outboxStats<T extends { createdAt: Date }>(
  em: EntityManager,
  entity: EntityClass<T>,
  name: string,
  waiting: FilterQuery<T>,
  now: number,
  options: FindOptions<T> = {},
): Promise<{ outbox: string; depth: number; oldestAgeSeconds: number }> {
  const depth = await em.count(entity, waiting, options as never);
  const oldest = depth ? await em.findOne(entity, waiting, { ...options, orderBy: { createdAt: 'asc' }, fields: ['createdAt'] } as never) : null;
  const oldestAgeSeconds = oldest ? Math.max(0, (now - (oldest as T).createdAt.getTime()) / 1000) : 0;
  return { outbox: name, depth, oldestAgeSeconds };
}

/**
 * A worker that runs passes: at start, every `pollMs`, and soon after a `kick()`; a pass that
 * reports more work waiting is followed at once by another. Passes never overlap, and a
 * failed pass loses nothing (its rows stay due for the next one).
 */
export abstract class PollingWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  protected stopped = true;

  constructor(
    protected readonly name: string,
    protected readonly pollMs: number,
    protected readonly logger: Logger,
  ) {}

  /** One pass; resolves true when more work is waiting right away. */
  protected abstract pass(): Promise<boolean>;

  start(): void {
    if (!this.pollMs) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** New work: run a pass soon instead of at the next poll. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Asks for another pass right after this one. */
  protected more(): void {
    this.again = true;
  }

  async runOnce(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        if (await this.pass()) this.again = true;
      } catch (err) {
        // Nothing is lost: the rows stay due, and the next pass picks them up.
        this.logger.warn({ err: (err as Error).message }, `${this.name} pass failed; retrying at the next poll`);
      }
    })();
    await this.running;
    this.running = undefined;
    if (!this.stopped) this.schedule(this.again ? 0 : this.pollMs);
    this.again = false;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.runOnce(), ms);
    this.timer.unref();
  }
}
