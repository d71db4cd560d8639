import { Utils, type AnyEntity, type Configuration, type EntityData, type LoggingOptions, type Transaction } from '@mikro-orm/core';
import type { QueryResult } from '@mikro-orm/core';
// Through the driver package, which re-exports the SQL layer: its ESM entry loads under the tracing hook.
import { AbstractSqlDriver, LibSqlConnection, LibSqlPlatform, type Knex } from '@mikro-orm/libsql';

/**
 * MikroORM's SQL connections inline every parameter into the statement text
 * (`platform.formatQuery`) and send it unparameterized. MySQL's escaping copes with any
 * byte, but SQLite's C parser stops at a NUL, so a value holding one breaks the statement
 * ("unrecognized token"). This connection binds the values as real statement parameters
 * instead, converted the way the SQLite platform would have written them (dates as epoch
 * milliseconds, booleans as 0/1, JSON objects as text). Statements whose parameters are
 * SQL fragments or lists (not values) keep the stock inlining.
 */
type Binding = string | number | bigint | Buffer | null;

function toBinding(value: unknown): Binding | undefined {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return +value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return value;
  if (Buffer.isBuffer(value)) return value;
  if (Utils.isPlainObject(value) && !Utils.isRawSql(value)) return JSON.stringify(value);
  return undefined; // raw SQL, knex builders, arrays: not a plain value
}

export class BoundLibSqlConnection extends LibSqlConnection {
  /**
   * A connection goes back to the pool outside any transaction: if an error (a lock
   * timeout on COMMIT, say) left one open, it is rolled back here, so one failure can't
   * wedge every later statement of the process behind a stale transaction.
   */
  override createKnex(): void {
    super.createKnex();
    const client = (this as unknown as { client: { client: { releaseConnection(c: unknown): Promise<void> } } }).client.client;
    const release = client.releaseConnection.bind(client);
    client.releaseConnection = (connection: unknown) => {
      const db = connection as { inTransaction?: boolean; exec?(sql: string): unknown } | undefined;
      if (db?.inTransaction) {
        try {
          db.exec?.('ROLLBACK');
        } catch {
          // nothing left to roll back
        }
      }
      return release(connection);
    };
  }

  override async execute<T extends QueryResult | EntityData<AnyEntity> | EntityData<AnyEntity>[] = EntityData<AnyEntity>[]>(
    queryOrKnex: string | Knex.QueryBuilder | Knex.Raw,
    params: unknown[] = [],
    method: 'all' | 'get' | 'run' = 'all',
    ctx?: Transaction,
    loggerContext?: LoggingOptions,
  ): Promise<T> {
    await this.ensureConnection();
    let sql = queryOrKnex as unknown as string;
    let values = params;
    if (Utils.isObject(queryOrKnex)) {
      const builder = queryOrKnex as unknown as { client: { transacting?: unknown }; toSQL(): { sql: string; bindings?: unknown[] } };
      ctx ??= (builder.client.transacting ? builder : null) as Transaction | undefined;
      const q = builder.toSQL();
      sql = q.sql;
      values = q.bindings ?? [];
    }
    const bindings = values.map(toBinding);
    if (!values.length || bindings.some((b) => b === undefined)) {
      return super.execute<T>(sql, values as never, method, ctx, loggerContext);
    }
    sql = this.config.get('onQuery')(sql, values);
    const logged = this.platform.formatQuery(sql, values);
    const run = async () => {
      const query = this.getKnex().raw(sql, bindings as never[]);
      if (ctx) query.transacting(ctx as never);
      return this.transformRawResult<T>(await query, method) as T;
    };
    const self = this as unknown as {
      executeQuery<R>(q: string, cb: () => Promise<R>, c?: object): Promise<R>;
      getSql(query: string, formatted: string, context?: unknown): string;
    };
    return self.executeQuery(
      self.getSql(sql, logged, loggerContext),
      run,
      { query: sql, params: values, ...loggerContext },
    );
  }
}

/** The libsql driver with bound parameters (see BoundLibSqlConnection). */
export class BoundLibSqlDriver extends AbstractSqlDriver<BoundLibSqlConnection, LibSqlPlatform> {
  constructor(config: Configuration) {
    super(config, new LibSqlPlatform(), BoundLibSqlConnection, ['knex', 'libsql']);
  }
}
