import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql, gqlOk } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, tokenFor, type TestTenant } from '../../../test/tenants.js';
import { issueKey } from '../../apikey/__tests__/partner.fixture.js';
import { createTicket, POST, STATUS } from '../../ticket/__tests__/ticket.fixture.js';

const SET = `mutation S($i: SlaPolicyInput!) { setSlaPolicy(input: $i) { id } }`;
const ROW = `ticketId number status channel category priority assigneeId department csatScore createdAt firstResponseAt firstResponseMinutes
  firstResponseBusinessMinutes resolvedAt resolutionMinutes resolutionBusinessMinutes replies internalNotes reopens assigneeChanges slaFirstResponse slaResolution`;
const METRICS = `query M($f: TicketMetricsFilterInput, $first: Int, $after: String) { ticketMetrics(filter: $f, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${ROW} } } } }`;
const ON_TICKET = `query T($id: ID!) { ticket(id: $id) { createdAt firstResponseAt resolvedAt metrics { ${ROW} } } }`;
const minutes = (a: string, b: string) => (new Date(b).getTime() - new Date(a).getTime()) / 60_000;

describe.each(await testDatabases())('ticket metrics on %s', (db) => {
  let server: TestServer;
  let t: TestTenant;
  let other: TestTenant;
  const tok: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(db);
    t = await createTestTenant(server.app, 'metrics');
    other = await createTestTenant(server.app, 'other');
    for (const who of ['admin', 'agent1', 'customer1'] as const) tok[who] = await tokenFor(server.url, t[who]);
    tok.otherAdmin = await tokenFor(server.url, other.admin);
    await gqlOk(server.url, SET, { i: { category: 'TECHNICAL', firstResponseMinutes: 600, resolutionMinutes: 6000, businessHours: false } }, { token: tok.admin });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const settle = () => server.app.workers.metrics.idle();

  it('keeps one row per ticket current from the event stream', async () => {
    const ticket = await createTicket(server.url, tok.customer1, { channel: 'EMAIL', priority: 'HIGH' });
    await settle();
    let row = (await gqlOk(server.url, ON_TICKET, { id: ticket.id }, { token: tok.admin })).ticket.metrics;
    expect(row).toMatchObject({ ticketId: ticket.id, number: ticket.number, status: 'OPEN', channel: 'EMAIL', category: 'TECHNICAL', priority: 'HIGH' });
    expect(row).toMatchObject({ replies: 0, reopens: 0, assigneeChanges: 0, firstResponseAt: null, slaFirstResponse: 'PENDING', slaResolution: 'PENDING' });
    expect(row.department).toBeNull();
    expect(row.csatScore).toBeNull();

    await gqlOk(server.url, `mutation C($id: ID!) { claimTicket(id: $id) { id } }`, { id: ticket.id }, { token: tok.agent1 });
    await gqlOk(server.url, POST, { input: { ticketId: ticket.id, body: 'checking logs', internal: true } }, { token: tok.agent1 });
    await gqlOk(server.url, POST, { input: { ticketId: ticket.id, body: 'Fixed, please retry' } }, { token: tok.agent1 });
    await gqlOk(server.url, STATUS, { id: ticket.id, status: 'IN_PROGRESS' }, { token: tok.agent1 });
    await gqlOk(server.url, STATUS, { id: ticket.id, status: 'RESOLVED' }, { token: tok.agent1 });
    await gqlOk(server.url, POST, { input: { ticketId: ticket.id, body: 'Still broken' } }, { token: tok.customer1 }); // reopens
    await gqlOk(server.url, STATUS, { id: ticket.id, status: 'RESOLVED' }, { token: tok.agent1 });
    await settle();

    const data = (await gqlOk(server.url, ON_TICKET, { id: ticket.id }, { token: tok.admin })).ticket;
    row = data.metrics;
    expect(row).toMatchObject({ status: 'RESOLVED', assigneeId: t.agent1.id, replies: 2, internalNotes: 1, reopens: 1, assigneeChanges: 1 });
    expect(row.slaFirstResponse).toBe('MET');
    expect(row.slaResolution).toBe('MET');
    expect(row.firstResponseAt).toBe(data.firstResponseAt);
    expect(row.resolvedAt).toBe(data.resolvedAt);
    expect(row.firstResponseMinutes).toBeCloseTo(minutes(data.createdAt, data.firstResponseAt), 6);
    expect(row.resolutionMinutes).toBeCloseTo(minutes(data.createdAt, data.resolvedAt), 6);
    expect(row.firstResponseBusinessMinutes).toBeGreaterThanOrEqual(0);
    expect(row.firstResponseBusinessMinutes).toBeLessThanOrEqual(row.firstResponseMinutes + 1e-9);
  });

  it('pages the rows as a Relay connection, oldest first, and narrows by filter', async () => {
    const a = await createTicket(server.url, tok.customer1, { category: 'BILLING' });
    const b = await createTicket(server.url, tok.customer1, { category: 'BILLING' });
    await settle();
    const first = (await gqlOk(server.url, METRICS, { f: { category: 'BILLING' }, first: 1 }, { token: tok.admin })).ticketMetrics;
    expect(first.totalCount).toBe(2);
    expect(first.edges.map((e: any) => e.node.ticketId)).toEqual([a.id]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = (await gqlOk(server.url, METRICS, { f: { category: 'BILLING' }, first: 1, after: first.pageInfo.endCursor }, { token: tok.admin })).ticketMetrics;
    expect(next.edges.map((e: any) => e.node.ticketId)).toEqual([b.id]);
    expect(next.pageInfo.hasNextPage).toBe(false);
  });

  it('drops the row of a deleted ticket', async () => {
    const doomed = await createTicket(server.url, tok.customer1, { category: 'SERVICE' });
    await settle();
    expect((await gqlOk(server.url, METRICS, { f: { category: 'SERVICE' } }, { token: tok.admin })).ticketMetrics.totalCount).toBe(1);
    await gqlOk(server.url, `mutation D($id: ID!) { deleteTicket(id: $id) { id } }`, { id: doomed.id }, { token: tok.admin });
    await settle();
    expect((await gqlOk(server.url, METRICS, { f: { category: 'SERVICE' } }, { token: tok.admin })).ticketMetrics.totalCount).toBe(0);
  });

  it('recomputes missing rows in the sweep', async () => {
    const ticket = await createTicket(server.url, tok.customer1, { category: 'ACCOUNT' });
    await settle();
    await server.app.orm.em.fork().getConnection().execute('DELETE FROM ticket_metrics WHERE id = ?', [ticket.id]);
    expect((await gqlOk(server.url, METRICS, { f: { category: 'ACCOUNT' } }, { token: tok.admin })).ticketMetrics.totalCount).toBe(0);
    expect(await server.app.workers.metrics.sweep()).toBeGreaterThanOrEqual(1);
    expect((await gqlOk(server.url, METRICS, { f: { category: 'ACCOUNT' } }, { token: tok.admin })).ticketMetrics.totalCount).toBe(1);
  });

  it('is open to admins and reports:read keys only, and never shows another tenant', async () => {
    const everything = await gqlOk(server.url, METRICS, {}, { token: tok.admin });
    expect(everything.ticketMetrics.totalCount).toBeGreaterThan(0);
    expect((await gqlOk(server.url, METRICS, {}, { token: tok.otherAdmin })).ticketMetrics.totalCount).toBe(0);
    const someId = everything.ticketMetrics.edges[0].node.ticketId;
    expect(errorCode(await gql(server.url, ON_TICKET, { id: someId }, { token: tok.otherAdmin }))).toBe('NOT_FOUND');

    expect(errorCode(await gql(server.url, METRICS, {}, { token: tok.agent1 }))).toBe('FORBIDDEN');
    expect(errorCode(await gql(server.url, METRICS, {}, { token: tok.customer1 }))).toBe('FORBIDDEN');
    expect(errorCode(await gql(server.url, METRICS, {}))).toBe('UNAUTHENTICATED');
    const customerView = await gqlOk(server.url, ON_TICKET, { id: someId }, { token: tok.customer1 });
    expect(customerView.ticket.metrics).toBeNull();

    const reports = await issueKey(server.url, tok.admin, ['reports:read']);
    const viaKey = await gqlOk(server.url, METRICS, {}, { token: reports.secret });
    expect(viaKey.ticketMetrics.totalCount).toBe(everything.ticketMetrics.totalCount);
    const ticketsOnly = await issueKey(server.url, tok.admin, ['tickets:read']);
    expect(errorCode(await gql(server.url, METRICS, {}, { token: ticketsOnly.secret }))).toBe('FORBIDDEN');
  });

  it('answers BAD_USER_INPUT for a bad range or page size', async () => {
    const bad = await gql(server.url, METRICS, { f: { range: { from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' } } }, { token: tok.admin });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.fields).toHaveProperty(['filter.range.to']);
    expect(errorCode(await gql(server.url, METRICS, { first: 1000 }, { token: tok.admin }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(server.url, METRICS, { after: 'bogus' }, { token: tok.admin }))).toBe('BAD_USER_INPUT');
  });
});
