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

  it("declare time columns as type 'Date', so an unchanged time is not seen as a change", () => {
    // `type: 'datetime'` maps to the same column but compares a loaded Date with SQLite's
    // epoch-millisecond snapshot as different, so every flush rewrote untouched rows.
    const generic = server.app.orm.getMetadata().getAll();
    const offenders = Object.values(generic).flatMap((meta) =>
      meta.props.filter((p) => p.runtimeType === 'Date' && p.type !== 'Date').map((p) => `${meta.className}.${p.name} (${p.type})`),
    );
    expect(offenders).toEqual([]);
  });

  it('are all applied and none is pending', async () => {
    expect(await server.app.orm.migrator.getPendingMigrations()).toEqual([]);
    expect((await server.app.orm.migrator.getExecutedMigrations()).length).toBeGreaterThanOrEqual(2);
  });
});
