import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

export enum PresenceStatus {
  ONLINE = 'ONLINE',
  AWAY = 'AWAY',
  BUSY = 'BUSY',
  OFFLINE = 'OFFLINE',
}

export interface PresenceState {
  status: PresenceStatus;
  updatedAt: Date;
}

/** A user whose presence changed without an action of theirs (their instance died, or came back). */
export interface PresenceChange {
  tenantId: string;
  userId: string;
}

/** Open connections and chosen status per agent. Redis-backed when several instances run. */
export interface PresenceStore {
  /** Adds a connection; returns how many the user now has. */
  connect(tenantId: string, userId: string): Promise<number>;
  /** Removes a connection; returns how many remain. */
  disconnect(tenantId: string, userId: string): Promise<number>;
  setStatus(tenantId: string, userId: string, status: PresenceStatus): Promise<void>;
  get(tenantId: string, userIds: string[]): Promise<Map<string, PresenceState>>;
  /**
   * Renews this instance's lease and reasserts its connections; ends the leases of dead
   * instances. Returns who went offline with a dead instance, and who is back online
   * because this instance's connections had been lost (e.g. Redis restarted).
   */
  heartbeat?(): Promise<{ offline: PresenceChange[]; online: PresenceChange[] }>;
  /** How often heartbeat() should run. */
  readonly heartbeatMs?: number;
}

type Stored = { status: PresenceStatus; at: string };

export class MemoryPresenceStore implements PresenceStore {
  private readonly conns = new Map<string, number>();
  private readonly statuses = new Map<string, Stored>();

  async connect(tenantId: string, userId: string) {
    const key = `${tenantId}:${userId}`;
    const n = (this.conns.get(key) ?? 0) + 1;
    this.conns.set(key, n);
    return n;
  }

  async disconnect(tenantId: string, userId: string) {
    const key = `${tenantId}:${userId}`;
    const n = Math.max(0, (this.conns.get(key) ?? 0) - 1);
    if (n === 0) this.conns.delete(key);
    else this.conns.set(key, n);
    return n;
  }

  async setStatus(tenantId: string, userId: string, status: PresenceStatus) {
    this.statuses.set(`${tenantId}:${userId}`, { status, at: new Date().toISOString() });
  }

  async get(tenantId: string, userIds: string[]) {
    return new Map(
      userIds.map((id) => [id, effective(this.conns.get(`${tenantId}:${id}`) ?? 0, this.statuses.get(`${tenantId}:${id}`))] as const),
    );
  }
}

const FIELD_SEPARATOR = '|';

/**
 * Presence across instances. Each instance keeps its own connection counts in a hash of its
 * own (`presence:instance:<id>`, field `<tenant>|<user>`), listed with a lease expiry in the
 * `presence:instances` sorted set. A user's connection count is the sum over instances whose
 * lease is current, so the connections of an instance killed without a goodbye stop
 * counting when its lease runs out; the first live instance to see the dead lease removes
 * it (ZREM decides who) and reports its users that are now offline. The instance also keeps
 * its counts in memory and rewrites them at every heartbeat, so presence heals by itself
 * after Redis lost its data or was unreachable.
 */
export class RedisPresenceStore implements PresenceStore {
  readonly instanceId = randomUUID();
  readonly heartbeatMs: number;
  private readonly local = new Map<string, number>();
  /** Users who connected while Redis could not be told: announced at the next good heartbeat. */
  private readonly unannounced = new Set<string>();
  private announceAgain: string[] = [];

  constructor(
    private readonly redis: Redis,
    private readonly leaseMs = 20_000,
  ) {
    this.heartbeatMs = Math.max(250, Math.floor(leaseMs / 4));
  }

  private readonly instancesKey = 'presence:instances';
  private instanceKey(id: string) {
    return `presence:instance:${id}`;
  }
  private statusKey(tenantId: string) {
    return `presence:${tenantId}:status`;
  }

  async connect(tenantId: string, userId: string) {
    return this.change(tenantId, userId, 1);
  }

  async disconnect(tenantId: string, userId: string) {
    return this.change(tenantId, userId, -1);
  }

