import { Entity, PrimaryKey, Property, type EntityManager } from '@mikro-orm/core';
import { LibSqlPlatform } from '@mikro-orm/libsql';
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
 * Takes the next value of a tenant counter inside the caller's transaction, in one
 * statement. The atomic upsert increments the row and keeps it locked until commit, so concurrent transactions
 * of a tenant get distinct values, in commit order. Callers take counters in a fixed order
 * ('ticket_number' before 'event_seq') so they cannot deadlock.
 * Raw SQL: the tenant predicate is explicit here.
 */
export async function nextCounterValue(em: EntityManager, name: string, start: number): Promise<number> {
  const tenantId = em.getFilterParams<TenantFilterParams>(TENANT_FILTER)?.tenantId;
  if (!tenantId) throw new Error('nextCounterValue needs a tenant-scoped EntityManager');
  const conn = (em as SqlEntityManager).getConnection();
  const ctx = em.getTransactionContext();
  if (em.getPlatform() instanceof LibSqlPlatform) {
    const [row] = await conn.execute<Array<{ value: number | string }>>(
      'insert into tenant_counters (tenant_id, name, value) values (?, ?, ?) on conflict (tenant_id, name) do update set value = value + 1 returning value',
      [tenantId, name, start],
      'all',
      ctx,
    );
    return Number(row.value);
  }
  // MySQL and MariaDB: LAST_INSERT_ID(expr) hands the new value back with the insert's own
  // result (insertId), so one statement takes the value.
  const result = await conn.execute<{ insertId: number | string }>(
    'insert into tenant_counters (tenant_id, name, value) values (?, ?, last_insert_id(?)) on duplicate key update value = last_insert_id(value + 1)',
    [tenantId, name, start],
    'run',
    ctx,
  );
  return Number(result.insertId);
}
