import { afterAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../databases.js';
import { gql } from '../graphql.js';
import { startApiProcess, type ApiProcess } from '../process.js';
import { CREATE_TICKET, demoTokens, envInt, faultEnv, SEEDED, sleep, tenantId, ticketInput, withSql, type FaultEnv } from './harness.js';
import { consistencyProblems, newWriteLog, retryPending, runWriters } from './writes.js';

/**
 * kill -9 during writes: concurrent writers against a real API process, SIGKILL it while
 * writes are in flight, start it again on the same database. Every acknowledged write is
 * there, nothing is half-written, numbers and event seq stay gap-free, and retrying the
 * unacknowledged writes with their idempotency keys applies each exactly once.
 * FAULT_KILL_WRITERS (default 8) and FAULT_KILL_ACKS (acknowledged writes before the kill, default 60).
 */
const databases = await testDatabases();
const WRITERS = envInt('FAULT_KILL_WRITERS', 8);
const ACKS_BEFORE_KILL = envInt('FAULT_KILL_ACKS', 60);

const TICKET_CHECK = `query T($id: ID!) { ticket(id: $id) { id number messages(first: 100) { edges { node { id } } } } }`;

describe.each(databases)('kill -9 during writes (%s)', (db) => {
  let fault: FaultEnv | undefined;
  let api: ApiProcess | undefined;
  afterAll(async () => {
    await api?.stop();
    await fault?.cleanup();
  });

  it('keeps every acknowledged write and leaves nothing half-written', async () => {
    const testStarted = Date.now();
    fault = faultEnv(db);
    const first = await startApiProcess(fault.env, SEEDED);
    api = first;
    const tokens = await demoTokens(first.url);

    let killed = false;
    const log = newWriteLog();
    const writing = runWriters(
      { url: () => first.url, customerToken: tokens.customer1, agentToken: tokens.agent1, writers: WRITERS, stop: () => killed, stopOnFailure: true, prefix: 'k' },
      log,
    );
    for (let waited = 0; log.tickets.length + log.messages.length < ACKS_BEFORE_KILL; waited += 20) {
      if (waited > 60_000) throw new Error(`only ${log.tickets.length + log.messages.length} writes acknowledged in 60s: ${JSON.stringify(log.failures.slice(0, 3))}`);
      await sleep(20);
    }
    // Every writer has a request in flight: kill the process under it.
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    killed = true;
    await writing;
    const ackedBeforeKill = { tickets: log.tickets.length, messages: log.messages.length };
    expect(ackedBeforeKill.tickets + ackedBeforeKill.messages).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
    // Before the kill nothing failed: the only failures are requests cut off by it.
    expect(log.failures.every((f) => f.code === 'NETWORK')).toBe(true);
    expect(log.pending.length).toBeGreaterThan(0);

    // Start again on the same database.
    api = await startApiProcess(fault.env, SEEDED);
    const url = api.url;
    for (const t of log.tickets) {
      const result = await gql(url, TICKET_CHECK, { id: t.id }, { token: tokens.agent1 });
      expect(result.data?.ticket, `acknowledged ticket ${t.key}`).toMatchObject({ id: t.id, number: t.number });
      const ids = new Set(result.data!.ticket.messages.edges.map((e: { node: { id: string } }) => e.node.id));
      for (const m of log.messages.filter((x) => x.ticketId === t.id)) expect(ids.has(m.id), `acknowledged message ${m.key}`).toBe(true);
    }
    // The other tenant sees none of it.
    for (const t of log.tickets.slice(0, 5)) {
      const other = await gql(url, TICKET_CHECK, { id: t.id }, { token: tokens.otherAdmin });
      expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }

    // Writes cut off by the kill either committed whole or not at all; their retry applies them exactly once.
    const pending = log.pending.length;
    await retryPending(url, log, tokens.customer1, tokens.agent1);
    const keys = new Set(log.tickets.map((t) => t.key));
    expect(keys.size).toBe(log.tickets.length);
    expect(new Set(log.messages.map((m) => m.id)).size).toBe(log.messages.length);
    const next = await gql(url, CREATE_TICKET, { input: ticketInput('after-restart') }, { token: tokens.customer1 });

    await api.stop();
    api = undefined;
    const acme = await tenantId(fault.env, 'acme');
    const globex = await tenantId(fault.env, 'globex');
    await withSql(fault.env, async (sql) => {
      expect(await consistencyProblems(sql, acme)).toEqual([]);
      const [{ n: ticketRows }] = await sql.all<{ n: number }>('select count(*) as n from tickets where tenant_id = ?', [acme]);
      const [{ n: messageRows }] = await sql.all<{ n: number }>('select count(*) as n from messages where tenant_id = ?', [acme]);
      // One row per idempotency key (plus the one created after the restart): nothing applied twice.
      expect(Number(ticketRows)).toBe(log.tickets.length + 1);
      expect(Number(messageRows)).toBe(log.messages.length);
      const [{ n: otherTickets }] = await sql.all<{ n: number }>('select count(*) as n from tickets where tenant_id = ?', [globex]);
      expect(Number(otherTickets)).toBe(0);
    });
    expect(next.data?.createTicket.number).toBe(1000 + log.tickets.length + 1);
    console.info(`[faults] kill -9 (${db}) in ${Math.round((Date.now() - testStarted) / 1000)} s: ${ackedBeforeKill.tickets} tickets + ${ackedBeforeKill.messages} messages acknowledged before SIGKILL, ${pending} in flight retried`);
  }, 240_000);
});
