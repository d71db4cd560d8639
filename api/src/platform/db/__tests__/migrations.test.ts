import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { startTestServer, type TestServer } from '../../../test/server.js';

// The committed migrations must produce exactly what the entities describe; otherwise
// someone changed an entity without running `npm run migration:create -w api -- <Name>`.
describe.each(await testDatabases())('migrations on %s', (db) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(db);
  });
  afterAll(() => server?.stop());

  it('leave no difference between the entities and the migrated schema', async () => {
    const diff = await server.app.orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false, dropTables: true });
    expect(diff.trim()).toBe('');
  });

  it('are all applied and none is pending', async () => {
    expect(await server.app.orm.migrator.getPendingMigrations()).toEqual([]);
    expect((await server.app.orm.migrator.getExecutedMigrations()).length).toBeGreaterThanOrEqual(2);
  });
});
