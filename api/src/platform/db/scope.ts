import type { EntityManager } from '@mikro-orm/core';
import { TENANT_FILTER } from './base.entity.js';

/**
 * A fork of `em` scoped to one tenant. Only identity flows that run before a principal
 * exists (sign-in, token refresh, tenant switch) and background workers call this; request
 * code gets its scoped EntityManager from the GraphQL context.
 */
export function forTenant(em: EntityManager, tenantId: string): EntityManager {
  const fork = em.fork({ clear: true, useContext: false });
  fork.setFilterParams(TENANT_FILTER, { tenantId });
  return fork;
}

/** Options that lift the tenant filter. Every use must say why in a comment. */
export const CROSS_TENANT = { filters: { [TENANT_FILTER]: false } } as const;
