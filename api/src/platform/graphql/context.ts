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
  /** The browser's `Origin` header of an HTTP request, if any (the widget's origin rule). */
  origin?: string;
  /** The HTTP request's `User-Agent` (recorded on live chats). */
  userAgent?: string;
  logger: Logger;
  /** Batching loaders for this request or operation. */
  loaders: Loaders;
  /** Long-lived services by class, for code that has no resolver instance (subscription sources). */
  services: ServiceRegistry;
  /** WebSocket operations: called at the start of each subscription event for fresh loaders and identity map. */
  refresh?(): void;
}

export interface ServiceRegistry {
  get<T>(cls: abstract new (...args: never[]) => T): T;
}

export function serviceRegistry(instances: Map<Function, object>): ServiceRegistry {
  return {
    get<T>(cls: abstract new (...args: never[]) => T): T {
      const instance = instances.get(cls);
      if (!instance) throw new Error(`No service registered for ${cls.name}`);
      return instance as T;
    },
  };
}
