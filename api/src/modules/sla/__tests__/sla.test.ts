import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql, gqlOk } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, tokenFor, type TestTenant } from '../../../test/tenants.js';
import { createTicket, POST, STATUS } from '../../ticket/__tests__/ticket.fixture.js';

const SET = `mutation S($i: SlaPolicyInput!) { setSlaPolicy(input: $i) { id category priority firstResponseMinutes resolutionMinutes businessHours } }`;
const SLA = `query Q($id: ID!) { ticket(id: $id) { escalationLevel firstResponseDueAt resolutionDueAt createdAt
  sla { businessHours firstResponse { dueAt state remainingMinutes } resolution { dueAt state remainingMinutes } }
  messages { edges { node { kind internal body } } } activities(first: 50) { edges { node { type changes { field from to } } } } } }`;
const NOTES = `{ notifications(first: 50) { totalCount edges { node { type ticketId params { ticketNumber clock level } } } } }`;
const minutes = (a: string, b: string) => (new Date(b).getTime() - new Date(a).getTime()) / 60_000;
const plus = (iso: string, m: number) => new Date(new Date(iso).getTime() + m * 60_000);

describe.each(await testDatabases())('SLA on %s', (db) => {
  let server: TestServer;
  let second: TestServer | undefined;
  let t: TestTenant;
  let other: TestTenant;
  const tok: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(db);
    // A second API instance on the same database (MariaDB) — its own worker competes for the same rows.
    if (db === 'mariadb') second = await startTestServer(db, { DATABASE_URL: server.env.DATABASE_URL, REDIS_PREFIX: server.env.REDIS_PREFIX });
    t = await createTestTenant(server.app, 'sla');
    other = await createTestTenant(server.app, 'other');
    for (const who of ['admin', 'agent1', 'customer1'] as const) tok[who] = await tokenFor(server.url, t[who]);
    tok.otherAdmin = await tokenFor(server.url, other.admin);
    await gqlOk(server.url, SET, { i: { category: 'TECHNICAL', firstResponseMinutes: 10, resolutionMinutes: 60, businessHours: false } }, { token: tok.admin });
  });
  afterAll(async () => {
    await second?.stop();
    await server?.stop();
  });

  it('sets due times on create and recomputes them when the priority changes', async () => {
    await gqlOk(server.url, SET, { i: { category: 'TECHNICAL', priority: 'HIGH', firstResponseMinutes: 5, resolutionMinutes: 30, businessHours: false } }, { token: tok.admin });
    const ticket = await createTicket(server.url, tok.customer1, { priority: 'MEDIUM' });
    let data = (await gqlOk(server.url, SLA, { id: ticket.id }, { token: tok.agent1 })).ticket;
    expect(minutes(data.createdAt, data.firstResponseDueAt)).toBeCloseTo(10, 3);
    expect(minutes(data.createdAt, data.resolutionDueAt)).toBeCloseTo(60, 3);
    expect(data.sla.firstResponse.state).toBe('ON_TRACK');
    expect(data.sla.resolution.remainingMinutes).toBeGreaterThan(58);

    await gqlOk(server.url, `mutation U($id: ID!) { updateTicket(id: $id, input: { priority: HIGH }) { id } }`, { id: ticket.id }, { token: tok.agent1 });
    data = (await gqlOk(server.url, SLA, { id: ticket.id }, { token: tok.agent1 })).ticket;
    expect(minutes(data.createdAt, data.firstResponseDueAt)).toBeCloseTo(5, 3);
    expect(minutes(data.createdAt, data.resolutionDueAt)).toBeCloseTo(30, 3);
  });

  it('stops the first-response clock at the first public agent reply and pauses resolution while resolved', async () => {
    const ticket = await createTicket(server.url, tok.customer1);
    await gqlOk(server.url, POST, { input: { ticketId: ticket.id, body: 'note', internal: true } }, { token: tok.agent1 });
    expect((await gqlOk(server.url, SLA, { id: ticket.id }, { token: tok.agent1 })).ticket.sla.firstResponse.state).toBe('ON_TRACK');
    await gqlOk(server.url, POST, { input: { ticketId: ticket.id, body: 'On it' } }, { token: tok.agent1 });
    expect((await gqlOk(server.url, SLA, { id: ticket.id }, { token: tok.agent1 })).ticket.sla.firstResponse.state).toBe('MET');

    await gqlOk(server.url, STATUS, { id: ticket.id, status: 'IN_PROGRESS' }, { token: tok.agent1 });
    await gqlOk(server.url, STATUS, { id: ticket.id, status: 'RESOLVED' }, { token: tok.agent1 });
    const paused = (await gqlOk(server.url, SLA, { id: ticket.id }, { token: tok.agent1 })).ticket;
    expect(paused.sla.resolution.state).toBe('PAUSED');
    await new Promise((r) => setTimeout(r, 300));
    await gqlOk(server.url, POST, { input: { ticketId: ticket.id, body: 'Still broken' } }, { token: tok.customer1 });
    const resumed = (await gqlOk(server.url, SLA, { id: ticket.id }, { token: tok.agent1 })).ticket;
    expect(resumed.sla.resolution.state).toBe('ON_TRACK');
    // The paused time is added to the deadline.
    expect(new Date(resumed.resolutionDueAt).getTime() - new Date(paused.resolutionDueAt).getTime()).toBeGreaterThanOrEqual(250);
  });

  it('escalates exactly once per step with two workers: event, system message and notifications', async () => {
    const ticket = await createTicket(server.url, tok.customer1);
    await gqlOk(server.url, `mutation A($id: ID!, $a: ID) { assignTicket(id: $id, agentId: $a) { id } }`, { id: ticket.id, a: t.agent1.id }, { token: tok.admin });
    const created = (await gqlOk(server.url, SLA, { id: ticket.id }, { token: tok.agent1 })).ticket.createdAt as string;
    const workers = [server.app.workers.sla, second?.app.workers.sla ?? server.app.workers.sla.sibling()];
    const race = (at: Date) => Promise.all(workers.map((w) => w.runOnce(at)));

    await race(plus(created, 9)); // 90% of the first-response time: at risk
    await race(plus(created, 11)); // first response breached → level 1
    await race(plus(created, 61)); // resolution breached → level 2
    await race(plus(created, 61.5)); // nothing new
    await race(plus(created, 122)); // one more full resolution period overdue → level 3

    const data = (await gqlOk(server.url, SLA, { id: ticket.id }, { token: tok.agent1 })).ticket;
    expect(data.escalationLevel).toBe(3);
    const types = data.activities.edges.map((e: any) => e.node.type);
    expect(types.filter((x: string) => x === 'SLA_AT_RISK')).toHaveLength(1);
    const steps = data.activities.edges.filter((e: any) => e.node.type === 'SLA_ESCALATED').map((e: any) => e.node.changes[0]);
    expect(steps).toEqual([
      { field: 'escalationLevel', from: '0', to: '1' },
      { field: 'escalationLevel', from: '1', to: '2' },
      { field: 'escalationLevel', from: '2', to: '3' },
    ]);
    const system = data.messages.edges.filter((e: any) => e.node.kind === 'SYSTEM');
    expect(system).toHaveLength(3);
    expect(system.every((e: any) => e.node.internal)).toBe(true);

    const forAgent = (await gqlOk(server.url, NOTES, {}, { token: tok.agent1 })).notifications.edges.filter((e: any) => e.node.ticketId === ticket.id);
    expect(forAgent.filter((e: any) => e.node.type === 'SLA_AT_RISK')).toHaveLength(1);
    expect(forAgent.filter((e: any) => e.node.type === 'SLA_BREACHED')).toHaveLength(3);
    const forAdmin = (await gqlOk(server.url, NOTES, {}, { token: tok.admin })).notifications.edges.filter((e: any) => e.node.ticketId === ticket.id);
    expect(forAdmin.filter((e: any) => e.node.type === 'SLA_BREACHED')).toHaveLength(3);
    // The customer sees neither the SLA events nor the system notes.
    const mine = (await gqlOk(server.url, SLA, { id: ticket.id }, { token: tok.customer1 })).ticket;
    expect(mine.activities.edges.some((e: any) => e.node.type.startsWith('SLA_'))).toBe(false);
    expect(mine.messages.edges.some((e: any) => e.node.kind === 'SYSTEM')).toBe(false);
  });

  it('filters and sorts the ticket list by SLA state and due time', async () => {
    const fresh = await createTicket(server.url, tok.customer1, { category: 'TECHNICAL' });
    const none = await createTicket(server.url, tok.customer1, { category: 'BILLING' });
    const ids = async (filter: object, orderBy?: object) =>
      (await gqlOk(server.url, `query L($f: TicketFilter, $o: TicketOrder) { tickets(first: 100, filter: $f, orderBy: $o) { edges { node { id } } } }`, { f: filter, o: orderBy }, { token: tok.admin })).tickets.edges.map((e: any) => e.node.id);
    expect(await ids({ slaState: ['ON_TRACK'] })).toContain(fresh.id);
    expect(await ids({ slaState: ['ON_TRACK', 'AT_RISK', 'BREACHED'] })).not.toContain(none.id);
    expect(await ids({ slaState: ['BREACHED'] })).not.toContain(fresh.id);
    const sorted = await ids({}, { field: 'SLA_DUE', direction: 'ASC' });
    expect(sorted.indexOf(fresh.id)).toBeLessThan(sorted.indexOf(none.id));
  });

  it('keeps policies and notifications per tenant, and policy writes admin-only', async () => {
    const list = (await gqlOk(server.url, `{ slaPolicies { id category } }`, {}, { token: tok.agent1 })).slaPolicies;
    expect(list.length).toBeGreaterThanOrEqual(2);
    expect((await gqlOk(server.url, `{ slaPolicies { id } }`, {}, { token: tok.otherAdmin })).slaPolicies).toEqual([]);
    expect(errorCode(await gql(server.url, `{ slaPolicies { id } }`, {}, { token: tok.customer1 }))).toBe('FORBIDDEN');
    expect(errorCode(await gql(server.url, SET, { i: { category: 'BILLING', firstResponseMinutes: 5, resolutionMinutes: 10, businessHours: false } }, { token: tok.agent1 }))).toBe('FORBIDDEN');
    expect(errorCode(await gql(server.url, `mutation D($id: ID!) { deleteSlaPolicy(id: $id) }`, { id: list[0].id }, { token: tok.otherAdmin }))).toBe('NOT_FOUND');
    const bad = await gql(server.url, SET, { i: { category: 'BILLING', firstResponseMinutes: 0, resolutionMinutes: 10, businessHours: false } }, { token: tok.admin });
    expect(bad.errors![0].extensions!.fields!.firstResponseMinutes).toBeTruthy();
    expect((await gqlOk(server.url, NOTES, {}, { token: tok.otherAdmin })).notifications.totalCount).toBe(0);
  });
});
