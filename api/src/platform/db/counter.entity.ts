import { Entity, PrimaryKey, Property, raw, type EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { TENANT_FILTER, type TenantFilterParams } from './base.entity.js';

/** Per-tenant monotonic counters (ticket numbers, event sequence). */
@Entity({ tableName: 'tenant_counters' })
export class TenantCounter {
  @PrimaryKey({ type: 'string', length: 36 })
  tenantId: string;

  @PrimaryKey({ type: 'string', length: 32 })
  name: string;

  @Property({ type: 'bigint', runtimeType: 'number' })
  value: number;
}

/**
 * Takes the next value of a tenant counter inside the caller's transaction. The UPDATE
 * locks the counter row until commit, so concurrent transactions of one tenant get
 * distinct values, in commit order. Callers must take counters in a fixed order
 * ('ticket_number' before 'event_seq') to avoid deadlocks.
 * Raw query builder code: the tenant predicate is explicit here.
 */
export async function nextCounterValue(em: EntityManager, name: string, start: number): Promise<number> {
  const tenantId = em.getFilterParams<TenantFilterParams>(TENANT_FILTER)?.tenantId;
  if (!tenantId) throw new Error('nextCounterValue needs a tenant-scoped EntityManager');
  const qb = () => (em as SqlEntityManager).createQueryBuilder(TenantCounter);
  await qb().insert({ tenantId, name, value: start - 1 }).onConflict(['tenant_id', 'name']).ignore().execute();
  await qb().update({ value: raw('value + 1') }).where({ tenantId, name }).execute();
  const row = await qb().select('value').where({ tenantId, name }).execute('get');
  return Number(row.value);
}
