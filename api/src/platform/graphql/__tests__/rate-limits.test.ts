import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, tokenFor, type TestTenant } from '../../../test/tenants.js';
import { connectWs, disposeAllWs } from '../../../test/ws.js';
import { createTicket } from '../../../modules/ticket/__tests__/ticket.fixture.js';

const LIMITS = {
  RATE_LIMIT_MAX_POINTS: '100',
  RATE_LIMIT_RESTORE_RATE: '20',
  QUERY_MAX_COST: '80',
  QUERY_MAX_DEPTH: '6',
  QUERY_MAX_ALIASES: '5',
};
const ME = '{ me { user { id } } }';
/** How many 10-point queries a full bucket (100) restored at 20 points a second can have served since `started`. */
const mostServable = (started: number) => Math.floor((100 + (20 * (Date.now() - started)) / 1000) / 10);
// Five aliases of a cost-2 field: 10 points, all of them used (nothing refunded).
const TEN_POINTS = `{ a: me { user { id } } b: me { user { id } } c: me { user { id } } d: me { user { id } } e: me { user { id } } }`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(await testDatabases())('query cost and rate limits on %s', (db) => {
  let server: TestServer;
  let t: TestTenant;

  beforeAll(async () => {
    server = await startTestServer(db, LIMITS);
    t = await createTestTenant(server.app, 'cost');
  });
  afterAll(async () => {
    await disposeAllWs();
    await server?.stop();
  });

  it('reports the cost and the bucket on every response, in extensions and headers', async () => {
    const token = await tokenFor(server.url, t.agent1);
    const result = await gql(server.url, ME, {}, { token });
    expect(result.extensions!.cost).toEqual({
      requestedQueryCost: 2,
      actualQueryCost: 2,
      throttleStatus: { maximumAvailable: 100, currentlyAvailable: expect.any(Number), restoreRate: 20 },
    });
    expect(result.extensions!.cost.throttleStatus.currentlyAvailable).toBeGreaterThanOrEqual(97);
    expect(result.headers.get('x-ratelimit-limit')).toBe('100');
    expect(Number(result.headers.get('x-ratelimit-remaining'))).toBe(result.extensions!.cost.throttleStatus.currentlyAvailable);
    const reset = Number(result.headers.get('x-ratelimit-reset'));
    expect(reset).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));
    expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 6);
    // Also on a request that never got to execute.
    const broken = await gql(server.url, '{ me { ', {}, { token });
    expect(broken.extensions!.cost).toMatchObject({ requestedQueryCost: 0, actualQueryCost: 0, throttleStatus: { maximumAvailable: 100 } });
    expect(broken.headers.get('x-ratelimit-limit')).toBe('100');
  });

  it('charges a page by the size asked for and refunds what was not returned', async () => {
    const customer = await tokenFor(server.url, t.customer1);
    await createTicket(server.url, customer);
    await createTicket(server.url, customer);
    const token = await tokenFor(server.url, t.admin);
    const result = await gql(server.url, `{ tickets(first: 10) { edges { node { id customer { id } } } } }`, {}, { token });
    expect(result.data!.tickets.edges).toHaveLength(2);
    // tickets 1 + edges 1 + node 1 + customer 1 = 4 per requested item.
    expect(result.extensions!.cost).toMatchObject({ requestedQueryCost: 40, actualQueryCost: 7 });
    expect(result.extensions!.cost.throttleStatus.currentlyAvailable).toBeGreaterThanOrEqual(90);
  });

  it('refuses an operation over the cost, depth or alias limit before running it (no SQL)', async () => {
    const token = await tokenFor(server.url, t.admin);
    const costly = await gql(server.url, `{ tickets(first: 100) { edges { node { id customer { id } } } } }`, {}, { token });
    expect(costly.status).toBe(400);
    expect(costly.errors![0]).toMatchObject({
      message: 'Query cost 400 exceeds the maximum of 80',
      extensions: { code: 'BAD_USER_INPUT', cost: { requestedQueryCost: 400, maximumCost: 80 } },
    });
    expect(costly.extensions!.sqlStatements).toBe(0);
    expect(costly.data).toBeNull();

    const deep = await gql(server.url, `{ tickets(first: 1) { edges { node { messages(first: 1) { edges { node { author { id } } } } } } } }`, {}, { token });
    expect(deep.errors![0]).toMatchObject({ message: 'Query depth 8 exceeds the maximum of 6', extensions: { code: 'BAD_USER_INPUT' } });
    expect(deep.extensions!.sqlStatements).toBe(0);

    const aliased = await gql(server.url, `{ a: me { role } b: me { role } c: me { role } d: me { role } e: me { role } f: me { role } }`, {}, { token });
    expect(aliased.errors![0]).toMatchObject({ message: 'Query uses 6 aliases; the maximum is 5', extensions: { code: 'BAD_USER_INPUT' } });
    expect(aliased.extensions!.sqlStatements).toBe(0);

    const batch = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify([{ query: ME }, { query: ME }]),
    });
    expect(batch.status).toBe(400);
  });

  it('holds WebSocket subscriptions to the same depth and alias limits', async () => {
    const conn = connectWs(server.url, await tokenFor(server.url, t.agent1));
    const aliased = conn.subscribe('subscription { ticketEvents { a: seq b: seq c: seq d: seq e: seq f: seq } }');
    expect(await aliased.failed()).toMatchObject([{ message: 'Query uses 6 aliases; the maximum is 5', extensions: { code: 'BAD_USER_INPUT' } }]);
    const deep = conn.subscribe('subscription { ticketEvents { ticket { messages { edges { node { attachments { url } } } } } } }');
    expect(await deep.failed()).toMatchObject([{ message: 'Query depth 7 exceeds the maximum of 6', extensions: { code: 'BAD_USER_INPUT' } }]);
    await disposeAllWs();
  });

  it('throttles a principal whose bucket is empty with RATE_LIMITED, 429 and Retry-After, then refills it', async () => {
    const token = await tokenFor(server.url, t.agent2);
    const available: number[] = [];
    let throttled;
    const started = Date.now();
    for (let i = 0; i < 60 && !throttled; i++) {
      const result = await gql(server.url, TEN_POINTS, {}, { token });
      if (result.errors) throttled = result;
      else available.push(result.extensions!.cost.throttleStatus.currentlyAvailable);
    }
    expect(available.length).toBeGreaterThanOrEqual(9);
    // 100 points to start with, 20 more each second the loop ran: never more than that was served.
    expect(available.length).toBeLessThanOrEqual(mostServable(started));
    expect(available[0]).toBeGreaterThan(available.at(-1)!);
    expect(throttled!.status).toBe(429);
    expect(throttled!.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 1 });
    expect(throttled!.headers.get('retry-after')).toBe('1');
    expect(throttled!.extensions!.cost).toMatchObject({ requestedQueryCost: 10, actualQueryCost: 0 });
    expect(throttled!.extensions!.cost.throttleStatus.currentlyAvailable).toBeLessThan(10);
    expect(throttled!.extensions!.sqlStatements).toBe(0);
    // Other principals have buckets of their own.
    expect(errorCode(await gql(server.url, TEN_POINTS, {}, { token: await tokenFor(server.url, t.customer2) }))).toBeUndefined();
    // The bucket refills at the restore rate: after the advised wait the query fits again.
    await sleep(1000);
    const after = await gql(server.url, TEN_POINTS, {}, { token });
    expect(after.errors).toBeUndefined();
    await sleep(5000);
    expect((await gql(server.url, ME, {}, { token })).extensions!.cost.throttleStatus.currentlyAvailable).toBeGreaterThanOrEqual(97);
  });

  it('limits anonymous requests by client address', async () => {
    const result = await gql(server.url, `mutation { refreshSession(refreshToken: "nope") { accessToken } }`);
    expect(result.extensions!.cost).toMatchObject({ requestedQueryCost: 11, throttleStatus: { maximumAvailable: 100 } });
  });

  it.runIf(db === 'mariadb')('shares each bucket between instances through Redis', async () => {
    const second = await startTestServer(db, { ...LIMITS, DATABASE_URL: server.env.DATABASE_URL, REDIS_PREFIX: server.env.REDIS_PREFIX });
    try {
      const token = await tokenFor(server.url, (await createTestTenant(server.app, 'cost-shared')).admin);
      let served = 0;
      const started = Date.now();
      for (let i = 0; i < 60; i++) {
        const result = await gql(i % 2 ? second.url : server.url, TEN_POINTS, {}, { token });
        if (result.errors) break;
        served++;
      }
      expect(served).toBeGreaterThanOrEqual(9);
      // One bucket for both instances: two buckets would have served about twice as many.
      expect(served).toBeLessThanOrEqual(mostServable(started));
      // Both instances now see the same, nearly empty bucket.
      for (const url of [server.url, second.url]) {
        const result = await gql(url, TEN_POINTS, {}, { token });
        expect(errorCode(result), url).toBe('RATE_LIMITED');
      }
    } finally {
      await second.stop();
    }
  });
});
