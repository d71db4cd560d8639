import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DefaultLogger, MikroORM, type LogContext, type LoggerOptions, type MigrationObject, type Options } from '@mikro-orm/core';
import { boundLibSqlDriver } from './bound-libsql.js';
import { MariaDbDriver } from '@mikro-orm/mariadb';
import { Migrator } from '@mikro-orm/migrations';
import { MySqlDriver } from '@mikro-orm/mysql';
import type { Knex } from '@mikro-orm/knex';
import type { AppConfig } from '../config.js';
import { requestScope, type Logger } from '../logger.js';
import { sqlStatementDuration, statementKind } from '../metrics/metrics.js';
import { mysqlMigrations } from './migrations/mysql/index.js';
import { sqliteMigrations } from './migrations/sqlite/index.js';
import { acquireSqliteLock } from './sqlite-lock.js';
import { keepPreparedStatements } from './sqlite-statements.js';
import { ConfigError } from '../config-parsers.js';
import { TenantGuard } from './tenant-guard.js';

export const DEFAULT_DB_TIMEOUTS = { acquireTimeoutMs: 3000, connectTimeoutMs: 2000 };

/** MikroORM's logger, also feeding the SQL metrics and the request's SQL time. */
class TimedQueryLogger extends DefaultLogger {
  constructor(
    options: LoggerOptions,
    private readonly logQueries: boolean,
  ) {
    super(options);
  }

  override logQuery(context: LogContext & { query: string }): void {
    const ms = context.took ?? 0;
    sqlStatementDuration.observe({ statement: statementKind(context.query) }, ms / 1000);
    const scope = requestScope.getStore();
    if (scope) scope.sqlMs = (scope.sqlMs ?? 0) + ms;
    if (this.logQueries) super.logQuery(context);
  }
}

export type EntityClass = new (...args: never[]) => object;

export function migrationsFor(kind: AppConfig['database']['kind']): MigrationObject[] {
  return kind === 'sqlite' ? sqliteMigrations : mysqlMigrations;
}

export function ormOptions(config: AppConfig, entities: EntityClass[], logger?: Logger): Options {
  const db = config.database;
  const common: Options = {
    entities,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    extensions: [Migrator],
    subscribers: [new TenantGuard()],
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    migrations: {
      migrationsList: migrationsFor(db.kind),
      path: `src/platform/db/migrations/${db.kind === 'sqlite' ? 'sqlite' : 'mysql'}`,
      // MySQL commits DDL implicitly, so only SQLite can wrap migrations in a transaction.
      transactional: db.kind === 'sqlite',
      allOrNothing: db.kind === 'sqlite',
      snapshot: false,
      emit: 'ts',
    },
    // Counts the statements each request sends, so tests and benchmarks can assert "no N+1".
    onQuery: (sql: string) => {
      const scope = requestScope.getStore();
      if (scope) scope.sqlStatements++;
      return sql;
    },
    logger: logger ? (message: string) => logger.debug({ orm: true }, message) : undefined,
    // Times every statement for the metrics (and per request); logs them only at debug level.
    loggerFactory: (options) => new TimedQueryLogger(options, !!logger?.isLevelEnabled('debug')),
  };
  if (db.kind === 'sqlite') {
    const driver = boundLibSqlDriver(config.sqliteReaders ?? 0, { busyTimeoutMs: SQLITE_BUSY_TIMEOUT_MS, statementCache: SQLITE_STATEMENT_CACHE });
    return { ...common, driver, dbName: db.sqlitePath, pool: { min: 1, max: 1, afterCreate: prepareSqliteConnection } } as Options;
  }
  const driver = db.kind === 'mariadb' ? MariaDbDriver : MySqlDriver;
  // mariadb:// is not a scheme the drivers parse; both speak the MySQL protocol.
  const clientUrl = db.url!.replace(/^mariadb:/, 'mysql:');
  const { acquireTimeoutMs, connectTimeoutMs } = config.databaseTimeouts ?? DEFAULT_DB_TIMEOUTS;
  return {
    ...common,
    driver,
    clientUrl,
    // Bounded waits, so a lost database fails requests fast (SERVICE_UNAVAILABLE) instead of
    // hanging them; dead connections fail validation and are replaced, so the pool heals by
    // itself once the database is back.
    pool: { min: 1, max: 10, acquireTimeoutMillis: acquireTimeoutMs, createTimeoutMillis: connectTimeoutMs, createRetryIntervalMillis: 100, propagateCreateError: true },
    driverOptions: { connection: { connectTimeout: connectTimeoutMs }, acquireConnectionTimeout: acquireTimeoutMs },
  } as Options;
}

/** Name of the MySQL advisory lock held while migrations (and first-start seeding) run. */
export const MIGRATION_LOCK = 'sociodesk:migrations';
const LOCK_WAIT_SECONDS = 300;

export interface InitOrmOptions {
  /** Runs after the migrations, still under the migration lock (e.g. seeding an empty database). */
  afterMigrate?: (orm: MikroORM) => Promise<void>;
}