  private async change(tenantId: string, userId: string, delta: number): Promise<number> {
    const field = `${tenantId}${FIELD_SEPARATOR}${userId}`;
    const n = Math.max(0, (this.local.get(field) ?? 0) + delta);
    if (n === 0) this.local.delete(field);
    else this.local.set(field, n);
    const key = this.instanceKey(this.instanceId);
    const tx = this.redis.multi();
    if (n === 0) tx.hdel(key, field);
    else tx.hset(key, field, n);
    tx.pexpire(key, this.leaseMs * 2).zadd(this.instancesKey, Date.now() + this.leaseMs, this.instanceId);
    try {
      await tx.exec();
    } catch (err) {
      if (delta > 0) this.unannounced.add(field);
      throw err;
    }
    // This instance's own count as of this call (so concurrent calls see 1, 2, 3 ...), plus the others'.
    return n + (await this.counts(tenantId, [userId], true))[0];
  }

  /** Connections per user, summed over the instances whose lease is current. */
  private async counts(tenantId: string, userIds: string[], othersOnly = false): Promise<number[]> {
    let live = await this.redis.zrangebyscore(this.instancesKey, Date.now(), '+inf');
    if (othersOnly) live = live.filter((id) => id !== this.instanceId);
    const totals = userIds.map(() => 0);
    if (!live.length || !userIds.length) return totals;
    const fields = userIds.map((id) => `${tenantId}${FIELD_SEPARATOR}${id}`);
    const pipeline = this.redis.pipeline();
    for (const id of live) pipeline.hmget(this.instanceKey(id), ...fields);
    for (const [err, values] of (await pipeline.exec()) ?? []) {
      if (err) throw err;
      (values as Array<string | null>).forEach((v, i) => (totals[i] += Number(v ?? 0)));
    }
    return totals;
  }

  async setStatus(tenantId: string, userId: string, status: PresenceStatus) {
    await this.redis.hset(this.statusKey(tenantId), userId, JSON.stringify({ status, at: new Date().toISOString() }));
  }

  async get(tenantId: string, userIds: string[]) {
    if (!userIds.length) return new Map<string, PresenceState>();
    let conns: number[];
    let statuses: Array<string | null>;
    try {
      [conns, statuses] = await Promise.all([this.counts(tenantId, userIds), this.redis.hmget(this.statusKey(tenantId), ...userIds)]);
    } catch {
      // Redis unreachable: answer with what this instance knows (its own connections).
      conns = userIds.map((id) => this.local.get(`${tenantId}${FIELD_SEPARATOR}${id}`) ?? 0);
      statuses = userIds.map(() => null);
    }
    return new Map(userIds.map((id, i) => [id, effective(conns[i], statuses[i] ? (JSON.parse(statuses[i]!) as Stored) : undefined)] as const));
  }

  async heartbeat() {
    const now = Date.now();
    const key = this.instanceKey(this.instanceId);
    const tx = this.redis.multi().del(key);
    if (this.local.size) tx.hset(key, Object.fromEntries(this.local)).pexpire(key, this.leaseMs * 2);
    tx.zadd(this.instancesKey, now + this.leaseMs, this.instanceId);
    const results = (await tx.exec()) ?? [];
    // ZADD answers 1 when this instance was not listed: its connections did not count until now.
    const relisted = Number(results[results.length - 1]?.[1] ?? 0) === 1;
    const fresh = [...this.local.keys()].filter((f) => relisted || this.unannounced.has(f));
    // Announced at the next heartbeat too: the fan-out may reconnect to Redis a moment later than this client.
    const online = [...new Set([...fresh, ...this.announceAgain])].filter((f) => this.local.has(f)).map(parseField);
    this.announceAgain = fresh;
    this.unannounced.clear();

    const offline: PresenceChange[] = [];
    for (const dead of await this.redis.zrangebyscore(this.instancesKey, '-inf', now)) {
      if ((await this.redis.zrem(this.instancesKey, dead)) !== 1) continue; // another instance cleans it up
      const deadKey = this.instanceKey(dead);
      const fields = Object.keys(await this.redis.hgetall(deadKey));
      await this.redis.del(deadKey);
      for (const change of fields.map(parseField)) {
        if ((await this.counts(change.tenantId, [change.userId]))[0] === 0) offline.push(change);
      }
    }
    return { offline, online };
  }

}

function parseField(field: string): PresenceChange {
  const at = field.indexOf(FIELD_SEPARATOR);
  return { tenantId: field.slice(0, at), userId: field.slice(at + 1) };
}

function effective(connections: number, stored: Stored | undefined): PresenceState {
  if (connections <= 0) return { status: PresenceStatus.OFFLINE, updatedAt: stored ? new Date(stored.at) : new Date(0) };
  return { status: stored?.status ?? PresenceStatus.ONLINE, updatedAt: stored ? new Date(stored.at) : new Date() };
}
