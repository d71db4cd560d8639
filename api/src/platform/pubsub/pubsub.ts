import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

export interface PubSubHandle {
  pubSub: PubSub<Record<string, [unknown]>>;
  mode: 'memory' | 'redis';
  close(): Promise<void>;
}

/**
 * In-process pub/sub, or Redis fan-out across API instances when REDIS_URL is set.
 * Redis clients reconnect by themselves; outages are logged and never crash the process.
 */
export function createPubSubHandle(redisUrl: string | undefined, logger: Logger): PubSubHandle {
  if (!redisUrl) return { pubSub: createPubSub(), mode: 'memory', close: async () => {} };
  const options = { maxRetriesPerRequest: null, enableOfflineQueue: true, lazyConnect: false };
  const publishClient = new Redis(redisUrl, options);
  const subscribeClient = new Redis(redisUrl, options);
  for (const [name, client] of [['publish', publishClient], ['subscribe', subscribeClient]] as const) {
    client.on('error', (err) => logger.warn({ err: err.message, client: name }, 'redis pub/sub connection problem'));
    client.on('ready', () => logger.info({ client: name }, 'redis pub/sub connected'));
  }
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  return {
    pubSub: createPubSub({ eventTarget }),
    mode: 'redis',
    async close() {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}
