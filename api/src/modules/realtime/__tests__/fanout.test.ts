import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { gqlOk } from '../../../test/graphql.js';
import { freePort, startApiProcess, startRedisServer, type ApiProcess, type RedisProcess } from '../../../test/process.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, tokenFor, type TestTenant } from '../../../test/tenants.js';
import { connectWs, disposeAllWs, type WsSubscription } from '../../../test/ws.js';
import { createTicket, mutate, primeAll, TICKET_EVENTS, UPDATE, type TicketEventData } from './realtime.fixture.js';

const hasMariaDb = (await testDatabases()).includes('mariadb');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Two API instances on one MariaDB database: `a` in this process, `b` a child process. */
interface Pair {
  a: TestServer;
  b: ApiProcess;
  t: TestTenant;
  tokens: Record<'admin' | 'agent1' | 'customer1', string>;
  stop(): Promise<void>;
}

async function startPair(overrides: Record<string, string> = {}): Promise<Pair> {
  const a = await startTestServer('mariadb', overrides);
  let b: ApiProcess;
  try {
    b = await startApiProcess(a.env);
  } catch (error) {
    await a.stop();
    throw error;
  }
  const t = await createTestTenant(a.app, 'fanout');
  await createTestTenant(a.app, 'fanout-other');
  const tokens = { admin: await tokenFor(a.url, t.admin), agent1: await tokenFor(a.url, t.agent1), customer1: await tokenFor(a.url, t.customer1) };
  return {
    a,
    b,
    t,
    tokens,
    async stop() {
      // B first: stopping A drops the shared database.
      await b.stop();
      await a.stop();
    },
  };
}

