import { JsonType, type EntityName, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { QBFilterQuery, SqlEntityManager } from '@mikro-orm/knex';

export interface PlainFindOptions<T> {
  orderBy?: QueryOrderMap<T> | QueryOrderMap<T>[];
  limit?: number;
}

/**
 * Rows of an entity as plain objects with the entity's property names and JS types (dates,
 * JSON), not managed entities: for lists that only render, so they skip the identity map
 * and hydration. The query builder gets the same default filters `em.find` applies (the
 * tenant filter among them, from the EntityManager's filter parameters), so tenant scoping
 * stays structural: callers add no tenant predicate and cannot forget one.
 */
export async function findPlain<T extends object>(em: SqlEntityManager, entity: EntityName<T>, where: FilterQuery<T>, options: PlainFindOptions<T> = {}): Promise<T[]> {
  const qb = em.createQueryBuilder(entity).select('*').where(where as QBFilterQuery<T>);
  if (options.orderBy) qb.orderBy(options.orderBy);
  if (options.limit !== undefined) qb.limit(options.limit);
  await qb.applyFilters();
  const rows = (await qb.execute('all')) as Array<Record<string, unknown>>;
  // The result mapper converts column names and dates; JSON stored as text (SQLite) still needs parsing.
  const meta = em.getMetadata().find(typeof entity === 'string' ? entity : (entity as { name: string }).name)!;
  const platform = em.getPlatform();
  const json = meta.props.filter((p) => p.customType instanceof JsonType);
  for (const row of rows) {
    for (const p of json) if (typeof row[p.name] === 'string') row[p.name] = p.customType!.convertToJSValue(row[p.name], platform);
  }
  return rows as T[];
}
