import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forTenant } from '../../../platform/db/scope.js';
import { testDatabases } from '../../../test/databases.js';
import { gqlOk } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, tokenFor, type TestTenant } from '../../../test/tenants.js';
import { localParts } from '../metrics.compute.js';
import { rebuildRollups } from '../rollup.sql.js';
import { TicketMetrics } from '../ticket-metrics.entity.js';
import { JAKARTA } from './report.fixture.js';

const STATS = `query S($r: ReportRangeInput!, $f: ReportFilterInput) { ticketStats(range: $r, groupBy: DAY, filter: $f) {
  buckets { bucket created resolved backlog firstResponseMedian firstResponseP90 resolutionMedian resolutionP90 } totals { created resolved backlog firstResponseMedian firstResponseP90 } } }`;
const BREACHES = `query B($r: ReportRangeInput!, $f: ReportFilterInput) { slaBreaches(range: $r, filter: $f, first: 5) { totalCount edges { node { slaFirstResponse slaResolution } } } }`;
const AGENTS = `query A($r: ReportRangeInput!) { agentStats(range: $r) { agentId ticketsHandled resolved firstResponseMedian resolutionMedian } }`;
const CAL = `mutation C($i: BusinessCalendarInput!) { setBusinessCalendar(input: $i) { timezone } }`;
const ZONE = JAKARTA.timezone;
const START = Date.parse('2026-05-03T17:00:00.000Z'); // Monday 4 May, 00:00 in Jakarta
const HOUR = 3_600_000;

interface Sample { createdAt: number; resolvedAt: number | null; fr: number | null; res: number | null; category: string; priority: string; assigneeId: string | null; breached: boolean }

/** Exact median (mean of the middle two) and p90 (nearest rank), as the SQL windows define them. */
function exact(values: number[]): { median: number; p90: number } | null {
  if (!values.length) return null;
  const v = [...values].sort((a, b) => a - b);
  const at = (rank: number) => v[rank - 1];
  return { median: (at(Math.floor((v.length + 1) / 2)) + at(Math.floor((v.length + 2) / 2))) / 2, p90: at(Math.floor((9 * v.length + 9) / 10)) };
}

/** The stated bound: within 5% of (1 + the exact value) minutes. */
function expectWithin(actual: number | null, want: number | null | undefined): void {
  if (want === null || want === undefined) return expect(actual).toBeNull();
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - want)).toBeLessThanOrEqual(0.05 * (1 + want) + 1e-9);
}

