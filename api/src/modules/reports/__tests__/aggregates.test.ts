import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql, gqlOk } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, tokenFor, type TestTenant } from '../../../test/tenants.js';
import { issueKey } from '../../apikey/__tests__/partner.fixture.js';
import { JAKARTA, loadFixture, RANGE } from './report.fixture.js';

const BUCKET = `bucket created resolved backlog firstResponseMedian firstResponseP90 resolutionMedian resolutionP90
  slaFirstResponseCompliance slaResolutionCompliance reopenRate csatAverage csatResponseRate`;
const STATS = `query S($r: ReportRangeInput!, $g: ReportGroupBy!, $f: ReportFilterInput, $b: Boolean) {
  ticketStats(range: $r, groupBy: $g, filter: $f, businessHours: $b) { timezone businessHours buckets { ${BUCKET} } totals { ${BUCKET} }
  byStatus { key count } byCategory { key count } byPriority { key count } byChannel { key count } } }`;
const AGENTS = `query A($r: ReportRangeInput!, $b: Boolean) { agentStats(range: $r, businessHours: $b) {
  agentId name ticketsHandled chatsHandled resolved firstResponseMedian resolutionMedian slaCompliance csatAverage onlineMinutes } }`;
const HEATMAP = `query H($r: ReportRangeInput!, $f: ReportFilterInput) { trafficHeatmap(range: $r, filter: $f) { weekday hour tickets chats } }`;
const BREACHES = `query B($r: ReportRangeInput!) { slaBreaches(range: $r) { totalCount edges { node { number slaFirstResponse slaResolution } } } }`;
const CAL = `mutation C($i: BusinessCalendarInput!) { setBusinessCalendar(input: $i) { timezone } }`;

const bucket = (b: string, v: Partial<Record<string, number | null>>) => ({
  bucket: b, created: 0, resolved: 0, backlog: 0, firstResponseMedian: null, firstResponseP90: null, resolutionMedian: null, resolutionP90: null,
  slaFirstResponseCompliance: null, slaResolutionCompliance: null, reopenRate: null, csatAverage: null, csatResponseRate: null, ...v,
});

// Hand-computed from report.fixture.ts (calendar minutes; the business-hours figures below).
const MON = bucket('2026-03-02', { created: 2, resolved: 3, backlog: 0, firstResponseMedian: 35, firstResponseP90: 60, resolutionMedian: 630, resolutionP90: 630,
  slaFirstResponseCompliance: 50, slaResolutionCompliance: 100, reopenRate: 50, csatAverage: 4, csatResponseRate: 50 });
const TUE = bucket('2026-03-03', { created: 1, backlog: 1, firstResponseMedian: 1050, firstResponseP90: 1050, slaFirstResponseCompliance: 0, slaResolutionCompliance: 0, csatAverage: 2 });
const WED = bucket('2026-03-04', { created: 1, backlog: 2 });
const TOTAL = { created: 4, resolved: 3, backlog: 2, firstResponseMedian: 60, firstResponseP90: 1050, resolutionMedian: 630, resolutionP90: 630,
  slaFirstResponseCompliance: 33.33, slaResolutionCompliance: 66.67, reopenRate: 50, csatAverage: 3, csatResponseRate: 100 };

