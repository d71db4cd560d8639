import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/** A bucket's state as reported to clients (extensions.cost.throttleStatus and X-RateLimit-*). */
export interface ThrottleState {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
  /** Milliseconds until the bucket is full again. */
  msUntilFull: number;
}

export interface TakeResult {
  allowed: boolean;
  state: ThrottleState;
  /** When refused: milliseconds until the cost fits. */
  retryAfterMs: number;
}

/**
 * A leaky bucket of points per key: each operation pours its cost in, and it drains at
 * `restoreRate` points per second; an operation that would overflow is refused and pours
 * nothing. The fill level is kept as the key's time to live (level = ttl × rate), so one
 * atomic script reads and updates it.
 */
export interface PointsBucket {
  take(key: string, points: number): Promise<TakeResult>;
  /** Gives back points (the difference between requested and actual cost). */
  refund(key: string, points: number): Promise<ThrottleState>;
  peek(key: string): Promise<ThrottleState>;
}

// KEYS[1]; ARGV: points to add (negative = refund), (unused), capacity, seconds to drain a full bucket.
const LEAKY_BUCKET_LUA = `
local capacity = tonumber(ARGV[3])
local rate = capacity / tonumber(ARGV[4])
local ttl = redis.call('pttl', KEYS[1])
local level = 0
if ttl > 0 then level = ttl * rate / 1000 end
local nextLevel = level + tonumber(ARGV[1])
if nextLevel < 0 then nextLevel = 0 end
if nextLevel > capacity then
  return { math.ceil(nextLevel), math.ceil((nextLevel - capacity) * 1000 / rate) }
end
local ms = math.ceil(nextLevel * 1000 / rate)
if ms <= 0 then
  redis.call('del', KEYS[1])
  return { 0, 0 }
end
redis.call('set', KEYS[1], tostring(nextLevel), 'PX', ms)
return { math.ceil(nextLevel), ms }
`;

abstract class BucketBase implements PointsBucket {
  constructor(
    protected readonly capacity: number,
    protected readonly rate: number,
  ) {}

  /** Adds points (or removes them when negative): [level, ms] where ms is the time until empty, or until it fits when refused. */
  protected abstract pour(key: string, points: number): Promise<{ refused: boolean; level: number; ms: number }>;

  protected state(level: number): ThrottleState {
    const used = Math.min(this.capacity, Math.max(0, level));
    return {
      maximumAvailable: this.capacity,
      currentlyAvailable: Math.floor(this.capacity - used),
      restoreRate: this.rate,
      msUntilFull: Math.ceil((used * 1000) / this.rate),
    };
  }

  async take(key: string, points: number): Promise<TakeResult> {
    const r = await this.pour(key, points);
    if (!r.refused) return { allowed: true, state: this.state(r.level), retryAfterMs: 0 };
    const current = r.level - points;
    return { allowed: false, state: this.state(current), retryAfterMs: Math.max(1, r.ms) };
  }

  async refund(key: string, points: number): Promise<ThrottleState> {
    return this.state((await this.pour(key, -Math.max(0, points))).level);
  }

  async peek(key: string): Promise<ThrottleState> {
    return this.state((await this.pour(key, 0)).level);
  }
}

/** Shared by every instance: rate-limiter-flexible's Redis limiter running the leaky-bucket script. */
export class RedisBucket extends BucketBase {
  private readonly limiter: RateLimiterRedis;

  constructor(redis: Redis, keyPrefix: string, capacity: number, rate: number) {
    super(capacity, rate);
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      useRedisPackage: false,
      keyPrefix,
      points: capacity,
      duration: capacity / rate,
      customIncrTtlLuaScript: LEAKY_BUCKET_LUA,
    });
  }

  protected async pour(key: string, points: number) {
    try {
      const res = points < 0 ? await this.limiter.reward(key, -points) : await this.limiter.consume(key, points);
      return { refused: false, level: res.consumedPoints, ms: res.msBeforeNext };
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      return { refused: true, level: error.consumedPoints, ms: error.msBeforeNext };
    }
  }
}

/** One process: the same arithmetic in memory. */
export class MemoryBucket extends BucketBase {
  private readonly levels = new Map<string, { level: number; at: number }>();

  constructor(capacity: number, rate: number, private readonly now: () => number = Date.now) {
    super(capacity, rate);
  }

  protected async pour(key: string, points: number) {
    const now = this.now();
    const entry = this.levels.get(key);
    const level = entry ? Math.max(0, entry.level - ((now - entry.at) / 1000) * this.rate) : 0;
    const next = Math.max(0, level + points);
    if (next > this.capacity) return { refused: true, level: next, ms: Math.ceil(((next - this.capacity) * 1000) / this.rate) };
    if (next === 0) this.levels.delete(key);
    else this.levels.set(key, { level: next, at: now });
    if (this.levels.size > 50_000) this.levels.delete(this.levels.keys().next().value!);
    return { refused: false, level: next, ms: Math.ceil((next * 1000) / this.rate) };
  }
}

/**
 * The shared bucket, and this instance's own bucket while the shared one cannot be reached
 * (Redis down): limits keep holding per instance during an outage instead of lapsing.
 */
export class FallbackBucket implements PointsBucket {
  constructor(
    private readonly shared: PointsBucket,
    private readonly local: PointsBucket,
  ) {}

  private async either<T>(run: (bucket: PointsBucket) => Promise<T>): Promise<T> {
    try {
      return await run(this.shared);
    } catch {
      return run(this.local);
    }
  }

  take(key: string, points: number) {
    return this.either((b) => b.take(key, points));
  }

  refund(key: string, points: number) {
    return this.either((b) => b.refund(key, points));
  }

  peek(key: string) {
    return this.either((b) => b.peek(key));
  }
}
