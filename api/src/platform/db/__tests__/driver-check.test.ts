import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { MariaDbDriver } from '@mikro-orm/mariadb';
import { afterAll, describe, expect, it } from 'vitest';
import { MARIADB_HOST, MARIADB_PORT, REDIS_URL, testDatabases } from '../../../test/databases.js';
import { startApiProcess } from '../../../test/process.js';
import { TEST_JWT_SECRET } from '../../../test/server.js';

const hasMariaDb = (await testDatabases()).includes('mariadb');

describe.skipIf(!hasMariaDb)('a mysql:// URL pointing at a MariaDB server', () => {
  const dbName = `sociodesk_test_driver_${randomBytes(5).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'sociodesk-driver-'));

  afterAll(async () => {
    const orm = await MikroORM.init({ driver: MariaDbDriver, clientUrl: `mysql://root@${MARIADB_HOST}:${MARIADB_PORT}`, dbName: 'mysql', entities: [], discovery: { warnWhenNoEntities: false } });
    await orm.em.getConnection().execute(`DROP DATABASE IF EXISTS \`${dbName}\``);
    await orm.close(true);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is refused at start as a configuration error (exit 78) that names the URL to use', { timeout: 120_000 }, async () => {
    // The MySQL driver would read MariaDB's JSON columns as text: tags came back as strings.
    const env = { DATABASE_URL: `mysql://root@${MARIADB_HOST}:${MARIADB_PORT}/${dbName}`, REDIS_URL, REDIS_PREFIX: `sociodesk-test-driver-${dbName}:`, JWT_SECRET: TEST_JWT_SECRET, DATA_DIR: dataDir };
    const started = startApiProcess(env, { SEED_DEMO_DATA: 'false' });
    await expect(started).rejects.toThrow(/exited \(78\)[\s\S]*use a mariadb:\/\/ URL/);
  });
});
