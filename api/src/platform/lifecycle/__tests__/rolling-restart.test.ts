import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket, gql, UPDATE, type TicketEventData } from '../../../modules/realtime/__tests__/realtime.fixture.js';
import { Balancer } from '../../../test/balancer.js';
import { testDatabases } from '../../../test/databases.js';
import { gqlOk } from '../../../test/graphql.js';
import { freePort, startApiProcess, type ApiProcess } from '../../../test/process.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, tokenFor, type TestTenant } from '../../../test/tenants.js';

const hasMariaDb = (await testDatabases()).includes('mariadb');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const EVENTS = /* GraphQL */ `
  subscription Resume($after: String) {
    ticketEvents(after: $after) { seq cursor type ticketId ticket { id version title } }
  }
`;
const FEED = `query Feed($after: String) { ticketEventFeed(after: $after, first: 100) { edges { node { seq } } pageInfo { hasNextPage endCursor } } }`;
const TICKETS = `query { tickets(first: 20) { totalCount edges { node { id version } } } }`;

type Event = TicketEventData & { cursor: string; ticket: TicketEventData['ticket'] & { title: string } };

/**
 * A subscriber that resumes like the web client: graphql-ws reconnects after a 1012 close and
 * sends the same subscribe payload again, whose `after` always holds the last cursor received.
 */
function resumingSubscriber(url: string, token: string) {
  const events: Event[] = [];
  const closes: number[] = [];
  let connects = 0;
  const client: Client = createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 50,
    retryWait: async () => {
      await sleep(150);
    },
    shouldRetry: () => true,
    connectionParams: { authorization: `Bearer ${token}` },
    on: { connected: () => connects++, closed: (e) => void closes.push((e as { code: number }).code) },
  });
  const payload = { query: EVENTS, variables: { after: null as string | null } };
  client.subscribe<{ ticketEvents: Event }>(payload, {
    next: (result) => {
      const e = result.data?.ticketEvents;
      if (!e) return;
      events.push(e);
      payload.variables.after = e.cursor;
    },
    error: () => undefined,
    complete: () => undefined,
  });
  return { events, closes, connects: () => connects, dispose: () => client.dispose() };
}

