import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { Principal } from '../auth/principal.js';
import { TENANT_FILTER } from './base.entity.js';

/**
 * The one tenancy primitive: a fresh EntityManager fork with the tenant filter set to the
 * tenant. Every scoped EntityManager in the API comes from here: HTTP requests and
 * WebSocket operations (through `scopeForPrincipal`), the upload routes, and background
 * workers and identity flows that run before a principal exists (with a tenant id).
 * Without a tenant the filter has no parameter and fails closed on tenant-owned entities.
 */
export function forTenant(em: EntityManager, tenantId: string | null): EntityManager {
  const fork = em.fork({ clear: true, useContext: false });
  if (tenantId) fork.setFilterParams(TENANT_FILTER, { tenantId });
  return fork;
}

/** The EntityManager of one request or operation, scoped to the principal's tenant (none when anonymous). */
export function scopeForPrincipal(orm: MikroORM, principal: Principal | null): EntityManager {
  return forTenant(orm.em, principal?.tenantId ?? null);
}

/** Options that lift the tenant filter. Every use must say why in a comment. */
export const CROSS_TENANT = { filters: { [TENANT_FILTER]: false } } as const;
