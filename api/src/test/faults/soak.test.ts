import { afterAll, describe, expect, it } from 'vitest';
import { gqlOk } from '../graphql.js';
import { startApiProcess, type ApiProcess } from '../process.js';
import { demoTokens, envInt, faultEnv, runReaders, SEEDED, sleep, tenantId, withSql, type FaultEnv, type Outcome } from './harness.js';
import { consistencyProblems, newWriteLog, runWriters } from './writes.js';

/**
 * Load soak: 20 connections of mixed reads and writes against a real API process for
 * FAULT_SOAK_SECONDS (default 15; 60 for the long local run), with FAULT_SOAK_CONNECTIONS
 * (default 20, half writers, half readers). No 5xx, no failed request, and every
 * acknowledged write is read back afterwards. FAULT_SOAK_DB=mariadb runs it on MariaDB.
 */
const SECONDS = envInt('FAULT_SOAK_SECONDS', 15);
const CONNECTIONS = envInt('FAULT_SOAK_CONNECTIONS', 20);
const DB = process.env.FAULT_SOAK_DB === 'mariadb' ? 'mariadb' : 'sqlite';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

describe(`load soak (${DB})`, () => {
  let fault: FaultEnv | undefined;
  let api: ApiProcess | undefined;
  afterAll(async () => {
    await api?.stop();
    await fault?.cleanup();
  });

  it(`serves ${CONNECTIONS} connections of mixed reads and writes for ${SECONDS} s with no 5xx and no lost write`, async () => {
    fault = faultEnv(DB);
    const server = await startApiProcess(fault.env, SEEDED);
    api = server;
    const tokens = await demoTokens(server.url);

    let stop = false;
    const writes = newWriteLog();
    const reads: Outcome[] = [];
    const writers = Math.ceil(CONNECTIONS / 2);
    const started = Date.now();
    const load = Promise.all([
      runWriters({ url: () => server.url, customerToken: tokens.customer1, agentToken: tokens.agent1, writers, stop: () => stop, stopOnFailure: false, prefix: 'soak' }, writes),
      runReaders(() => server.url, tokens.agent2, CONNECTIONS - writers, () => stop, reads),
    ]);
    await sleep(SECONDS * 1000);
    stop = true;
    await load;
    const elapsed = (Date.now() - started) / 1000;

    const all = [...writes.outcomes, ...reads];
    expect(all.filter((o) => o.status >= 500)).toEqual([]);
    expect(all.filter((o) => !o.ok)).toEqual([]);
    expect(writes.tickets.length).toBeGreaterThan(0);
    expect(writes.messages.length).toBeGreaterThan(0);

    // Every acknowledged write reads back, through the API and in the tables.
    const { tickets } = await gqlOk<{ tickets: { totalCount: number } }>(server.url, '{ tickets(first: 1) { totalCount } }', {}, { token: tokens.admin });
    expect(tickets.totalCount).toBe(writes.tickets.length);
    const acme = await tenantId(fault.env, 'acme');
    await withSql(fault.env, async (sql) => {
      const ticketIds = new Set((await sql.all<{ id: string }>('select id from tickets where tenant_id = ?', [acme])).map((r) => r.id));
      const messageIds = new Set((await sql.all<{ id: string }>('select id from messages where tenant_id = ?', [acme])).map((r) => r.id));
      expect(writes.tickets.filter((t) => !ticketIds.has(t.id))).toEqual([]);
      expect(writes.messages.filter((m) => !messageIds.has(m.id))).toEqual([]);
      expect(await consistencyProblems(sql, acme)).toEqual([]);
    });

    const latencies = all.map((o) => o.ms).sort((x, y) => x - y);
    console.info(
      `[faults] soak (${DB}): ${all.length} requests in ${elapsed.toFixed(1)} s (${Math.round(all.length / elapsed)}/s) over ${CONNECTIONS} connections, ` +
        `${writes.tickets.length} tickets + ${writes.messages.length} messages written and read back, ` +
        `latency p50 ${Math.round(percentile(latencies, 0.5))} ms, p99 ${Math.round(percentile(latencies, 0.99))} ms, 0 errors`,
    );
  }, 120_000 + SECONDS * 2000);
});
