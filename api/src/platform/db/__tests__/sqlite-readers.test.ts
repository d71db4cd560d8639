import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TableNotFoundException } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlOk } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, tokenFor, type TestTenant } from '../../../test/tenants.js';
import { Ticket } from '../../../modules/ticket/ticket.entity.js';
import type { BoundLibSqlConnection } from '../bound-libsql.js';
import { forTenant } from '../scope.js';

const TICKETS = `{ tickets(first: 10) { totalCount edges { node { id title } } } }`;
const CREATE = `mutation C($input: CreateTicketInput!) { createTicket(input: $input) { id title } }`;
/** A read that keeps SQLite busy for a while: counting to two million in a recursive CTE. */
const SLOW = `select (with recursive c(x) as (select 1 union all select x + 1 from c where x < 2000000) select count(*) from c) as n`;

describe('SQLite read workers', () => {
  let server: TestServer;
  let t: TestTenant;
  let other: TestTenant;
  let admin: string;
  const connection = () => server.app.orm.em.getConnection() as unknown as BoundLibSqlConnection;
  const served = () => connection().readWorkers!.served;

  beforeAll(async () => {
    server = await startTestServer('sqlite', { SQLITE_READERS: '2' });
    t = await createTestTenant(server.app, 'readers');
    other = await createTestTenant(server.app, 'readers-other');
    admin = await tokenFor(server.url, t.admin);
  });
  afterAll(async () => server?.stop());

  it('answers reads outside a transaction from a worker, right after a write, scoped to the tenant', async () => {
    expect(connection().readWorkers).toBeDefined();
    const before = served();
    const created = (await gqlOk(server.url, CREATE, { input: { title: 'Read back at once', description: 'd', category: 'BILLING', customerId: t.customer1.id } }, { token: admin })).createTicket;
    const list = (await gqlOk(server.url, TICKETS, {}, { token: admin })).tickets;
    expect(list.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(created.id);
    expect(served()).toBeGreaterThan(before);
    // The other tenant's list, read on the same workers, does not hold it.
    const foreign = (await gqlOk(server.url, TICKETS, {}, { token: await tokenFor(server.url, other.admin) })).tickets;
    expect(foreign.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(created.id);
  });

  it('keeps reads in a transaction on the main connection, where they see its own uncommitted rows', async () => {
    const em = forTenant(server.app.orm.em, t.id);
    const title = `Uncommitted ${Date.now()}`;
    const before = served();
    await em.transactional(async (tx) => {
      await tx.getConnection().execute('update tickets set title = ? where tenant_id = ? and number = (select min(number) from tickets where tenant_id = ?)', [title, t.id, t.id], 'run', tx.getTransactionContext());
      const inside = await tx.findOne(Ticket, { title });
      expect(inside?.title).toBe(title);
      // A read outside the transaction (a worker) sees the last committed state.
      expect(await forTenant(server.app.orm.em, t.id).count(Ticket, { title })).toBe(0);
    });
    expect(served()).toBe(before + 1);
    expect(await forTenant(server.app.orm.em, t.id).count(Ticket, { title })).toBe(1);
  });

  it('binds values through the worker (a NUL byte included) and converts its errors like the main connection does', async () => {
    const em = server.app.orm.em.fork();
    // Bound, not inlined: SQLite receives all three characters (the driver reads text only up to a NUL).
    const rows = await em.getConnection().execute<Array<{ v: string }>>('select hex(?) as v', ['a\u0000b']);
    expect(rows[0]!.v).toBe('610062');
    const missing = 'select * from no_such_table where id = ?';
    const fromWorker = await em.getConnection().execute(missing, ['x']).catch((e: Error & { code?: string }) => e);
    const fromMain = await em.transactional((tx) => tx.getConnection().execute(missing, ['x'], 'all', tx.getTransactionContext())).catch((e: Error & { code?: string }) => e);
    expect(fromWorker).toMatchObject({ message: (fromMain as Error).message, code: (fromMain as { code?: string }).code });
    expect(fromWorker.message).toMatch(/no such table/);
    expect(em.getDriver().convertException(fromWorker as Error)).toBeInstanceOf(TableNotFoundException);
  });

  it('leaves the event loop free while a long read runs', async () => {
    let ticks = 0;
    let reading = true;
    const tick = () => {
      ticks++;
      if (reading) setImmediate(tick);
    };
    setImmediate(tick);
    const [row] = await server.app.orm.em.fork().getConnection().execute<Array<{ n: number }>>(SLOW, []);
    reading = false;
    expect(row!.n).toBe(2_000_000);
    // On the main connection the statement would hold the thread: not one tick until it returned.
    expect(ticks).toBeGreaterThan(20);
  });

  it('serves a script with nothing else keeping it alive, started with loader flags, through an evicting statement cache', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sociodesk-readers-'));
    const module = fileURLToPath(new URL('../sqlite-readers.ts', import.meta.url));
    const script = `
      const { SqliteReaders } = await import(${JSON.stringify(module)});
      const r = new SqliteReaders({ path: ${JSON.stringify(join(dir, 'db.sqlite'))}, count: 1, busyTimeoutMs: 1000, statementCache: 2 });
      const out = [];
      for (const n of [1, 2, 3, 1]) out.push((await r.all('select ? as n', [n]))[0].n);
      await r.close();
      console.log(JSON.stringify({ out, served: r.served }));`;
    try {
      const printed = execFileSync(process.execPath, ['--import', '@swc-node/register/esm-register', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
      expect(JSON.parse(printed.trim().split('\n').at(-1)!)).toEqual({ out: [1, 2, 3, 1], served: 4 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
