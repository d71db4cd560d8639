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

/** Open connections and chosen status per agent. Redis-backed when several instances run. */
export interface PresenceStore {
  /** Adds a connection; returns how many the user now has. */
  connect(tenantId: string, userId: string): Promise<number>;
  /** Removes a connection; returns how many remain. */
  disconnect(tenantId: string, userId: string): Promise<number>;
  setStatus(tenantId: string, userId: string, status: PresenceStatus): Promise<void>;
  get(tenantId: string, userIds: string[]): Promise<Map<string, PresenceState>>;
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

export class RedisPresenceStore implements PresenceStore {
  constructor(private readonly redis: Redis) {}

  private keys(tenantId: string) {
    return { conns: `presence:${tenantId}:conns`, status: `presence:${tenantId}:status` };
  }

  async connect(tenantId: string, userId: string) {
    return this.redis.hincrby(this.keys(tenantId).conns, userId, 1);
  }

  async disconnect(tenantId: string, userId: string) {
    const n = await this.redis.hincrby(this.keys(tenantId).conns, userId, -1);
    if (n <= 0) await this.redis.hdel(this.keys(tenantId).conns, userId);
    return Math.max(0, n);
  }

  async setStatus(tenantId: string, userId: string, status: PresenceStatus) {
    await this.redis.hset(this.keys(tenantId).status, userId, JSON.stringify({ status, at: new Date().toISOString() }));
  }

  async get(tenantId: string, userIds: string[]) {
    if (!userIds.length) return new Map<string, PresenceState>();
    const k = this.keys(tenantId);
    const [conns, statuses] = await Promise.all([this.redis.hmget(k.conns, ...userIds), this.redis.hmget(k.status, ...userIds)]);
    return new Map(userIds.map((id, i) => [id, effective(Number(conns[i] ?? 0), statuses[i] ? (JSON.parse(statuses[i]!) as Stored) : undefined)] as const));
  }
}

function effective(connections: number, stored: Stored | undefined): PresenceState {
  if (connections <= 0) return { status: PresenceStatus.OFFLINE, updatedAt: stored ? new Date(stored.at) : new Date(0) };
  return { status: stored?.status ?? PresenceStatus.ONLINE, updatedAt: stored ? new Date(stored.at) : new Date() };
}
