import type { EntityManager } from '@mikro-orm/core';
import type { Principal } from '../auth/principal.js';
import type { Logger } from '../logger.js';
import type { Loaders } from './loaders.js';

export interface GraphQLContext {
  requestId: string;
  principal: Principal | null;
  /** A fork of the ORM for this request or WebSocket operation, with the tenant filter set. */
  em: EntityManager;
  ip: string;
  logger: Logger;
  /** Batching loaders for this request or operation. */
  loaders: Loaders;
}