describe.skipIf(!hasMariaDb)('ticket events across two API processes (MariaDB + Redis)', () => {
  afterEach(() => disposeAllWs());

  describe('shared Redis', () => {
    let pair: Pair;
    beforeAll(async () => {
      pair = await startPair();
    });
    afterAll(async () => {
      await disposeAllWs();
      await pair?.stop();
    });

    it('delivers an event made on one instance to a subscriber on the other, exactly once, both ways', async () => {
      const { a, b, tokens } = pair;
      const ticket = await createTicket(a.url, tokens.customer1);
      const touch = (url: string, title: string) => mutate(url, tokens.agent1, UPDATE, { id: ticket.id, input: { title } });
      const onA = connectWs(a.url, tokens.admin).subscribe<TicketEventData>(TICKET_EVENTS, { filter: { ticketId: ticket.id } });
      const onB = connectWs(b.url, tokens.agent1).subscribe<TicketEventData>(TICKET_EVENTS, { filter: { ticketId: ticket.id } });
      // Each subscriber is live (the cross-instance path included) before counting.
      await onB.prime(() => touch(a.url, `Warm-up B ${Math.random()}`));
      await onA.prime(() => touch(b.url, `Warm-up A ${Math.random()}`));
      await sleep(300);
      await onA.take(onA.pending.length);
      await onB.take(onB.pending.length);

      const fromA = await touch(a.url, 'Changed on A');
      const fromB = await touch(b.url, 'Changed on B');
      for (const sub of [onA, onB]) {
        const [first, second] = await sub.take(2);
        expect([first.ticket.version, second.ticket.version]).toEqual([fromA.version, fromB.version]);
        expect(second.seq).toBe(first.seq + 1);
        expect(first.changes[0]).toMatchObject({ field: 'title', to: 'Changed on A' });
        expect(second.changes[0]).toMatchObject({ field: 'title', to: 'Changed on B' });
      }
      // No duplicates: neither the Redis echo of a local event nor a second copy.
      await Promise.all([onA.expectNothing(700), onB.expectNothing(700)]);
      // Both see the same stream.
      expect(onA.events.slice(-2)).toEqual(onB.events.slice(-2));
    });

    it('keeps presence shared: an agent connected to B is ONLINE for an admin on A', async () => {
      const { a, b, t, tokens } = pair;
      const presence = connectWs(a.url, tokens.admin).subscribe<{ user: { id: string }; status: string }>(
        'subscription { presenceChanged { user { id } status } }',
      );
      await presence.prime(() => gqlOk(a.url, 'mutation { setPresence(status: ONLINE) { status } }', {}, { token: tokens.admin }));
      const agentOnB = connectWs(b.url, tokens.agent1);
      await agentOnB.connected;
      expect(await presence.waitFor((e) => e.user.id === t.agent1.id, 5000)).toMatchObject({ status: 'ONLINE' });
      const { agents } = await gqlOk<{ agents: Array<{ user: { id: string }; status: string }> }>(a.url, '{ agents { user { id } status } }', {}, { token: tokens.admin });
      expect(agents.find((x) => x.user.id === t.agent1.id)?.status).toBe('ONLINE');
      await agentOnB.dispose();
      expect(await presence.waitFor((e) => e.user.id === t.agent1.id, 5000)).toMatchObject({ status: 'OFFLINE' });
    });
  });

  describe('Redis outage', () => {
    let redis: RedisProcess;
    let pair: Pair;
    beforeAll(async () => {
      redis = await startRedisServer(await freePort());
      pair = await startPair({ REDIS_URL: redis.url });
    });
    afterAll(async () => {
      await disposeAllWs();
      await pair?.stop();
      await redis?.stop();
    });

    it('keeps local delivery while Redis is down, and fans out again (filling the gap) when it is back', async () => {
      const { a, b, tokens } = pair;
      const ticket = await createTicket(a.url, tokens.customer1);
      const touch = (title: string) => mutate(a.url, tokens.agent1, UPDATE, { id: ticket.id, input: { title } });
      const subscribe = (url: string): WsSubscription<TicketEventData> =>
        connectWs(url, tokens.admin).subscribe<TicketEventData>(TICKET_EVENTS, { filter: { ticketId: ticket.id } });
      const onA = subscribe(a.url);
      const onB = subscribe(b.url);
      await primeAll([onA, onB], () => touch(`Warm-up ${Math.random()}`));
      const beforeOutage = onB.events.at(-1)!.seq;
      expect(onA.events.at(-1)!.seq).toBe(beforeOutage);

      await redis.kill();
      const during = await touch('Changed during the outage');
      const local = await onA.nextEvent();
      expect(local).toMatchObject({ seq: beforeOutage + 1, ticket: { version: during.version } });
      // B may or may not see it now: a catch-up B was already due to run (its fan-out's second
      // "restored" signal, a second after it connected) reads it from the table. Either way it
      // must reach B exactly once, in order, which the end of the test checks.
      // Both instances are alive and serving.
      expect(b.child.exitCode).toBeNull();
      await gqlOk(b.url, '{ me { user { id } } }', {}, { token: tokens.admin });
      await gqlOk(a.url, '{ me { user { id } } }', {}, { token: tokens.admin });

      // Back on the same port: wait until changes on A reach B again.
      redis = await startRedisServer(redis.port);
      const seenByB = onB.events.length;
      let attempts = 0;
      for (; attempts < 30 && onB.events.length === seenByB; attempts++) {
        await touch(`After the outage ${attempts}`);
        await sleep(500);
      }
      expect(attempts).toBeLessThan(30);
      // Let every retry arrive on both sides.
      const last = await mutate<{ version: number }>(a.url, tokens.agent1, UPDATE, { id: ticket.id, input: { title: 'Final change' } });
      await onB.waitFor((e) => e.ticket.version === last.version, 5000);
      await onA.waitFor((e) => e.ticket.version === last.version, 5000);

      // B gets the event it missed during the outage: the feed reads the seq gap from the
      // database when the next event arrives. So B's stream equals A's, gap-free, no dups.
      const seqsA = onA.events.map((e) => e.seq);
      const seqsB = onB.events.map((e) => e.seq);
      // Either subscription may have gone live one warm-up event before the other: compare from A's first.
      const sharedB = seqsB.filter((s) => s >= seqsA[0]);
      expect(sharedB).toEqual(seqsA.slice(seqsA.length - sharedB.length));
      expect(seqsB).toContain(local.seq);
      for (let i = 1; i < seqsB.length; i++) expect(seqsB[i]).toBe(seqsB[i - 1] + 1);
      expect(onB.events.find((e) => e.seq === local.seq)).toEqual(local);
      await Promise.all([onA.expectNothing(500), onB.expectNothing(500)]);
      expect(b.child.exitCode).toBeNull();
    });
  });
});