describe.skipIf(!hasMariaDb)('rolling restart behind a round-robin balancer (two processes, MariaDB + Redis)', () => {
  let owner: TestServer;
  let instances: ApiProcess[] = [];
  let ports: number[];
  let balancer: Balancer;
  let t: TestTenant;

  beforeAll(async () => {
    owner = await startTestServer('mariadb');
    ports = [await freePort(), await freePort()];
    instances = await Promise.all(ports.map((port) => startApiProcess(owner.env, { PORT: String(port), SHUTDOWN_GRACE_MS: '5000' })));
    balancer = await new Balancer(instances.map((p) => p.url)).start();
    t = await createTestTenant(owner.app, 'rolling');
    await createTestTenant(owner.app, 'rolling-other');
  }, 180_000);
  afterAll(async () => {
    await balancer?.stop();
    for (const p of instances) await p.stop();
    await owner?.stop();
  });

  it('loses no acknowledged write and delivers every event exactly once, in order, across a restart', { timeout: 150_000 }, async () => {
    const url = balancer.url;
    const admin = await tokenFor(url, t.admin);
    const agent = await tokenFor(url, t.agent1);
    const customer = await tokenFor(url, t.customer1);
    const tickets = [await createTicket(url, customer, { title: 'Rolling A' }), await createTicket(url, customer, { title: 'Rolling B' })];

    const subscriber = resumingSubscriber(url, admin);
    // Live before the load starts: a priming change arrives.
    for (let i = 0; subscriber.events.length === 0; i++) {
      if (i > 40) throw new Error('subscriber never received an event');
      await gqlOk(url, UPDATE, { id: tickets[0].id, input: { title: `Rolling A prime ${i}` } }, { token: agent });
      await sleep(250);
    }
    const victimUrl = balancer.upgrades.at(-1)!;
    const victim = instances.findIndex((p) => p.url === victimUrl);

    // Mixed load: one writer per ticket (so its last acknowledged title is the final one), a reader.
    const acknowledged = new Map<string, { version: number; title: string }[]>();
    const failedWrites: string[] = [];
    let reads = 0;
    let failedReads = 0;
    let running = true;
    const writer = async (ticketId: string, label: string) => {
      for (let n = 0; running; n++) {
        const title = `${label} write ${n}`;
        try {
          const r = await gql(url, UPDATE, { id: ticketId, input: { title } }, { token: agent });
          const ticket = r.data?.updateTicket as { version: number } | undefined;
          if (ticket) acknowledged.set(ticketId, [...(acknowledged.get(ticketId) ?? []), { version: ticket.version, title }]);
          else failedWrites.push(JSON.stringify(r.errors));
        } catch (error) {
          failedWrites.push((error as Error).message);
        }
        await sleep(40);
      }
    };
    const reader = async () => {
      while (running) {
        try {
          const r = await gql(url, TICKETS, {}, { token: agent });
          if (r.data) reads++;
          else failedReads++;
        } catch {
          failedReads++;
        }
        await sleep(30);
      }
    };
    const load = Promise.all([writer(tickets[0].id, 'A'), writer(tickets[1].id, 'B'), reader()]);

    await sleep(2000);
    const beforeRestart = [...acknowledged.values()].flat().length;
    // SIGTERM the instance the subscriber is on, then start it again on the same port.
    await instances[victim].stop();
    const exitCode = instances[victim].child.exitCode;
    instances[victim] = await startApiProcess(owner.env, { PORT: String(ports[victim]), SHUTDOWN_GRACE_MS: '5000' });
    const duringRestart = [...acknowledged.values()].flat().length - beforeRestart;
    await sleep(2500);
    running = false;
    await load;
    const total = [...acknowledged.values()].flat().length;

    // Every committed event, from the durable feed.
    const feed: number[] = [];
    for (let after: string | null = null; ; ) {
      const page: any = (await gqlOk(url, FEED, { after }, { token: admin })).ticketEventFeed;
      feed.push(...page.edges.map((e: { node: { seq: number } }) => e.node.seq));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const lastSeq = feed.at(-1)!;
    for (let i = 0; subscriber.events.at(-1)?.seq !== lastSeq; i++) {
      if (i > 100) throw new Error(`subscriber stopped at seq ${subscriber.events.at(-1)?.seq}, the feed is at ${lastSeq}`);
      await sleep(100);
    }
    await sleep(500); // anything extra (a duplicate) would arrive by now
    subscriber.dispose();

    const seqs = subscriber.events.map((e) => e.seq);
    console.log(
      `[rolling restart] writes acknowledged ${total} (${beforeRestart} before, ${duringRestart} while restarting), failed ${failedWrites.length}; ` +
        `reads ${reads}, failed ${failedReads}; events ${seqs.length}; socket closes ${subscriber.closes.join(',')}; balancer failures ${balancer.failures.length}`,
    );
    // The restart happened under load, gracefully, and the subscriber was moved by a 1012 close.
    expect(exitCode).toBe(0);
    expect(beforeRestart).toBeGreaterThan(0);
    expect(total).toBeGreaterThan(beforeRestart);
    expect(subscriber.closes).toContain(1012);
    expect(subscriber.connects()).toBeGreaterThanOrEqual(2);
    // Exactly once, in order: the subscriber's seqs are the feed's, from its first event on.
    expect(seqs).toEqual(feed.slice(feed.indexOf(seqs[0])));
    // No acknowledged write lost: each has its event, and the last one per ticket is the stored state.
    const seen = new Set(subscriber.events.map((e) => `${e.ticketId}:${e.ticket.version}:${e.ticket.title}`));
    const listed = (await gqlOk(url, TICKETS, {}, { token: agent })).tickets.edges.map((e: { node: { id: string; version: number } }) => e.node);
    for (const ticket of tickets) {
      const writes = acknowledged.get(ticket.id)!;
      for (const w of writes) expect(seen.has(`${ticket.id}:${w.version}:${w.title}`)).toBe(true);
      const stored = (await gqlOk(url, `query G($id: ID!) { ticket(id: $id) { version title } }`, { id: ticket.id }, { token: agent })).ticket;
      expect(stored).toEqual({ version: writes.at(-1)!.version, title: writes.at(-1)!.title });
      expect(listed.find((n: { id: string }) => n.id === ticket.id)?.version).toBe(writes.at(-1)!.version);
    }
  });
});
