import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

/**
 * Delivered to this process's listeners only, each time the Redis subscription is (re)established
 * (and once more a second later, once the re-subscription has surely reached Redis): whatever other
 * instances published while it was away was not received, so readers of durable streams catch up.
 */
export const FANOUT_RESTORED = 'pubsub:fanout-restored';

type Listener = (event: CustomEvent) => void;
type ListenerLike = Listener | { handleEvent(event: CustomEvent): void };

/**
 * The EventTarget behind pub/sub. Events are delivered to this process's listeners at
 * once and, when Redis is configured, published for the other instances, which ignore
 * their own echoes. So each event reaches every instance exactly once, and an instance
 * keeps serving its own events while Redis is away; it rejoins when Redis is back.
 */
export class FanoutEventTarget {
  readonly instanceId = randomUUID();
  private readonly listeners = new Map<string, Set<ListenerLike>>();
  private publisher?: Redis;
  private subscriber?: Redis;
  private lastWarning = 0;

  constructor(
    private readonly options: { redisUrl?: string; prefix: string; logger: Logger },
  ) {
    if (!options.redisUrl) return;
    const common = { maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: (n: number) => Math.min(n * 200, 2000) };
    this.publisher = new Redis(options.redisUrl, common);
    this.subscriber = new Redis(options.redisUrl, { ...common, enableOfflineQueue: true, maxRetriesPerRequest: null });
    for (const [name, client] of [['publisher', this.publisher], ['subscriber', this.subscriber]] as const) {
      client.on('error', (err: Error) => this.warn(`redis ${name} error: ${err.message}`));
      client.on('ready', () => options.logger.info({ client: name }, 'redis fan-out connected'));
      client.on('end', () => options.logger.warn({ client: name }, 'redis fan-out connection closed'));
    }
    this.subscriber.on('ready', () => {
      this.deliver(FANOUT_RESTORED, { at: Date.now() });
      setTimeout(() => this.deliver(FANOUT_RESTORED, { at: Date.now() }), 1000).unref();
    });
    void this.subscriber.psubscribe(`${options.prefix}*`).catch((err: Error) => this.warn(`redis psubscribe failed: ${err.message}`));
    this.subscriber.on('pmessageBuffer', (_pattern: Buffer, channel: Buffer, message: Buffer) => {
      try {
        const { o: origin, d: detail } = JSON.parse(message.toString('utf8')) as { o: string; d: unknown };
        if (origin === this.instanceId) return;
        this.deliver(channel.toString('utf8').slice(options.prefix.length), detail);
      } catch (err) {
        this.warn(`dropped a malformed fan-out message: ${(err as Error).message}`);
      }
    });
  }

  get mode(): 'memory' | 'redis' {
    return this.publisher ? 'redis' : 'memory';
  }

  addEventListener(type: string, listener: ListenerLike | null): void {
    if (!listener) return;
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener);
  }

  removeEventListener(type: string, listener: ListenerLike | null): void {
    if (!listener) return;
    const set = this.listeners.get(type);
    set?.delete(listener);
    if (set && set.size === 0) this.listeners.delete(type);
  }

  dispatchEvent(event: Event): boolean {
    const detail = (event as CustomEvent).detail;
    this.deliver(event.type, detail);
    if (this.publisher) {
      const message = JSON.stringify({ o: this.instanceId, d: detail });
      this.publisher.publish(`${this.options.prefix}${event.type}`, message).catch((err: Error) => {
        this.warn(`redis publish failed, delivering locally only: ${err.message}`);
      });
    }
    return true;
  }

  private deliver(type: string, detail: unknown): void {
    const set = this.listeners.get(type);
    if (!set) return;
    const event = new CustomEvent(type, { detail });
    for (const listener of [...set]) {
      try {
        if (typeof listener === 'function') listener(event);
        else listener.handleEvent(event);
      } catch (err) {
        this.options.logger.error({ err }, 'pub/sub listener failed');
      }
    }
  }

  private warn(message: string): void {
    const now = Date.now();
    if (now - this.lastWarning < 5000) return;
    this.lastWarning = now;
    this.options.logger.warn(message);
  }

  async close(): Promise<void> {
    this.publisher?.disconnect();
    this.subscriber?.disconnect();
  }
}
