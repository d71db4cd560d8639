import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { rateLimited } from './errors.js';

export interface LimiterOptions {
  keyPrefix: string;
  points: number;
  durationSeconds: number;
}

/** Counts in Redis when a client is given (shared by every instance), in memory otherwise. */
export function createLimiter(options: LimiterOptions, redis?: Redis): RateLimiterAbstract {
  const base = { keyPrefix: options.keyPrefix, points: options.points, duration: options.durationSeconds };
  // While Redis is unreachable, each instance counts in memory: the limit holds per instance.
  return redis
    ? new RateLimiterRedis({ ...base, storeClient: redis, useRedisPackage: false, insuranceLimiter: new RateLimiterMemory(base) })
    : new RateLimiterMemory(base);
}

/**
 * Reserves one attempt atomically (a consume, in Redis or in memory) before the work it
 * limits, so concurrent attempts can't all pass a check made before any of them is
 * counted. Throws RATE_LIMITED when the key has no points left.
 */
export async function reserveAttempt(limiter: RateLimiterAbstract, key: string, message: string): Promise<void> {
  try {
    await limiter.consume(key, 1);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    throw rateLimited(Math.max(1, Math.ceil(error.msBeforeNext / 1000)), message);
  }
}

/** Gives back one reserved attempt (a success): only this attempt's point, never the others'. */
export async function releaseAttempt(limiter: RateLimiterAbstract, key: string): Promise<void> {
  await limiter.reward(key, 1);
}
