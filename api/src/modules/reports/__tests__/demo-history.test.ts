import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql, gqlOk } from '../../../test/graphql.js';
import { consistencyProblems } from '../../../test/faults/writes.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { login } from '../../../test/tenants.js';
import { DEMO_PASSWORD } from '../../demo/demo.seed.js';
import { Tenant } from '../../tenant/tenant.entity.js';

const STATS = `query S($r: ReportRangeInput!) { ticketStats(range: $r, groupBy: WEEK) { totals { created resolved }
  byStatus { key count } byCategory { key count } byPriority { key count } byChannel { key count } } }`;
const METRICS = `query M { ticketMetrics(first: 100) { totalCount edges { node { ticketId internalNotes replies reopens slaFirstResponse slaResolution } } } }`;
const COUNT = `query C($f: TicketFilter) { tickets(filter: $f, first: 1) { totalCount } }`;

describe.each(await testDatabases())('demo history on %s', (db) => {
  let server: TestServer;
  const tok: Record<string, string> = {};
  let acmeId: string;

  beforeAll(async () => {
    const started = Date.now();
    server = await startTestServer(db, { SEED_DEMO_DATA: 'true' });
    console.info(`[demo history] ${db}: server with demo history started in ${Date.now() - started} ms`);
    tok.acme = (await login(server.url, 'admin@acme.example', undefined, DEMO_PASSWORD)).accessToken;
    tok.globex = (await login(server.url, 'admin@globex.example', undefined, DEMO_PASSWORD)).accessToken;
    acmeId = (await server.app.orm.em.fork().findOneOrFail(Tenant, { slug: 'acme' })).id;
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('writes 90 days of consistent history: numbers, seq, counters, events of every ticket and message', async () => {
    const conn = server.app.orm.em.fork().getConnection();
    const sql = { all: (q: string, p: unknown[] = []) => conn.execute(q, p as never[], 'all') as never, run: async (q: string, p: unknown[] = []) => void (await conn.execute(q, p as never[], 'run')) };
    expect(await consistencyProblems(sql, acmeId)).toEqual([]);
    // The API carries on from there: the next number and seq follow the history.
    const customer = (await login(server.url, 'customer1@acme.example', undefined, DEMO_PASSWORD)).accessToken;
    const created = await gqlOk(server.url, `mutation { createTicket(input: { title: "After the history", description: "Still here", category: BILLING }) { number } }`, {}, { token: customer });
    expect(created.createTicket.number).toBe(2501);
    expect(await consistencyProblems(sql, acmeId)).toEqual([]);
  });

  it('covers every status, category, priority and channel, for both tenants separately', async () => {
    const now = Date.now();
    const r = { from: new Date(now - 91 * 86_400_000).toISOString(), to: new Date(now + 60_000).toISOString() };
    for (const token of [tok.acme, tok.globex]) {
      const s = (await gqlOk(server.url, STATS, { r }, { token })).ticketStats;
      expect(s.totals.created).toBeGreaterThanOrEqual(1500);
      expect(s.byStatus.map((x: { key: string }) => x.key)).toEqual(['CLOSED', 'IN_PROGRESS', 'OPEN', 'RESOLVED']);
      expect(s.byCategory.map((x: { key: string }) => x.key)).toEqual(['ACCOUNT', 'BILLING', 'SERVICE', 'TECHNICAL']);
      expect(s.byPriority.map((x: { key: string }) => x.key)).toEqual(['HIGH', 'LOW', 'MEDIUM']);
      expect(s.byChannel.map((x: { key: string }) => x.key)).toEqual(['API', 'CHAT', 'EMAIL', 'PHONE', 'WEB']);
      expect((await gqlOk(server.url, COUNT, {}, { token })).tickets.totalCount).toBeGreaterThanOrEqual(1500);
    }
  });

  it('has replies, internal notes, reopenings and a mix of SLA outcomes and live states', async () => {
    const m = (await gqlOk(server.url, METRICS, {}, { token: tok.acme })).ticketMetrics;
    expect(m.totalCount).toBeGreaterThanOrEqual(1500);
    const nodes = m.edges.map((e: { node: Record<string, unknown> }) => e.node);
    expect(nodes.some((n: any) => n.internalNotes > 0)).toBe(true);
    expect(nodes.some((n: any) => n.replies > 1)).toBe(true);
    expect(nodes.some((n: any) => n.reopens > 0)).toBe(true);
    for (const outcome of ['MET', 'BREACHED']) expect(nodes.some((n: any) => n.slaFirstResponse === outcome || n.slaResolution === outcome)).toBe(true);
    for (const state of ['ON_TRACK', 'AT_RISK', 'BREACHED']) {
      expect((await gqlOk(server.url, COUNT, { f: { slaState: [state] } }, { token: tok.acme })).tickets.totalCount, state).toBeGreaterThan(0);
    }
    const acmeTicket = nodes[0].ticketId;
    expect(errorCode(await gql(server.url, `query T($id: ID!) { ticket(id: $id) { id } }`, { id: acmeTicket }, { token: tok.globex }))).toBe('NOT_FOUND');
  });

  it('fills the settings screens: notifications, webhooks with deliveries, API keys; and chats by department', async () => {
    const INTEGRATIONS = `query I { webhookEndpoints { url enabled } webhookDeliveries(first: 50) { totalCount edges { node { status responseStatus } } }
      apiKeys { name scopes } notifications(first: 50) { totalCount } }`;
    for (const [slug, token] of [['acme', tok.acme], ['globex', tok.globex]] as const) {
      const i = await gqlOk(server.url, INTEGRATIONS, {}, { token });
      // Reserved example domains only: nothing real is ever called.
      expect(i.webhookEndpoints.map((w: any) => [new URL(w.url).hostname, w.url.includes(slug), w.enabled]).sort()).toEqual([['example.com', true, true], ['example.org', true, false]]);
      const statuses = i.webhookDeliveries.edges.map((e: any) => e.node.status);
      expect(statuses.filter((x: string) => x === 'SUCCEEDED').length).toBe(10);
      expect(statuses).toContain('FAILED');
      // (The ticket created above adds a PENDING delivery to the live endpoint: it is enabled.)
      expect(i.apiKeys.map((k: any) => k.name).sort()).toEqual(['Analytics export', 'CRM sync']);
      expect(i.notifications.totalCount).toBeGreaterThan(0);
    }
    // The history's chats belong to the demo departments, which the reports filter by.
    const now = Date.now();
    const r = { from: new Date(now - 91 * 86_400_000).toISOString(), to: new Date(now + 60_000).toISOString() };
    const BY_DEPT = `query S($r: ReportRangeInput!, $f: ReportFilterInput) { ticketStats(range: $r, groupBy: WEEK, filter: $f) { totals { created csatAverage } byChannel { key count } } }`;
    const teknis = (await gqlOk(server.url, BY_DEPT, { r, f: { department: 'Teknis' } }, { token: tok.acme })).ticketStats;
    expect(teknis.totals.created).toBeGreaterThan(0);
    expect(teknis.totals.csatAverage).not.toBeNull();
    expect(teknis.byChannel).toEqual([{ key: 'CHAT', count: teknis.totals.created }]);
  });
});
