import { getIntrospectionQuery } from 'graphql';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, tokenFor, type TestTenant } from '../../../test/tenants.js';
import { connectedWs, disposeAllWs, type WsConnection } from '../../../test/ws.js';

/**
 * Limits a hostile client must not get around: introspection priced and limited like any
 * field, the same cost and bucket over the WebSocket, no free requests on error, and
 * WebSocket frames and documents bounded like HTTP ones.
 */
const LIMITS = {
  RATE_LIMIT_MAX_POINTS: '200',
  // Slow refill: what a test takes stays taken while it looks.
  RATE_LIMIT_RESTORE_RATE: '1',
  QUERY_MAX_COST: '80',
  QUERY_MAX_DEPTH: '6',
  QUERY_MAX_ALIASES: '5',
  QUERY_MAX_DIRECTIVES: '2',
  QUERY_MAX_TOKENS: '300',
};
const TEN_POINTS = `{ a: me { user { id } } b: me { user { id } } c: me { user { id } } d: me { user { id } } e: me { user { id } } }`;

/** Runs one query or mutation over an open graphql-ws connection and resolves with its result. */
function wsRun(conn: WsConnection, query: string, variables: Record<string, unknown> = {}) {
  return new Promise<{ data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> }>((resolve) => {
    let result: { data?: any; errors?: any[] } = {};
    conn.client.subscribe(
      { query, variables },
      {
        next: (r) => (result = r as typeof result),
        error: (e) => resolve({ errors: Array.isArray(e) ? e : [{ message: String(e), extensions: { code: 'SOCKET_CLOSED' } }] }),
        complete: () => resolve(result),
      },
    );
  });
}

