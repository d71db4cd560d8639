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

/** Throws RATE_LIMITED when the key has no points left (without consuming one). */
export async function assertNotLimited(limiter: RateLimiterAbstract, key: string, message: string): Promise<void> {
  const state = await limiter.get(key);
  if (state && state.consumedPoints >= limiter.points) {
    throw rateLimited(Math.max(1, Math.ceil(state.msBeforeNext / 1000)), message);
  }
}

/** Records one failure; never throws for an exhausted bucket (the next check will). */
export async function recordFailure(limiter: RateLimiterAbstract, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
  }
}
