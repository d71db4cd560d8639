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
import { TenantGuard } from './tenant-guard.js';

export const DEFAULT_DB_TIMEOUTS = { acquireTimeoutMs: 3000, connectTimeoutMs: 2000 };

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
    return { ...common, driver: BoundLibSqlDriver, dbName: db.sqlitePath } as Options;
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

/** Connects, creates the database when missing, and applies pending migrations. */
export async function initOrm(config: AppConfig, entities: EntityClass[], logger?: Logger): Promise<MikroORM> {
  if (config.database.kind === 'sqlite' && config.database.sqlitePath !== ':memory:') {
    mkdirSync(dirname(config.database.sqlitePath!), { recursive: true });
  }
  const orm = await MikroORM.init(ormOptions(config, entities, logger));
  if (config.database.kind !== 'sqlite') await orm.schema.ensureDatabase({ create: true });
  const applied = await orm.migrator.up();
  if (applied.length) logger?.info({ migrations: applied.map((m) => m.name) }, 'applied database migrations');
  return orm;
}
