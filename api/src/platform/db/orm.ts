import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MikroORM, type MigrationObject, type Options } from '@mikro-orm/core';
import { BoundLibSqlDriver } from './bound-libsql.js';
import { MariaDbDriver } from '@mikro-orm/mariadb';
import { Migrator } from '@mikro-orm/migrations';
import { MySqlDriver } from '@mikro-orm/mysql';
import type { AppConfig } from '../config.js';
import { requestScope, type Logger } from '../logger.js';
import { mysqlMigrations } from './migrations/mysql/index.js';
import { sqliteMigrations } from './migrations/sqlite/index.js';
import { acquireSqliteLock } from './sqlite-lock.js';
import { TenantGuard } from './tenant-guard.js';

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
  };
  if (db.kind === 'sqlite') {
    return { ...common, driver: BoundLibSqlDriver, dbName: db.sqlitePath, pool: { min: 1, max: 1, afterCreate: prepareSqliteConnection } } as Options;
  }
  const driver = db.kind === 'mariadb' ? MariaDbDriver : MySqlDriver;
  // mariadb:// is not a scheme the drivers parse; both speak the MySQL protocol.
  const clientUrl = db.url!.replace(/^mariadb:/, 'mysql:');
  return { ...common, driver, clientUrl, pool: { min: 1, max: 10 } } as Options;
}

/** How long a statement waits for another writer's lock before failing with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * Every SQLite connection the pool opens (they are recycled): wait for locks instead of
 * failing at once, write-ahead logging so readers never block the writer, foreign keys on.
 */
function prepareSqliteConnection(connection: { exec(sql: string): unknown; memory?: boolean }, done: (err: Error | null, c: unknown) => void): void {
  try {
    connection.exec(`pragma busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    if (!connection.memory) connection.exec('pragma journal_mode = WAL');
    connection.exec('pragma foreign_keys = on');
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

/** Connects, creates the database when missing, and applies pending migrations. */
export async function initOrm(config: AppConfig, entities: EntityClass[], logger?: Logger): Promise<MikroORM> {
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
  if (config.database.kind !== 'sqlite') await orm.schema.ensureDatabase({ create: true });
  const applied = await orm.migrator.up();
  if (applied.length) logger?.info({ migrations: applied.map((m) => m.name) }, 'applied database migrations');
  return orm;
}