describe.each(await testDatabases())('hostile use of limits on %s', (db) => {
  let server: TestServer;
  let t: TestTenant;

  beforeAll(async () => {
    server = await startTestServer(db, LIMITS);
    t = await createTestTenant(server.app, 'limits');
    await createTestTenant(server.app, 'limits-other');
  });
  afterAll(async () => {
    await disposeAllWs();
    await server?.stop();
  });

  describe('defect 4: introspection is priced and limited like any field', () => {
    it('charges introspection and counts its aliases, depth and directives', async () => {
      const token = await tokenFor(server.url, t.agent1);
      const priced = await gql(server.url, '{ __schema { types { name } } }', {}, { token });
      expect(priced.errors).toBeUndefined();
      expect(priced.extensions!.cost.requestedQueryCost).toBeGreaterThanOrEqual(2);
      expect(priced.extensions!.cost.actualQueryCost).toBeGreaterThanOrEqual(2);

      const aliased = await gql(server.url, `{ ${Array.from({ length: 6 }, (_, i) => `a${i}: __schema { queryType { name } }`).join(' ')} }`, {}, { token });
      expect(aliased.status).toBe(400);
      expect(aliased.errors![0]).toMatchObject({ message: 'Query uses 6 aliases; the maximum is 5', extensions: { code: 'BAD_USER_INPUT' } });
      expect(aliased.extensions!.sqlStatements).toBe(0);

      const deep = await gql(server.url, '{ __schema { types { fields { type { ofType { ofType { name } } } } } } }', {}, { token });
      expect(deep.errors![0]).toMatchObject({ message: 'Query depth 7 exceeds the maximum of 6', extensions: { code: 'BAD_USER_INPUT' } });

      const directives = await gql(server.url, '{ me { role @skip(if: false) mustChangePassword @skip(if: false) user @include(if: true) { id } } }', {}, { token });
      expect(directives.errors![0]).toMatchObject({ message: 'Query uses 3 directives; the maximum is 2', extensions: { code: 'BAD_USER_INPUT' } });

      // The full introspection query of GraphiQL is fine under the default limits (see below), not under these.
      const full = await gql(server.url, getIntrospectionQuery(), {}, { token });
      expect(errorCode(full)).toBe('BAD_USER_INPUT');
    });

    it('bounds parser tokens with a clean parse error', async () => {
      const token = await tokenFor(server.url, t.agent1);
      const many = `{ me { ${'role '.repeat(400)} } }`;
      const result = await gql(server.url, many, {}, { token });
      expect(errorCode(result)).toBe('GRAPHQL_PARSE_FAILED');
      expect(result.errors![0].message).toMatch(/token/i);
      expect(result.status).toBeLessThan(500);
    });
  });

  describe('defect 5: WebSocket queries and mutations pay like HTTP ones', () => {
    it('refuses a document over the cost limit over the socket too', async () => {
      const conn = await connectedWs(server.url, await tokenFor(server.url, t.admin));
      const costly = await wsRun(conn, '{ tickets(first: 100) { edges { node { id customer { id } } } } }');
      expect(costly.errors![0]).toMatchObject({ message: 'Query cost 400 exceeds the maximum of 80', extensions: { code: 'BAD_USER_INPUT' } });
      const mutation = await wsRun(conn, 'mutation { a: logout b: logout c: logout d: logout e: logout f: logout }');
      expect(mutation.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    });

    it('draws socket operations from the same bucket as HTTP, down to RATE_LIMITED', async () => {
      const token = await tokenFor(server.url, t.agent2);
      const conn = await connectedWs(server.url, token);
      const before = (await gql(server.url, '{ me { role } }', {}, { token })).extensions!.cost.throttleStatus.currentlyAvailable;
      for (let i = 0; i < 5; i++) expect((await wsRun(conn, TEN_POINTS)).errors).toBeUndefined();
      const after = (await gql(server.url, '{ me { role } }', {}, { token })).extensions!.cost.throttleStatus.currentlyAvailable;
      // 50 points went over the socket (a few come back at one point per second).
      expect(before - after).toBeGreaterThanOrEqual(40);
      let limited;
      for (let i = 0; i < 30 && !limited; i++) {
        const result = await wsRun(conn, TEN_POINTS);
        if (result.errors) limited = result;
      }
      expect(limited!.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
      expect(errorCode(await gql(server.url, TEN_POINTS, {}, { token }))).toBe('RATE_LIMITED');
    });
  });

  describe('defect 6: an error does not make a request free', () => {
    it('charges what ran when a failing non-null root field nulls data', async () => {
      const token = await tokenFor(server.url, t.customer1);
      const result = await gql(server.url, '{ me { user { id } } b: me { user { id } } ticket(id: "01000000-0000-7000-8000-000000000000") { id } }', {}, { token });
      expect(result.data).toBeNull();
      expect(errorCode(result)).toBe('NOT_FOUND');
      const cost = result.extensions!.cost;
      expect(cost.requestedQueryCost).toBe(5);
      expect(cost.actualQueryCost).toBe(5);
      expect(result.extensions!.sqlStatements).toBeGreaterThan(0);
    });
  });

  describe('defect 11: WebSocket frames and documents are bounded, errors keep their codes', () => {
    it('closes a socket that sends a frame over the body limit, before parsing it', async () => {
      const socket = new WebSocket(`${server.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
      await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
      const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
      socket.send(JSON.stringify({ type: 'connection_init', payload: { pad: 'x'.repeat(2 * 1024 * 1024) } }));
      expect(await closed).toBe(1009);
    });

    it('answers parse, validation, token, operation and variable errors with their GraphQL codes', async () => {
      const conn = await connectedWs(server.url, await tokenFor(server.url, t.agent1));
      const cases: Array<[string, Record<string, unknown>, string]> = [
        ['{ me { ', {}, 'GRAPHQL_PARSE_FAILED'],
        [`{ me { ${'role '.repeat(400)} } }`, {}, 'GRAPHQL_PARSE_FAILED'],
        ['{ nope }', {}, 'GRAPHQL_VALIDATION_FAILED'],
        ['query A { me { role } } query B { me { role } }', {}, 'OPERATION_RESOLUTION_FAILURE'],
        ['query($a: ID!) { ticket(id: $a) { id } }', { a: true }, 'BAD_USER_INPUT'],
        ['query($a: ID!) { ticket(id: $a) { id } }', { a: 'x\u0000y' }, 'BAD_USER_INPUT'],
        ['subscription { ticketEvents { a: seq b: seq c: seq d: seq e: seq f: seq } }', {}, 'BAD_USER_INPUT'],
      ];
      for (const [query, variables, code] of cases) {
        const result = await wsRun(conn, query, variables);
        expect(result.errors?.[0]?.extensions?.code, query.slice(0, 60)).toBe(code);
      }
      // The connection survived all of them.
      expect((await wsRun(conn, '{ me { role } }')).data).toEqual({ me: { role: 'AGENT' } });
    });
  });
});

describe('introspection access', () => {
  let open: TestServer;
  let closed: TestServer;
  let t: TestTenant;

  beforeAll(async () => {
    open = await startTestServer('sqlite');
    closed = await startTestServer('sqlite', { INTROSPECTION: 'signed-in' });
    t = await createTestTenant(closed.app, 'introspect');
  });
  afterAll(async () => {
    await open?.stop();
    await closed?.stop();
  });

  it('serves GraphiQL\'s full introspection query under the default limits', async () => {
    const result = await gql(open.url, getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true }));
    expect(result.errors).toBeUndefined();
    expect(result.data!.__schema.queryType.name).toBe('Query');
    expect(result.extensions!.cost.requestedQueryCost).toBeGreaterThan(0);
  });

  it('refuses anonymous introspection when configured, and hides field suggestions with it', async () => {
    const anonymous = await gql(closed.url, '{ __schema { queryType { name } } }');
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
    expect(anonymous.data ?? null).toBeNull();
    const typeProbe = await gql(closed.url, '{ __type(name: "Ticket") { fields { name } } }');
    expect(errorCode(typeProbe)).toBe('UNAUTHENTICATED');
    const suggestion = await gql(closed.url, '{ ticke { id } }');
    expect(suggestion.errors![0].message).toMatch(/Cannot query field "ticke"/);
    expect(suggestion.errors![0].message).not.toMatch(/Did you mean/);

    const token = await tokenFor(closed.url, t.agent1);
    const signedIn = await gql(closed.url, '{ __schema { queryType { name } } }', {}, { token });
    expect(signedIn.data!.__schema.queryType.name).toBe('Query');
    const hinted = await gql(closed.url, '{ ticke { id } }', {}, { token });
    expect(hinted.errors![0].message).toMatch(/Did you mean "ticket"/);
    // Public mode (the development default) suggests to anyone.
    expect((await gql(open.url, '{ ticke { id } }')).errors![0].message).toMatch(/Did you mean/);
    // __typename is not introspection of the schema.
    expect(errorCode(await gql(closed.url, '{ __typename }'))).toBeUndefined();
  });
});