/** How long a statement waits for another writer's lock before failing with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

interface SqliteConnection {
  exec(sql: string): unknown;
  prepare(sql: string): unknown;
  memory?: boolean;
}

/** Prepared statements one SQLite connection keeps, by SQL text (least recently used go first). */
export const SQLITE_STATEMENT_CACHE = 256;

/**
 * Every SQLite connection the pool opens (they are recycled): wait for locks instead of
 * failing at once, write-ahead logging so readers never block the writer, foreign keys on.
 */
function prepareSqliteConnection(connection: SqliteConnection, done: (err: Error | null, c: unknown) => void): void {
  try {
    connection.exec(`pragma busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    if (!connection.memory) connection.exec('pragma journal_mode = WAL');
    connection.exec('pragma foreign_keys = on');
    keepPreparedStatements(connection, SQLITE_STATEMENT_CACHE);
    done(null, connection);
  } catch (error) {
    done(error as Error, connection);
  }
}

const locks = new WeakMap<MikroORM, () => void>();

/** Releases the embedded database's lock file (after the ORM is closed). */
export function releaseDatabaseLock(orm: MikroORM): void {
  locks.get(orm)?.();
}

/**
 * Connects, creates the database when missing, and applies pending migrations. On MySQL and
 * MariaDB, instances starting together serialize on `GET_LOCK`: the first applies the
 * migrations, the others wait and then find nothing left to do.
 */
export async function initOrm(config: AppConfig, entities: EntityClass[], logger?: Logger, options: InitOrmOptions = {}): Promise<MikroORM> {
  let release: (() => void) | undefined;
  if (config.database.kind === 'sqlite' && config.database.sqlitePath !== ':memory:') {
    mkdirSync(dirname(config.database.sqlitePath!), { recursive: true });
    release = acquireSqliteLock(config.database.sqlitePath!);
  }
  let orm: MikroORM;
  try {
    orm = await MikroORM.init(ormOptions(config, entities, logger));
  } catch (error) {
    release?.();
    throw error;
  }
  if (release) locks.set(orm, release);
  const migrate = async () => {
    const applied = await orm.migrator.up();
    if (applied.length) logger?.info({ migrations: applied.map((m) => m.name) }, 'applied database migrations');
    await options.afterMigrate?.(orm);
  };
  try {
    if (config.database.kind === 'sqlite') await migrate();
    else {
      await ensureDatabase(orm);
      await assertDriverFitsServer(orm, config);
      await withMigrationLock(orm, logger, migrate);
    }
  } catch (error) {
    await orm.close(true);
    release?.();
    throw error;
  }
  return orm;
}

/**
 * A mysql:// URL on a MariaDB server would run, but the MySQL driver expects JSON columns to
 * arrive parsed and MariaDB sends them as text (tags, payloads and settings would come back
 * as strings): refused at start with the URL to use instead.
 */
async function assertDriverFitsServer(orm: MikroORM, config: AppConfig): Promise<void> {
  if (config.database.kind !== 'mysql') return;
  const [row] = (await orm.em.getConnection().execute('select version() as version')) as Array<{ version: string }>;
  if (/mariadb/i.test(String(row?.version))) {
    throw new ConfigError([`DATABASE_URL: the server is MariaDB (${row.version}); use a mariadb:// URL for it (mysql:// is for MySQL)`]);
  }
}

/** Creates the database when missing; another instance creating it at the same moment is fine. */
async function ensureDatabase(orm: MikroORM): Promise<void> {
  try {
    await orm.schema.ensureDatabase({ create: true });
  } catch (error) {
    // "database exists": it was created between our check and our CREATE DATABASE.
    if (!/exists/i.test((error as Error).message)) throw error;
    await orm.schema.ensureDatabase({ create: true, forceCheck: true });
  }
}

/** Holds the MySQL advisory lock on one pooled connection while `task` runs on the others. */
export async function withMigrationLock<T>(orm: MikroORM, logger: Logger | undefined, task: () => Promise<T>): Promise<T> {
  const knex = (orm.em.getConnection() as unknown as { getKnex(): Knex }).getKnex();
  const connection = await knex.client.acquireConnection();
  try {
    const started = Date.now();
    const rows = await knex.raw('SELECT GET_LOCK(?, ?) AS got', [MIGRATION_LOCK, LOCK_WAIT_SECONDS]).connection(connection);
    const got = Number(lockResult(rows));
    if (got !== 1) throw new Error(`Could not take the migration lock within ${LOCK_WAIT_SECONDS}s (another instance is still migrating?)`);
    const waited = Date.now() - started;
    if (waited > 50) logger?.info({ waitedMs: waited }, 'waited for another instance to finish migrating');
    try {
      return await task();
    } finally {
      await knex.raw('SELECT RELEASE_LOCK(?)', [MIGRATION_LOCK]).connection(connection);
    }
  } finally {
    await knex.client.releaseConnection(connection);
  }
}

/** The `got` column of `SELECT GET_LOCK(...)`, whichever driver's result shape. */
function lockResult(rows: unknown): unknown {
  const first = Array.isArray(rows) ? (Array.isArray(rows[0]) ? rows[0][0] : rows[0]) : undefined;
  return (first as { got?: unknown } | undefined)?.got;
}
