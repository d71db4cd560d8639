import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTicket, mutate, primeAll, TICKET_EVENTS, UPDATE, type TicketEventData } from '../../modules/realtime/__tests__/realtime.fixture.js';
import { testDatabases } from '../databases.js';
import { gql, gqlOk } from '../graphql.js';
import { freePort, startApiProcess, startRedisServer, type ApiProcess, type RedisProcess } from '../process.js';
import { startTestServer, type TestServer } from '../server.js';
import { createTestTenant, LOGIN, TEST_PASSWORD, tokenFor, type TestTenant } from '../tenants.js';
import { connectedWs, connectWs, disposeAllWs } from '../ws.js';
import { sleep } from './harness.js';

/**
 * Redis down and back, with two API instances (A in this process, B a child process) on one
 * MariaDB database and a redis-server of the test's own, killed with SIGKILL:
 * - events B's subscribers missed while Redis was down arrive as soon as it is back, with no further change;
 * - rate limits keep holding per instance during the outage and are shared again after;
 * - presence keeps answering during the outage and heals after (Redis comes back empty);
 * - an instance killed with SIGKILL does not leave its agents ONLINE: its presence lease runs out.
 */
const hasMariaDb = (await testDatabases()).includes('mariadb');
const LEASE_MS = 3000;

const PRESENCE = 'subscription { presenceChanged { user { id } status } }';
const AGENTS = '{ agents { user { id } status } }';
type PresenceEvent = { user: { id: string }; status: string };

