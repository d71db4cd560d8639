import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import type { Logger } from '../logger.js';
import { FanoutEventTarget } from './event-bus.js';

export type AppPubSub = PubSub<Record<string, [unknown]>>;

export interface PubSubHandle {
  pubSub: AppPubSub;
  mode: 'memory' | 'redis';
  instanceId: string;
  close(): Promise<void>;
}

/** In-process pub/sub, with Redis fan-out across API instances when REDIS_URL is set. */
export function createPubSubHandle(redisUrl: string | undefined, prefix: string, logger: Logger): PubSubHandle {
  const eventTarget = new FanoutEventTarget({ redisUrl, prefix: `${prefix}events:`, logger });
  return {
    pubSub: createPubSub({ eventTarget: eventTarget as unknown as EventTarget }) as AppPubSub,
    mode: eventTarget.mode,
    instanceId: eventTarget.instanceId,
    close: () => eventTarget.close(),
  };
}
