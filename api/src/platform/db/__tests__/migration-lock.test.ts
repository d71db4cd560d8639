import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { MariaDbDriver } from '@mikro-orm/mariadb';
import { afterAll, describe, expect, it } from 'vitest';
import { MARIADB_HOST, MARIADB_PORT, REDIS_URL, testDatabases } from '../../../test/databases.js';
import { startApiProcess, type ApiProcess } from '../../../test/process.js';
import { TEST_JWT_SECRET } from '../../../test/server.js';
import { mysqlMigrations } from '../migrations/mysql/index.js';

const hasMariaDb = (await testDatabases()).includes('mariadb');

describe.skipIf(!hasMariaDb)('migrations on a fresh MariaDB database with two instances starting at once', () => {
  const dbName = `sociodesk_test_lock_${randomBytes(5).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'sociodesk-lock-'));
  let instances: ApiProcess[] = [];

  afterAll(async () => {
    for (const p of instances) await p.stop();
    const orm = await MikroORM.init({ driver: MariaDbDriver, clientUrl: `mysql://root@${MARIADB_HOST}:${MARIADB_PORT}`, dbName: 'mysql', entities: [], discovery: { warnWhenNoEntities: false } });
    await orm.em.getConnection().execute(`DROP DATABASE IF EXISTS \`${dbName}\``);
    await orm.close(true);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('applies each migration once and seeds the demo data once', { timeout: 180_000 }, async () => {
    const env = {
      DATABASE_URL: `mariadb://root@${MARIADB_HOST}:${MARIADB_PORT}/${dbName}`,
      REDIS_URL,
      REDIS_PREFIX: `sociodesk-test-lock-${dbName}:`,
      JWT_SECRET: TEST_JWT_SECRET,
      DATA_DIR: dataDir,
    };
    // Both create the database, migrate and seed: without the lock the second one's CREATE TABLE fails.
    instances = await Promise.all([1, 2].map(() => startApiProcess(env, { SEED_DEMO_DATA: 'true', LOG_LEVEL: 'info' })));
    const logs = instances.map((p) => p.output());
    expect(logs.filter((l) => l.includes('applied database migrations'))).toHaveLength(1);

    const orm = await MikroORM.init({ driver: MariaDbDriver, clientUrl: `mysql://root@${MARIADB_HOST}:${MARIADB_PORT}`, dbName, entities: [], discovery: { warnWhenNoEntities: false } });
    try {
      const rows = await orm.em.getConnection().execute<{ name: string }[]>('select name from mikro_orm_migrations');
      expect(rows.map((r) => r.name).sort()).toEqual(mysqlMigrations.map((m) => m.name).sort());
      const tenants = await orm.em.getConnection().execute<{ n: number }[]>('select count(*) as n from tenants');
      expect(Number(tenants[0].n)).toBe(2);
    } finally {
      await orm.close(true);
    }
  });
});