describe.each(await testDatabases())('report aggregates on %s', (db) => {
  let server: TestServer;
  let t: TestTenant;
  let other: TestTenant;
  const tok: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(db);
    t = await createTestTenant(server.app, 'reports');
    other = await createTestTenant(server.app, 'other');
    for (const who of ['admin', 'agent1', 'customer1'] as const) tok[who] = await tokenFor(server.url, t[who]);
    tok.otherAdmin = await tokenFor(server.url, other.admin);
    // Both tenants hold the same history: any leak between them would double a number below.
    for (const [tenant, token] of [[t, tok.admin], [other, tok.otherAdmin]] as const) {
      await gqlOk(server.url, CAL, { i: JAKARTA }, { token });
      // The calendar change recomputes SLA due times in the background; let it finish before
      // the fixture writes its own history.
      await server.app.workers.slaRecompute.idle();
      await loadFixture(server.app, tenant);
    }
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('computes each day in the tenant timezone, with exact medians and p90s', async () => {
    for (const token of [tok.admin, tok.otherAdmin]) {
      const s = (await gqlOk(server.url, STATS, { r: RANGE, g: 'DAY' }, { token })).ticketStats;
      expect(s.timezone).toBe('Asia/Jakarta');
      expect(s.buckets).toEqual([MON, TUE, WED]);
      expect(s.totals).toEqual({ bucket: 'total', ...TOTAL });
    }
  });

  it('counts business hours only when asked', async () => {
    const s = (await gqlOk(server.url, STATS, { r: RANGE, g: 'DAY', b: true }, { token: tok.admin })).ticketStats;
    expect(s.businessHours).toBe(true);
    expect(s.buckets.map((b: any) => [b.firstResponseMedian, b.firstResponseP90, b.resolutionMedian, b.resolutionP90])).toEqual([
      [5, 10, 120, 240],
      [90, 90, null, null],
      [null, null, null, null],
    ]);
    expect([s.totals.firstResponseMedian, s.totals.firstResponseP90, s.totals.resolutionMedian, s.totals.resolutionP90]).toEqual([10, 90, 120, 240]);
  });

  it('groups by week and month', async () => {
    const week = (await gqlOk(server.url, STATS, { r: RANGE, g: 'WEEK' }, { token: tok.admin })).ticketStats;
    expect(week.buckets).toEqual([{ bucket: '2026-03-02', ...TOTAL }]);
    const month = (await gqlOk(server.url, STATS, { r: RANGE, g: 'MONTH' }, { token: tok.admin })).ticketStats;
    expect(month.buckets).toEqual([{ bucket: '2026-03-01', ...TOTAL }]);
  });

  it('breaks the range down by status, category, priority and channel, and filters', async () => {
    const s = (await gqlOk(server.url, STATS, { r: RANGE, g: 'DAY' }, { token: tok.admin })).ticketStats;
    expect(s.byStatus).toEqual([{ key: 'CLOSED', count: 1 }, { key: 'IN_PROGRESS', count: 1 }, { key: 'OPEN', count: 1 }, { key: 'RESOLVED', count: 1 }]);
    expect(s.byCategory).toEqual([{ key: 'ACCOUNT', count: 1 }, { key: 'BILLING', count: 1 }, { key: 'TECHNICAL', count: 2 }]);
    expect(s.byPriority).toEqual([{ key: 'HIGH', count: 1 }, { key: 'LOW', count: 1 }, { key: 'MEDIUM', count: 2 }]);
    expect(s.byChannel).toEqual([{ key: 'CHAT', count: 2 }, { key: 'EMAIL', count: 1 }, { key: 'WEB', count: 1 }]);
    const tech = (await gqlOk(server.url, STATS, { r: RANGE, g: 'DAY', f: { category: 'TECHNICAL' } }, { token: tok.admin })).ticketStats;
    expect(tech.buckets.map((b: any) => [b.created, b.resolved, b.backlog])).toEqual([[1, 1, 0], [1, 0, 1], [0, 0, 1]]);
  });

  it('draws the weekday × hour heatmap in the tenant timezone', async () => {
    const cells = (await gqlOk(server.url, HEATMAP, { r: RANGE }, { token: tok.admin })).trafficHeatmap;
    expect(cells).toEqual([
      { weekday: 1, hour: 0, tickets: 1, chats: 0 },
      { weekday: 1, hour: 9, tickets: 1, chats: 1 },
      { weekday: 2, hour: 16, tickets: 1, chats: 1 },
      { weekday: 3, hour: 23, tickets: 1, chats: 0 },
    ]);
  });

  it('ranks agents; an agent sees only their own row and tickets', async () => {
    const agents = (await gqlOk(server.url, AGENTS, { r: RANGE }, { token: tok.admin })).agentStats;
    expect(agents).toEqual([
      { agentId: t.agent1.id, name: `agent1 of ${t.slug}`, ticketsHandled: 2, chatsHandled: 1, resolved: 2, firstResponseMedian: 35, resolutionMedian: 435, slaCompliance: 75, csatAverage: 4, onlineMinutes: 0 },
      { agentId: t.agent2.id, name: `agent2 of ${t.slug}`, ticketsHandled: 1, chatsHandled: 1, resolved: 0, firstResponseMedian: 1050, resolutionMedian: null, slaCompliance: 0, csatAverage: 2, onlineMinutes: 0 },
    ]);
    const business = (await gqlOk(server.url, AGENTS, { r: RANGE, b: true }, { token: tok.admin })).agentStats;
    expect(business.map((a: any) => [a.firstResponseMedian, a.resolutionMedian])).toEqual([[5, 180], [90, null]]);

    const own = (await gqlOk(server.url, AGENTS, { r: RANGE }, { token: tok.agent1 })).agentStats;
    expect(own.map((a: any) => a.agentId)).toEqual([t.agent1.id]);
    const mine = (await gqlOk(server.url, STATS, { r: RANGE, g: 'DAY', f: { assigneeId: t.agent2.id } }, { token: tok.agent1 })).ticketStats;
    // T1 (resolved Monday, from the starting backlog), T2 and T3 are agent1's; the agent2 filter is overridden.
    expect(mine.totals).toMatchObject({ created: 2, resolved: 3, backlog: 0 });
  });

  it('lists the breached tickets', async () => {
    const b = (await gqlOk(server.url, BREACHES, { r: RANGE }, { token: tok.admin })).slaBreaches;
    expect(b.totalCount).toBe(2);
    expect(b.edges.map((e: any) => e.node)).toEqual([
      { number: 1002, slaFirstResponse: 'BREACHED', slaResolution: 'MET' },
      { number: 1004, slaFirstResponse: 'BREACHED', slaResolution: 'BREACHED' },
    ]);
  });

  it('is closed to customers and to keys without reports:read, and checks the range', async () => {
    expect(errorCode(await gql(server.url, STATS, { r: RANGE, g: 'DAY' }, { token: tok.customer1 }))).toBe('FORBIDDEN');
    const key = await issueKey(server.url, tok.admin, ['reports:read']);
    expect((await gqlOk(server.url, STATS, { r: RANGE, g: 'DAY' }, { token: key.secret })).ticketStats.totals.created).toBe(4);
    const ticketsKey = await issueKey(server.url, tok.admin, ['tickets:read']);
    expect(errorCode(await gql(server.url, HEATMAP, { r: RANGE }, { token: ticketsKey.secret }))).toBe('FORBIDDEN');
    const long = await gql(server.url, STATS, { r: { from: '2025-01-01T00:00:00Z', to: '2026-06-01T00:00:00Z' }, g: 'DAY' }, { token: tok.admin });
    expect(errorCode(long)).toBe('BAD_USER_INPUT');
    expect(long.errors![0].extensions!.fields).toHaveProperty(['range.to']);
  });
});
