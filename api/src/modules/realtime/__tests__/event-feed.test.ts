import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql, gqlOk } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, tokenFor, type TestTenant } from '../../../test/tenants.js';
import { connectWs, disposeAllWs } from '../../../test/ws.js';
import { issueKey } from '../../apikey/__tests__/partner.fixture.js';
import { createTicket, mutate, post, STATUS, UPDATE } from './realtime.fixture.js';

const FEED = /* GraphQL */ `
  query Feed($after: String, $first: Int) {
    ticketEventFeed(after: $after, first: $first) {
      edges { cursor node { seq cursor type ticketId message { body internal } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;
const RESUME = /* GraphQL */ `subscription Resume($after: String) { ticketEvents(after: $after) { seq cursor type ticketId } }`;

interface FeedEvent {
  seq: number;
  cursor: string;
  type: string;
  ticketId: string;
  message?: { body: string; internal: boolean } | null;
}

describe.each(await testDatabases())('change feed on %s', (db) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(db);
  });
  afterEach(() => disposeAllWs());
  afterAll(async () => {
    await disposeAllWs();
    await server?.stop();
  });

  async function tenantWithTokens(label: string) {
    const t = await createTestTenant(server.app, label);
    const tokens: Record<string, string> = {};
    for (const who of ['admin', 'agent1', 'customer1', 'customer2'] as const) tokens[who] = await tokenFor(server.url, t[who]);
    return { t, tokens };
  }

  /** Every event after `after`, walking pages of `first`. */
  async function readFeed(token: string, after: string | null = null, first = 100): Promise<FeedEvent[]> {
    const out: FeedEvent[] = [];
    let cursor = after;
    for (;;) {
      const page = (await gqlOk(server.url, FEED, { after: cursor, first }, { token })).ticketEventFeed;
      out.push(...page.edges.map((e: { node: FeedEvent }) => e.node));
      if (!page.pageInfo.hasNextPage) return out;
      cursor = page.pageInfo.endCursor;
    }
  }

  it('pages through the tenant’s events in seq order, with what each reader may see', async () => {
    const { t, tokens } = await tenantWithTokens('feed');
    const other: TestTenant = await createTestTenant(server.app, 'feed-other');
    const a = await createTicket(server.url, tokens.customer1);
    await post(server.url, tokens.agent1, a.id, 'Public answer');
    await post(server.url, tokens.agent1, a.id, 'Internal note', true);
    const b = await createTicket(server.url, tokens.customer2);
    await createTicket(server.url, await tokenFor(server.url, other.customer1));

    const staff = await readFeed(tokens.admin);
    expect(staff.map((e) => e.seq)).toEqual(staff.map((_, i) => i + 1));
    expect(staff.map((e) => e.type)).toEqual(['TICKET_CREATED', 'MESSAGE_POSTED', 'MESSAGE_POSTED', 'TICKET_CREATED']);
    expect(staff[2].message).toEqual({ body: 'Internal note', internal: true });
    expect(staff.every((e) => e.cursor && [a.id, b.id].includes(e.ticketId))).toBe(true);

    const key = await issueKey(server.url, tokens.admin, ['events:read']);
    const partner = await readFeed(key.secret);
    expect(partner.map((e) => e.seq)).toEqual([1, 2, 4]);
    // Without messages:read the key gets the event but not the message.
    expect(partner[1].message).toBeNull();
    const reader = await issueKey(server.url, tokens.admin, ['events:read', 'messages:read']);
    expect((await readFeed(reader.secret))[1].message).toEqual({ body: 'Public answer', internal: false });

    expect((await readFeed(tokens.customer1)).map((e) => e.seq)).toEqual([1, 2]);
    expect((await readFeed(tokens.customer2)).map((e) => e.seq)).toEqual([4]);

    // One event per page gives the same sequence; a cursor resumes right after its event.
    expect((await readFeed(tokens.admin, null, 1)).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect((await readFeed(tokens.admin, staff[1].cursor)).map((e) => e.seq)).toEqual([3, 4]);
    expect((await readFeed(tokens.admin, staff[3].cursor))).toEqual([]);
    expect(errorCode(await gql(server.url, FEED, { after: 'not-a-cursor' }, { token: tokens.admin }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(server.url, FEED, { first: 500 }, { token: tokens.admin }))).toBe('BAD_USER_INPUT');
    expect(t.id).toBeTruthy();
  });

  it('replays from a cursor, continues live and resumes with no gap and no duplicate while events are produced', async () => {
    const { tokens } = await tenantWithTokens('resume');
    const key = await issueKey(server.url, tokens.admin, ['events:read']);
    const tickets = [];
    for (let i = 0; i < 4; i++) tickets.push(await createTicket(server.url, i % 2 ? tokens.customer2 : tokens.customer1));
    const start = (await readFeed(key.secret))[1].cursor; // resume after the second event

    let producing = true;
    const producer = (async () => {
      for (let round = 0; round < 12; round++) {
        const ticket = tickets[round % tickets.length];
        await mutate(server.url, tokens.admin, UPDATE, { id: ticket.id, input: { title: `Round ${round} of ${ticket.id.slice(-4)}` } });
        // Internal notes are produced too: the key must never see them, and they must not look like gaps.
        if (round % 3 === 0) await post(server.url, tokens.agent1, ticket.id, `note ${round}`, true);
        else await post(server.url, tokens.agent1, ticket.id, `reply ${round}`);
      }
      await mutate(server.url, tokens.admin, STATUS, { id: tickets[0].id, status: 'IN_PROGRESS' });
      producing = false;
    })();

    const received: FeedEvent[] = [];
    // First connection: take a few events, then drop the socket mid-stream.
    const first = connectWs(server.url, key.secret).subscribe<FeedEvent>(RESUME, { after: start });
    received.push(...(await first.take(6, 10_000)));
    await first.unsubscribe();
    // A second subscriber with the very same cursor gets its own replay (never a shared group).
    const twin = connectWs(server.url, key.secret).subscribe<FeedEvent>(RESUME, { after: start });
    // Resume from the last event received.
    const second = connectWs(server.url, key.secret).subscribe<FeedEvent>(RESUME, { after: received.at(-1)!.cursor });
    await producer;
    expect(producing).toBe(false);

    const expected = await readFeed(key.secret, start);
    const lastSeq = expected.at(-1)!.seq;
    await second.waitFor((e) => e.seq === lastSeq, 15_000);
    received.push(...second.events);
    await second.expectNothing(300);
    expect(received.map((e) => e.seq)).toEqual(expected.map((e) => e.seq));
    expect(new Set(received.map((e) => e.seq)).size).toBe(received.length);

    await twin.waitFor((e) => e.seq === lastSeq, 15_000);
    expect(twin.events.map((e) => e.seq)).toEqual(expected.map((e) => e.seq));

    // Live after the replay: a new event arrives once on each stream.
    const live = await createTicket(server.url, tokens.customer1);
    const next = await second.nextEvent(5000);
    expect(next).toMatchObject({ type: 'TICKET_CREATED', ticketId: live.id, seq: lastSeq + 1 });
    expect((await twin.waitFor((e) => e.seq === lastSeq + 1)).ticketId).toBe(live.id);
  });

  it('replays only a customer’s own public events', async () => {
    const { tokens } = await tenantWithTokens('resume-customer');
    const mine = await createTicket(server.url, tokens.customer1);
    await post(server.url, tokens.agent1, mine.id, 'hidden', true);
    await createTicket(server.url, tokens.customer2);
    await post(server.url, tokens.agent1, mine.id, 'visible');
    const [created] = await readFeed(tokens.customer1);
    expect(created).toMatchObject({ seq: 1, type: 'TICKET_CREATED', ticketId: mine.id });
    const sub = connectWs(server.url, tokens.customer1).subscribe<FeedEvent>(RESUME, { after: created.cursor });
    // seq 2 is an internal note and seq 3 another customer's ticket: neither is replayed.
    expect((await sub.nextEvent(5000))).toMatchObject({ seq: 4, type: 'MESSAGE_POSTED', ticketId: mine.id });
    await sub.expectNothing(300);
  });
});
