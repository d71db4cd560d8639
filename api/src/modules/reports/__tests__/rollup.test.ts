import type { SqlEntityManager } from '@mikro-orm/knex';
import { beforeAll, describe, expect, it } from 'vitest';
import { forTenant } from '../../../platform/db/scope.js';
import { testDatabases } from '../../../test/databases.js';
import { gqlOk } from '../../../test/graphql.js';
import { useTenantPair } from '../../../test/tenant-pair.js';
import { createTicket, POST, STATUS } from '../../ticket/__tests__/ticket.fixture.js';
import { rebuildRollups, ROLLUP_TABLES } from '../rollup.sql.js';

const SET = `mutation S($i: SlaPolicyInput!) { setSlaPolicy(input: $i) { id } }`;
const CLAIM = `mutation C($id: ID!) { claimTicket(id: $id) { id } }`;
const ASSIGN = `mutation A($id: ID!, $a: ID) { assignTicket(id: $id, agentId: $a) { id } }`;
const UPDATE = `mutation U($id: ID!, $i: UpdateTicketInput!) { updateTicket(id: $id, input: $i) { id } }`;
const DELETE = `mutation D($id: ID!) { deleteTicket(id: $id) { id } }`;

describe.each(await testDatabases())('report roll-ups on %s', (db) => {
  const { server, t, other, tokens: tok } = useTenantPair(db, 'rollup');

  beforeAll(async () => {
    await gqlOk(server.url, SET, { i: { category: 'TECHNICAL', firstResponseMinutes: 600, resolutionMinutes: 6000, businessHours: false } }, { token: tok.admin });
  });

  const settle = () => server.app.workers.metrics.idle();
  const em = (tenantId: string) => forTenant(server.app.orm.em.fork(), tenantId) as SqlEntityManager;

  /** Every roll-up row of a tenant with a non-zero counter, in key order. */
  async function snapshot(tenantId: string): Promise<Record<string, unknown[]>> {
    const out: Record<string, unknown[]> = {};
    for (const table of ROLLUP_TABLES) {
      const rows = (await em(tenantId).getConnection().execute(
        `SELECT ${[...table.key, ...table.counters].join(', ')} FROM ${table.name} WHERE tenant_id = ? AND (${table.counters.map((c) => `${c} <> 0`).join(' OR ')}) ORDER BY ${table.key.join(', ')}`,
        [tenantId],
        'all',
      )) as Array<Record<string, unknown>>;
      // Sums of doubles: compare to the microminute.
      out[table.name] = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === 'total' ? Math.round(Number(v) * 1e6) / 1e6 : typeof v === 'bigint' ? Number(v) : v])));
    }
    return out;
  }

  it('equals a recomputation from ticket_metrics after a series of ticket events', async () => {
    const a = await createTicket(server.url, tok.customer1, { channel: 'EMAIL', priority: 'HIGH' });
    const b = await createTicket(server.url, tok.customer1, { category: 'BILLING' });
    const c = await createTicket(server.url, tok.customer1, { channel: 'WEB' });
    const d = await createTicket(server.url, tok.customer1);
    await createTicket(server.url, tok.otherCustomer);
    await settle();
    await gqlOk(server.url, CLAIM, { id: a.id }, { token: tok.agent1 });
    await gqlOk(server.url, POST, { input: { ticketId: a.id, body: 'Looking into it' } }, { token: tok.agent1 });
    await gqlOk(server.url, STATUS, { id: a.id, status: 'IN_PROGRESS' }, { token: tok.agent1 });
    await gqlOk(server.url, STATUS, { id: a.id, status: 'RESOLVED' }, { token: tok.agent1 });
    await settle();
    await gqlOk(server.url, POST, { input: { ticketId: a.id, body: 'Still broken' } }, { token: tok.customer1 }); // reopens
    await gqlOk(server.url, ASSIGN, { id: a.id, a: t.agent2.id }, { token: tok.admin }); // reassigns
    await gqlOk(server.url, STATUS, { id: a.id, status: 'RESOLVED' }, { token: tok.agent2 });
    await gqlOk(server.url, CLAIM, { id: b.id }, { token: tok.agent2 });
    await gqlOk(server.url, UPDATE, { id: b.id, i: { category: 'ACCOUNT', priority: 'LOW' } }, { token: tok.agent2 }); // recategorises
    await gqlOk(server.url, POST, { input: { ticketId: b.id, body: 'Done' } }, { token: tok.agent2 });
    await gqlOk(server.url, STATUS, { id: b.id, status: 'IN_PROGRESS' }, { token: tok.agent2 });
    await gqlOk(server.url, STATUS, { id: b.id, status: 'RESOLVED' }, { token: tok.agent2 });
    await gqlOk(server.url, STATUS, { id: b.id, status: 'CLOSED' }, { token: tok.agent2 });
    await gqlOk(server.url, POST, { input: { ticketId: c.id, body: 'A note', internal: true } }, { token: tok.agent1 });
    await gqlOk(server.url, DELETE, { id: d.id }, { token: tok.admin });
    await settle();

    const kept = await snapshot(t.id);
    // Something to compare: every ticket left counted once, the histograms filled.
    const daily = kept.ticket_metrics_daily as Array<Record<string, unknown>>;
    expect(daily.reduce((n, r) => n + Number(r.created), 0)).toBe(3);
    expect(daily.reduce((n, r) => n + Number(r.resolved), 0)).toBe(2);
    expect(daily.filter((r) => Number(r.created) > 0).map((r) => `${String(r.category)}/${String(r.priority)}/${String(r.status)}`).sort()).toEqual(['ACCOUNT/LOW/CLOSED', 'TECHNICAL/HIGH/RESOLVED', 'TECHNICAL/MEDIUM/OPEN']);
    const agents = kept.ticket_metrics_agent_daily as Array<Record<string, unknown>>;
    expect(agents.map((r) => [r.assignee_id, Number(r.handled), Number(r.resolved_now)])).toEqual([[t.agent2.id, 2, 2]]);
    const hist = kept.ticket_metrics_histogram as Array<Record<string, unknown>>;
    expect(hist.filter((r) => r.measure === 'FR' && r.dim === '').reduce((n, r) => n + Number(r.n), 0)).toBe(2);
    expect(hist.filter((r) => r.measure === 'RES' && r.dim === 'assignee').reduce((n, r) => n + Number(r.n), 0)).toBe(2);
    expect(new Set(hist.filter((r) => r.dim === 'assignee').map((r) => r.value))).toEqual(new Set([t.agent2.id]));

    const scoped = em(t.id);
    await scoped.transactional((tx) => rebuildRollups(tx, t.id));
    expect(await snapshot(t.id)).toEqual(kept);
    // The other tenant's roll-ups hold only its own ticket.
    const theirs = (await snapshot(other.id)).ticket_metrics_daily as Array<Record<string, unknown>>;
    expect(theirs.reduce((n, r) => n + Number(r.created), 0)).toBe(1);
  });
});
