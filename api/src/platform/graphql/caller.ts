import type { EntityManager } from '@mikro-orm/core';
import { createParameterDecorator } from 'type-graphql';
import type { Principal } from '../auth/principal.js';
import { unauthenticated } from '../errors.js';
import type { GraphQLContext, ServiceRegistry } from './context.js';
import type { Loaders } from './loaders.js';

/**
 * Who is asking, with the EntityManager scoped to their tenant and the operation's loaders:
 * what services and loaders receive. The shared request context of every module.
 */
export interface Caller extends RequestScope {
  loaders: Loaders;
  /** Long-lived services by class. */
  services: ServiceRegistry;
}

/** What a service method needs to act for someone: the principal and its tenant-scoped EntityManager. */
export interface RequestScope {
  principal: Principal;
  em: EntityManager;
}

/** The caller of an operation. The `@auth` directive has already refused anonymous calls; this fails closed anyway. */
export function callerOf(ctx: GraphQLContext): Caller {
  if (!ctx.principal) throw unauthenticated();
  return { principal: ctx.principal, em: ctx.em, loaders: ctx.loaders, services: ctx.services };
}

/** The signed-in principal of an operation (for subscription sources, which get the context directly). */
export function principalOf(ctx: GraphQLContext): Principal {
  if (!ctx.principal) throw unauthenticated();
  return ctx.principal;
}

/** Parameter decorator: hands a resolver its `Caller` (principal, tenant-scoped EntityManager, loaders). */
export function Caller() {
  return createParameterDecorator<GraphQLContext>(({ context }) => callerOf(context));
}