describe.skipIf(!hasMariaDb)('Redis down and back (two instances, own redis-server)', () => {
  let redis: RedisProcess;
  let a: TestServer;
  let b: ApiProcess;
  let t: TestTenant;
  let other: TestTenant;
  let tokens: Record<'admin' | 'agent1' | 'agent2' | 'customer1' | 'customer2' | 'otherAdmin', string>;

  beforeAll(async () => {
    redis = await startRedisServer(await freePort());
    a = await startTestServer('mariadb', {
      REDIS_URL: redis.url,
      PRESENCE_LEASE_MS: String(LEASE_MS),
      LOGIN_MAX_FAILURES_PER_EMAIL: '3',
      RATE_LIMIT_MAX_POINTS: '5000',
      RATE_LIMIT_RESTORE_RATE: '1',
    });
    b = await startApiProcess(a.env);
    t = await createTestTenant(a.app, 'redis');
    other = await createTestTenant(a.app, 'redis-other');
    tokens = {
      admin: await tokenFor(a.url, t.admin),
      agent1: await tokenFor(a.url, t.agent1),
      agent2: await tokenFor(a.url, t.agent2),
      customer1: await tokenFor(a.url, t.customer1),
      customer2: await tokenFor(a.url, t.customer2),
      otherAdmin: await tokenFor(a.url, other.admin),
    };
  }, 180_000);
  afterEach(async () => {
    if (redis.child.exitCode !== null || redis.child.signalCode !== null) redis = await startRedisServer(redis.port);
  });
  afterAll(async () => {
    await disposeAllWs();
    await b?.stop();
    await a?.stop();
    await redis?.stop();
  });

  const presenceOn = async (url: string, token: string) => {
    const { agents } = await gqlOk<{ agents: PresenceEvent[] }>(url, AGENTS, {}, { token });
    return new Map(agents.map((x) => [x.user.id, x.status]));
  };
  const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 10_000) => {
    const started = Date.now();
    while (!(await check())) {
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
      await sleep(100);
    }
    return Date.now() - started;
  };

  it('delivers the events committed elsewhere during the outage as soon as Redis is back, without a new event', async () => {
    const ticket = await createTicket(a.url, tokens.customer1);
    const touch = (title: string) => mutate(a.url, tokens.agent1, UPDATE, { id: ticket.id, input: { title } });
    const onB = connectWs(b.url, tokens.admin).subscribe<TicketEventData>(TICKET_EVENTS, { filter: { ticketId: ticket.id } });
    const otherOnB = connectWs(b.url, tokens.otherAdmin).subscribe<TicketEventData>(TICKET_EVENTS, {});
    await primeAll([onB], () => touch(`Warm-up ${Math.random()}`));
    const before = onB.events.at(-1)!.seq;

    await redis.kill();
    const changed = [];
    for (let i = 1; i <= 3; i++) changed.push(await touch(`During the outage ${i}`));
    await onB.expectNothing(800);

    redis = await startRedisServer(redis.port);
    const back = Date.now();
    // No further change is made: the feed reads what it missed once the fan-out is back.
    const missed = await onB.take(3, 10_000);
    const catchUpMs = Date.now() - back;
    expect(missed.map((e) => e.seq)).toEqual([before + 1, before + 2, before + 3]);
    expect(missed.map((e) => e.ticket.version)).toEqual(changed.map((c) => c.version));
    expect(missed.map((e) => e.changes[0]?.to)).toEqual(['During the outage 1', 'During the outage 2', 'During the outage 3']);
    // Exactly once: the later live path does not repeat them; the other tenant saw nothing.
    const after = await touch('After the outage');
    expect(await onB.nextEvent(5000)).toMatchObject({ seq: before + 4, ticket: { version: after.version } });
    await onB.expectNothing(500);
    expect(otherOnB.events).toEqual([]);
    console.info(`[faults] redis outage: 3 missed events reached the other instance ${catchUpMs} ms after Redis was back`);
  }, 60_000);

  it('keeps rate limits and presence working while Redis is down, and shared again after', async () => {
    const agent1OnB = await connectedWs(b.url, tokens.agent1);
    await until('agent1 online', async () => (await presenceOn(a.url, tokens.admin)).get(t.agent1.id) === 'ONLINE');
    const presenceOnB = connectWs(b.url, tokens.admin).subscribe<PresenceEvent>(PRESENCE);
    await presenceOnB.prime(() => gqlOk(b.url, 'mutation { setPresence(status: ONLINE) { status } }', {}, { token: tokens.admin }));

    const remaining = async (url: string) => {
      const r = await gql(url, '{ me { user { id } } tickets(first: 5) { totalCount } }', {}, { token: tokens.customer1 });
      expect(r.status).toBe(200);
      return Number(r.headers.get('x-ratelimit-remaining'));
    };
    const signIn = (url: string, email: string, password: string) => gql(url, LOGIN, { input: { email, password } });

    await redis.kill();
    // A socket handshake is not held up by the unreachable presence store.
    const agent2OnA = await connectedWs(a.url, tokens.agent2);
    // Cost limits count per instance: A's bucket drains, B's own bucket is separate.
    const a1 = await remaining(a.url);
    const a2 = await remaining(a.url);
    expect(a2).toBeLessThan(a1);
    expect(a1).toBeLessThan(5000);
    expect(await remaining(b.url)).toBeGreaterThan(a2);
    // The sign-in lockout still locks (in this instance's memory).
    for (let i = 0; i < 3; i++) expect((await signIn(a.url, t.customer2.email, 'wrong-password')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const locked = await signIn(a.url, t.customer2.email, TEST_PASSWORD);
    expect(locked.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    // Presence answers from what each instance knows; choosing a status needs the store: a clear 503.
    expect((await presenceOn(a.url, tokens.admin)).get(t.agent2.id)).toBe('ONLINE');
    const choose = await gql(a.url, 'mutation { setPresence(status: BUSY) { status } }', {}, { token: tokens.agent2 });
    expect([choose.status, choose.errors?.[0]?.extensions?.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);

    // Redis returns empty: every instance reasserts its connections and announces them.
    redis = await startRedisServer(redis.port);
    const healMs = await until('presence to heal', async () => {
      const states = await presenceOn(b.url, tokens.admin);
      return states.get(t.agent1.id) === 'ONLINE' && states.get(t.agent2.id) === 'ONLINE';
    });
    expect(await presenceOnB.waitFor((e) => e.user.id === t.agent2.id, 5000)).toMatchObject({ status: 'ONLINE' });
    // Shared again: what A takes is gone for B too.
    await until('shared cost bucket', async () => {
      const onA = await remaining(a.url);
      return (await remaining(b.url)) < onA;
    });
    for (let i = 0; i < 3; i++) await signIn(a.url, t.agent2.email, 'wrong-password');
    expect((await signIn(b.url, t.agent2.email, TEST_PASSWORD)).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    await agent2OnA.dispose();
    void agent1OnB;
    console.info(`[faults] redis outage: presence healed ${healMs} ms after Redis was back`);
  }, 60_000);

  it('expires the presence of an instance killed with SIGKILL', async () => {
    const agent2OnA = await connectedWs(a.url, tokens.agent2);
    const agent1OnB = await connectedWs(b.url, tokens.agent1);
    await until('both agents online', async () => {
      const states = await presenceOn(a.url, tokens.admin);
      return states.get(t.agent1.id) === 'ONLINE' && states.get(t.agent2.id) === 'ONLINE';
    });
    const presenceOnA = connectWs(a.url, tokens.admin).subscribe<PresenceEvent>(PRESENCE);
    await presenceOnA.prime(() => gqlOk(a.url, 'mutation { setPresence(status: ONLINE) { status } }', {}, { token: tokens.admin }));

    const killedAt = Date.now();
    b.child.kill('SIGKILL');
    // A heartbeat may still re-announce agent1 as ONLINE before the lease runs out; what counts is the OFFLINE.
    const offline = await presenceOnA.waitFor((e) => e.user.id === t.agent1.id && e.status === 'OFFLINE', 30_000);
    const expiredMs = Date.now() - killedAt;
    expect(offline.status).toBe('OFFLINE');
    expect(expiredMs).toBeLessThan(30_000);
    const states = await presenceOn(a.url, tokens.admin);
    expect(states.get(t.agent1.id)).toBe('OFFLINE');
    // Only the dead instance's connections stopped counting.
    expect(states.get(t.agent2.id)).toBe('ONLINE');
    await presenceOnA.expectNothing(LEASE_MS);
    await agent2OnA.dispose();
    void agent1OnB;
    console.info(`[faults] SIGKILLed instance: its agent went OFFLINE ${expiredMs} ms after the kill (lease ${LEASE_MS} ms)`);
  }, 60_000);
});
