import { Utils, type AnyEntity, type Configuration, type EntityData, type LoggingOptions, type Transaction } from '@mikro-orm/core';
import type { QueryResult } from '@mikro-orm/core';
// Through the driver package, which re-exports the SQL layer: its ESM entry loads under the tracing hook.
import { AbstractSqlDriver, LibSqlConnection, LibSqlPlatform, type Knex } from '@mikro-orm/libsql';
import { SqliteReaders, type Binding } from './sqlite-readers.js';

/**
 * MikroORM's SQL connections inline every parameter into the statement text
 * (`platform.formatQuery`) and send it unparameterized. MySQL's escaping copes with any
 * byte, but SQLite's C parser stops at a NUL, so a value holding one breaks the statement
 * ("unrecognized token"). This connection binds the values as real statement parameters
 * instead, converted the way the SQLite platform would have written them (dates as epoch
 * milliseconds, booleans as 0/1, JSON objects as text). Statements whose parameters are
 * SQL fragments or lists (not values) keep the stock inlining.
 */

function toBinding(value: unknown): Binding | undefined {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return +value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return value;
  if (Buffer.isBuffer(value)) return value;
  if (Utils.isPlainObject(value) && !Utils.isRawSql(value)) return JSON.stringify(value);
  return undefined; // raw SQL, knex builders, arrays: not a plain value
}

/** A statement a read worker may run: a plain SELECT (no writes, no locks). */
const isRead = (sql: string) => /^\s*select\s/i.test(sql);

/** The busy timeout and statement cache every connection of the database uses (orm.ts). */
export interface SqliteConnectionSettings {
  busyTimeoutMs: number;
  statementCache: number;
}

export class BoundLibSqlConnection extends LibSqlConnection {
  /** Read workers to start with the connection (0: none); see sqlite-readers.ts. */
  protected readonly readerCount: number = 0;
  protected readonly settings: SqliteConnectionSettings = { busyTimeoutMs: 5000, statementCache: 256 };
  private readers?: SqliteReaders;

  /** The read workers, when this connection has them (tests and the profile look at them). */
  get readWorkers(): SqliteReaders | undefined {
    return this.readers;
  }

  override async connect(): Promise<void> {
    await super.connect();
    const path = this.config.get('dbName');
    // An in-memory database is private to its connection: no second connection can read it.
    if (this.readerCount > 0 && path && !/(^|:)memory:?$|^(libsql|https?|wss?):/.test(path)) {
      this.readers ??= new SqliteReaders({ path, count: this.readerCount, ...this.settings });
    }
  }

  override async close(force?: boolean): Promise<void> {
    await this.readers?.close();
    this.readers = undefined;
    await super.close(force);
  }

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
    const plainValues = !bindings.some((b) => b === undefined);
    const readers = plainValues && !ctx && method !== 'run' && this.readers?.available && isRead(sql) ? this.readers : undefined;
    if (!readers && (!values.length || !plainValues)) {
      return super.execute<T>(sql, values as never, method, ctx, loggerContext);
    }
    sql = this.config.get('onQuery')(sql, values);
    const logged = this.platform.formatQuery(sql, values);
    const run = async () => {
      if (readers) {
        const rows = await readers.all(sql, bindings as Binding[]).catch((error: Error) => {
          // As knex words a failed statement's error: the statement, then SQLite's message.
          error.message = `${logged} - ${error.message}`;
          throw error;
        });
        return this.transformRawResult<T>(rows, method) as T;
      }
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

/** The libsql driver with bound parameters and `readers` read workers (see BoundLibSqlConnection). */
export function boundLibSqlDriver(readers: number, settings: SqliteConnectionSettings) {
  class Connection extends BoundLibSqlConnection {
    protected override readonly readerCount = readers;
    protected override readonly settings = settings;
  }
  return class BoundLibSqlDriver extends AbstractSqlDriver<BoundLibSqlConnection, LibSqlPlatform> {
    constructor(config: Configuration) {
      super(config, new LibSqlPlatform(), Connection, ['knex', 'libsql']);
    }
  };
}