describe.each(await testDatabases())('report roll-up accuracy on %s', (db) => {
  let server: TestServer;
  let t: TestTenant;
  let token: string;
  const samples: Sample[] = [];

  beforeAll(async () => {
    server = await startTestServer(db);
    t = await createTestTenant(server.app, 'accuracy');
    token = await tokenFor(server.url, t.admin);
    await gqlOk(server.url, CAL, { i: JAKARTA }, { token });
    // 400 tickets over ten local days with spread-out times: bulk rows, then the roll-ups filled from them (as the seeders do).
    const rows: object[] = [];
    for (let i = 0; i < 400; i++) {
      const createdAt = START - 2 * 24 * HOUR + Math.floor(((i * 7919) % 1000) / 1000 * 12 * 24 * HOUR);
      const fr = i % 5 === 0 ? null : ((i * 37) % 997) + (i % 7) / 7;
      const res = i % 3 === 0 ? null : 30 + ((i * 131) % 5003) + (i % 11) / 11;
      const resolvedAt = res === null ? null : createdAt + Math.round(res * 60_000);
      const slaFirstResponse = i % 4 === 0 ? 'BREACHED' : i % 4 === 1 ? 'MET' : null;
      const slaResolution = i % 6 === 1 ? 'BREACHED' : i % 6 === 2 ? 'MET' : null;
      const s: Sample = { createdAt, resolvedAt, fr, res: resolvedAt === null ? null : (resolvedAt - createdAt) / 60_000, category: ['BILLING', 'TECHNICAL', 'ACCOUNT'][i % 3], priority: ['LOW', 'MEDIUM', 'HIGH'][i % 3 === 0 ? 0 : (i >> 1) % 3], assigneeId: [t.agent1.id, t.agent2.id, null][i % 3], breached: slaFirstResponse === 'BREACHED' || slaResolution === 'BREACHED' };
      samples.push(s);
      const c = localParts(new Date(createdAt), ZONE);
      const r = resolvedAt === null ? null : localParts(new Date(resolvedAt), ZONE);
      rows.push({
        id: uuidv7(), tenantId: t.id, createdAt: new Date(createdAt), updatedAt: new Date(createdAt), number: 1000 + i, status: resolvedAt ? 'RESOLVED' : 'OPEN', channel: 'WEB',
        category: s.category, priority: s.priority, assigneeId: s.assigneeId, customerId: t.customer1.id, firstResponseAt: fr === null ? null : new Date(createdAt + fr * 60_000),
        resolvedAt: resolvedAt === null ? null : new Date(resolvedAt), firstResponseMinutes: fr, firstResponseBusinessMinutes: fr, resolutionMinutes: s.res, resolutionBusinessMinutes: s.res,
        replies: 1, internalNotes: 0, reopens: 0, assigneeChanges: 0, slaFirstResponse, slaResolution, department: null, csatScore: null,
        createdDay: c.day, createdWeek: c.week, createdWeekday: c.weekday, createdHour: c.hour, resolvedDay: r?.day ?? null, resolvedWeek: r?.week ?? null, ticketVersion: 1,
      });
    }
    const em = forTenant(server.app.orm.em.fork(), t.id);
    await em.transactional(async (tx) => {
      await tx.insertMany(TicketMetrics, rows as never);
      await rebuildRollups(tx, t.id);
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** Every figure of a range, exact, from the samples. */
  function expected(from: number, to: number, keep: (s: Sample) => boolean) {
    const all = samples.filter(keep);
    const dayOf = (ms: number) => localParts(new Date(ms), ZONE).day;
    const inRange = (ms: number | null) => ms !== null && ms >= from && ms < to;
    const backlog = all.filter((s) => s.createdAt < from && (s.resolvedAt === null || s.resolvedAt >= from)).length;
    const created = all.filter((s) => inRange(s.createdAt));
    const resolved = all.filter((s) => inRange(s.resolvedAt));
    return {
      backlog, created, resolved,
      day: (d: string) => ({ created: created.filter((s) => dayOf(s.createdAt) === d), resolved: resolved.filter((s) => dayOf(s.resolvedAt!) === d) }),
    };
  }

  const check = async (r: { from: string; to: string }, f: Record<string, string> | null, keep: (s: Sample) => boolean) => {
    const s = (await gqlOk(server.url, STATS, { r, f }, { token })).ticketStats;
    const want = expected(Date.parse(r.from), Date.parse(r.to), keep);
    expect(s.totals.created).toBe(want.created.length);
    expect(s.totals.resolved).toBe(want.resolved.length);
    expect(s.buckets[0].backlog).toBe(want.backlog + s.buckets[0].created - s.buckets[0].resolved);
    expectWithin(s.totals.firstResponseMedian, exact(want.created.flatMap((x) => (x.fr === null ? [] : [x.fr])))?.median);
    expectWithin(s.totals.firstResponseP90, exact(want.created.flatMap((x) => (x.fr === null ? [] : [x.fr])))?.p90);
    for (const b of s.buckets) {
      const d = want.day(b.bucket);
      expect([b.bucket, b.created, b.resolved]).toEqual([b.bucket, d.created.length, d.resolved.length]);
      const fr = exact(d.created.flatMap((x) => (x.fr === null ? [] : [x.fr])));
      const res = exact(d.resolved.map((x) => x.res!));
      expectWithin(b.firstResponseMedian, fr?.median);
      expectWithin(b.firstResponseP90, fr?.p90);
      expectWithin(b.resolutionMedian, res?.median);
      expectWithin(b.resolutionP90, res?.p90);
    }
    return s;
  };

  it('gives exact counts and percentiles within the stated bound over whole local days', async () => {
    const s = await check({ from: new Date(START).toISOString(), to: new Date(START + 7 * 24 * HOUR).toISOString() }, null, () => true);
    expect(s.totals.created).toBeGreaterThan(150);
    await check({ from: new Date(START).toISOString(), to: new Date(START + 7 * 24 * HOUR).toISOString() }, { category: 'BILLING' }, (x) => x.category === 'BILLING');
  });

  it('adds the partial days at both ends exactly', async () => {
    const r = { from: new Date(START + 27 * HOUR + 17 * 60_000).toISOString(), to: new Date(START + 6 * 24 * HOUR + 15.5 * HOUR).toISOString() };
    await check(r, null, () => true);
    await check(r, { priority: 'HIGH' }, (x) => x.priority === 'HIGH');
    // Two filters together are computed from the rows themselves: the percentiles are exact there.
    const s = await check(r, { category: 'TECHNICAL', priority: 'HIGH' }, (x) => x.category === 'TECHNICAL' && x.priority === 'HIGH');
    const want = expected(Date.parse(r.from), Date.parse(r.to), (x) => x.category === 'TECHNICAL' && x.priority === 'HIGH');
    expect(s.totals.firstResponseMedian).toBeCloseTo(exact(want.created.flatMap((x) => (x.fr === null ? [] : [x.fr])))!.median, 6);
  });

  it('counts SLA breaches from the roll-up exactly, partial days and filters included', async () => {
    const r = { from: new Date(START + 27 * HOUR + 17 * 60_000).toISOString(), to: new Date(START + 6 * 24 * HOUR + 15.5 * HOUR).toISOString() };
    const inRange = (x: Sample) => x.createdAt >= Date.parse(r.from) && x.createdAt < Date.parse(r.to) && x.breached;
    for (const [f, keep] of [[null, () => true], [{ category: 'BILLING' }, (x: Sample) => x.category === 'BILLING'], [{ assigneeId: t.agent1.id }, (x: Sample) => x.assigneeId === t.agent1.id]] as const) {
      const b = (await gqlOk(server.url, BREACHES, { r, f }, { token })).slaBreaches;
      const want = samples.filter((x) => inRange(x) && keep(x)).length;
      expect(want).toBeGreaterThan(10);
      expect(b.totalCount).toBe(want);
      expect(b.edges).toHaveLength(5);
      for (const e of b.edges) expect([e.node.slaFirstResponse, e.node.slaResolution]).toContain('BREACHED');
    }
  });

  it('ranks agents from the roll-up with the same counts', async () => {
    const r = { from: new Date(START + 5 * HOUR).toISOString(), to: new Date(START + 8 * 24 * HOUR).toISOString() };
    const agents = (await gqlOk(server.url, AGENTS, { r }, { token })).agentStats;
    const want = expected(Date.parse(r.from), Date.parse(r.to), () => true);
    for (const id of [t.agent1.id, t.agent2.id]) {
      const mine = want.created.filter((x) => x.assigneeId === id);
      const row = agents.find((a: { agentId: string }) => a.agentId === id);
      expect([row.ticketsHandled, row.resolved]).toEqual([mine.length, mine.filter((x) => x.resolvedAt !== null).length]);
      expectWithin(row.firstResponseMedian, exact(mine.flatMap((x) => (x.fr === null ? [] : [x.fr])))?.median);
      expectWithin(row.resolutionMedian, exact(mine.flatMap((x) => (x.res === null ? [] : [x.res])))?.median);
    }
  });
});
