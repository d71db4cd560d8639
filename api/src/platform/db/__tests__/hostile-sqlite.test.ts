import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, gql } from '../../../test/graphql.js';
import { startApiProcess, type ApiProcess } from '../../../test/process.js';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../../../test/server.js';
import { createTestTenant, login, tokenFor } from '../../../test/tenants.js';
import { createTicket } from '../../../modules/ticket/__tests__/ticket.fixture.js';

/** Embedded SQLite against a second process, a held lock and a broken database (defect 14). */
const Database = createRequire(import.meta.url)('libsql') as new (path: string) => { exec(sql: string): void; close(): void };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('one process per SQLite data folder', () => {
  let dataDir: string;
  const running: ApiProcess[] = [];

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'sociodesk-lock-'));
  });
  afterAll(async () => {
    await Promise.all(running.map((p) => p.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a second process on the same DATA_DIR with a clear message, and takes over after a crash', async () => {
    const env = { DATA_DIR: dataDir, JWT_SECRET: TEST_JWT_SECRET };
    const first = await startApiProcess(env);
    running.push(first);
    const second = startApiProcess(env);
    await expect(second).rejects.toThrow(/another Sociodesk process \(pid \d+\) already uses/);
    await expect(second).rejects.not.toThrow(/\bat .+\(.+:\d+:\d+\)/);
    // The first one is unharmed.
    expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
    expect(errorCode(await gql(first.url, '{ me { role } }'))).toBe('UNAUTHENTICATED');

    // A process killed without cleanup leaves its lock behind: the next one takes over.
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    const third = await startApiProcess(env);
    running.push(third);
    expect((await fetch(`${third.url}/readyz`)).status).toBe(200);
  }, 240_000);
});

describe('embedded SQLite under a held lock', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(() => server?.stop());

  it('runs in WAL mode with a busy timeout', async () => {
    const connection = server.app.orm.em.fork().getConnection();
    expect(await connection.execute('pragma journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await connection.execute('pragma busy_timeout')).toEqual([{ timeout: 5000 }]);
  });

  it('fails writes cleanly while another connection holds the write lock, then recovers without a restart', async () => {
    const t = await createTestTenant(server.app, 'locked');
    const customer = await tokenFor(server.url, t.customer1);
    await createTicket(server.url, customer);

    const other = new Database(server.env.DATABASE_URL.replace(/^sqlite:/, ''));
    other.exec('pragma busy_timeout = 0');
    other.exec('begin immediate');
    other.exec("insert into tenants (id, created_at, updated_at, slug, name) values ('lock-holder', 0, 0, 'lock-holder', 'x')");
    let blocked;
    try {
      // Longer than the busy timeout: the write gives up with an error instead of hanging.
      blocked = await gql(server.url, 'mutation($i: CreateTicketInput!) { createTicket(input: $i) { id } }', {
        i: { title: 'During the lock', description: 'x', category: 'TECHNICAL' },
      }, { token: customer });
      // Readers are not blocked by a writer in WAL mode.
      expect(errorCode(await gql(server.url, '{ me { role } }', {}, { token: customer }))).toBeUndefined();
    } finally {
      other.exec('rollback');
      other.close();
    }
    expect(blocked.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(blocked.errors)).not.toMatch(/SQLITE|locked|insert into/i);

    // Nothing is wedged: within a few seconds, without a restart, writes, reads and sign-in
    // work again. (The first writes right after the lock may still fail for about a second.)
    let recovered: string | undefined;
    for (let attempt = 0; attempt < 10 && !recovered; attempt++) {
      await sleep(500);
      const again = await gql(server.url, 'mutation($i: CreateTicketInput!) { createTicket(input: $i) { id } }', {
        i: { title: 'After the lock', description: 'x', category: 'TECHNICAL' },
      }, { token: customer });
      recovered = (again.data as { createTicket?: { id: string } } | null)?.createTicket?.id;
    }
    expect(recovered).toBeTruthy();
    expect((await createTicket(server.url, customer)).id).toBeTruthy();
    expect((await login(server.url, t.agent1.email)).accessToken).toBeTruthy();
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  }, 60_000);

  it('is not ready when the database cannot serve a query', async () => {
    const connection = server.app.orm.em.fork().getConnection();
    await connection.execute('alter table tenants rename to tenants_hidden');
    try {
      const down = await fetch(`${server.url}/readyz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
    } finally {
      await connection.execute('alter table tenants_hidden rename to tenants');
    }
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });
});
