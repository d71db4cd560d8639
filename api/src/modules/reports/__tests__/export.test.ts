import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { gqlOk } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, tokenFor, type TestTenant } from '../../../test/tenants.js';
import { issueKey } from '../../apikey/__tests__/partner.fixture.js';
import { forTenant } from '../../../platform/db/scope.js';
import { TicketMetrics } from '../ticket-metrics.entity.js';
import { JAKARTA, loadFixture, RANGE } from './report.fixture.js';
import { EXPORT_BATCH } from '../reports.export.js';

const CAL = `mutation C($i: BusinessCalendarInput!) { setBusinessCalendar(input: $i) { timezone } }`;

describe.each(await testDatabases())('report exports on %s', (db) => {
  let server: TestServer;
  let t: TestTenant;
  let other: TestTenant;
  const tok: Record<string, string> = {};
  let ids: Record<string, string>;

  const get = (query: Record<string, string>, token?: string) =>
    fetch(`${server.url}/reports/export?${new URLSearchParams(query)}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    server = await startTestServer(db);
    t = await createTestTenant(server.app, 'export');
    other = await createTestTenant(server.app, 'other');
    for (const who of ['admin', 'agent1'] as const) tok[who] = await tokenFor(server.url, t[who]);
    tok.otherAdmin = await tokenFor(server.url, other.admin);
    await gqlOk(server.url, CAL, { i: JAKARTA }, { token: tok.admin });
    ids = await loadFixture(server.app, t);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('streams ticket metrics as CSV with a total for progress', async () => {
    const res = await get({ dataset: 'metrics', format: 'csv', ...RANGE }, tok.admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('x-total-count')).toBe('4');
    expect(res.headers.get('content-disposition')).toContain('sociodesk-metrics-2026-03-01-2026-03-04.csv');
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(5);
    const header = lines[0].split(',');
    expect(header.slice(0, 3)).toEqual(['id', 'number', 'status']);
    const t2 = Object.fromEntries(lines[1].split(',').map((v, i) => [header[i], v]));
    expect(t2).toMatchObject({ id: ids.T2, number: '1002', status: 'CLOSED', firstResponseMinutes: '60', resolutionBusinessMinutes: '120', slaFirstResponse: 'BREACHED', slaResolution: 'MET', department: '' });
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(['1002', '1003', '1004', '1005']);
  });

  it('streams tickets and agent stats as NDJSON', async () => {
    const tickets = (await (await get({ dataset: 'tickets', format: 'ndjson', ...RANGE }, tok.admin)).text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(tickets.map((r) => [r.number, r.status, r.title])).toEqual([[1002, 'CLOSED', 'Fixture T2'], [1003, 'RESOLVED', 'Fixture T3'], [1004, 'IN_PROGRESS', 'Fixture T4'], [1005, 'OPEN', 'Fixture T5']]);
    expect(tickets[0].createdAt).toBe('2026-03-01T17:30:00.000Z');
    const res = await get({ dataset: 'agents', format: 'ndjson', ...RANGE }, tok.admin);
    expect(res.headers.get('x-total-count')).toBe('2');
    const agents = (await res.text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(agents.map((a) => [a.agentId, a.ticketsHandled, a.resolutionMedian])).toEqual([[t.agent1.id, 2, 435], [t.agent2.id, 1, null]]);
  });

  it('walks more rows than one batch without skipping or repeating one', async () => {
    const big = await createTestTenant(server.app, 'big');
    const em = forTenant(server.app.orm.em, big.id);
    const at = new Date('2026-03-03T00:00:00.000Z'); // every row at the same instant: the id breaks ties
    const n = EXPORT_BATCH * 2 + 17;
    for (let i = 0; i < n; i++) {
      em.create(TicketMetrics, {
        id: randomUUID(), number: 5000 + i, status: 'OPEN', channel: 'WEB', category: 'BILLING', priority: 'LOW', customerId: big.customer1.id, createdAt: at,
        replies: 0, internalNotes: 0, reopens: 0, assigneeChanges: 0, createdDay: '2026-03-03', createdWeek: '2026-03-02', createdWeekday: 2, createdHour: 0, ticketVersion: 1,
      });
    }
    await em.flush();
    const res = await get({ dataset: 'metrics', format: 'ndjson', ...RANGE }, await tokenFor(server.url, big.admin));
    expect(res.headers.get('x-total-count')).toBe(String(n));
    const rows = (await res.text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(n);
    expect(new Set(rows.map((r) => r.number)).size).toBe(n);
  });

  it('is for admins and reports:read keys, in their own tenant, and checks its parameters', async () => {
    expect((await get({ dataset: 'metrics', ...RANGE })).status).toBe(401);
    const agent = await get({ dataset: 'metrics', ...RANGE }, tok.agent1);
    expect(agent.status).toBe(403);
    expect(((await agent.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
    const key = await issueKey(server.url, tok.admin, ['reports:read']);
    const viaKey = await get({ dataset: 'metrics', ...RANGE }, key.secret);
    expect(viaKey.status).toBe(200);
    expect(viaKey.headers.get('x-total-count')).toBe('4');
    const ticketsKey = await issueKey(server.url, tok.admin, ['tickets:read']);
    expect((await get({ dataset: 'metrics', ...RANGE }, ticketsKey.secret)).status).toBe(403);
    const otherTenant = await get({ dataset: 'metrics', format: 'csv', ...RANGE }, tok.otherAdmin);
    expect(otherTenant.headers.get('x-total-count')).toBe('0');
    expect((await otherTenant.text()).trimEnd().split('\r\n')).toHaveLength(1);

    const bad = await get({ dataset: 'everything', format: 'xml', from: 'yesterday', to: RANGE.to }, tok.admin);
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as any;
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(body.errors[0].extensions.fields).sort()).toEqual(['dataset', 'format', 'from']);
    const backwards = await get({ dataset: 'metrics', from: RANGE.to, to: RANGE.from }, tok.admin);
    expect(backwards.status).toBe(400);
    expect(((await backwards.json()) as any).errors[0].extensions.fields).toHaveProperty(['range.to']);
  });
});
