import { request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, tokenFor, type TestTenant } from '../../../test/tenants.js';
import { createTicket } from '../../../modules/ticket/__tests__/ticket.fixture.js';

/**
 * A hostile client at the HTTP edge: wrong-typed variables, NUL bytes and lone surrogates,
 * broken bodies and URLs, and the GraphQL-over-HTTP status codes for both media types.
 */

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** A raw HTTP request (fetch refuses malformed URLs and rewrites bodies). */
function raw(url: string, method: string, path: string, headers: Record<string, string>, body?: Buffer | string): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c)).on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Every edge error: JSON, the uniform error shape, a request id, and nothing internal. */
function expectCleanError(res: RawResponse, status: number, code: string) {
  expect(res.status, res.text).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/json/);
  const body = JSON.parse(res.text) as { errors: Array<{ message: string; extensions: { code: string; requestId: string } }> };
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0].extensions.code).toBe(code);
  expect(body.errors[0].extensions.requestId).toBe(res.headers['x-request-id']);
  expect(res.text).not.toMatch(/<html|<pre|\bat [\w.<>]+ \(|node_modules|\/src\/|\.ts:\d/i);
}

describe.each(await testDatabases())('hostile input at the HTTP edge on %s', (db) => {
  let server: TestServer;
  let t: TestTenant;
  let token: string;

  beforeAll(async () => {
    // Development is the default NODE_ENV of `npm start`: the edge must be just as clean there.
    server = await startTestServer(db, { NODE_ENV: 'development', SEED_DEMO_DATA: 'false' });
    t = await createTestTenant(server.app, 'edge');
    await createTestTenant(server.app, 'edge-other');
    token = await tokenFor(server.url, t.agent1);
  });
  afterAll(() => server?.stop());

  describe('defect 1: variable coercion failures', () => {
    it('answers BAD_USER_INPUT with HTTP 400 and the coercion message', async () => {
      const wrongType = await gql(server.url, 'query($a: ID!) { ticket(id: $a) { id } }', { a: true }, { token });
      expect(wrongType.status).toBe(400);
      expect(errorCode(wrongType)).toBe('BAD_USER_INPUT');
      expect(wrongType.errors![0].message).toMatch(/Variable "\$a" got invalid value true/);

      const emptyInput = await gql(server.url, 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: {} });
      expect(emptyInput.status).toBe(400);
      expect(errorCode(emptyInput)).toBe('BAD_USER_INPUT');
      expect(emptyInput.errors![0].message, emptyInput.errors![0].message).toMatch(/Field "(email|password)" of required type .* was not provided/);

      const badEnum = await gql(server.url, 'query($f: TicketFilter) { tickets(filter: $f) { totalCount } }', { f: { status: ['NOPE'] } }, { token });
      expect(badEnum.status).toBe(400);
      expect(errorCode(badEnum)).toBe('BAD_USER_INPUT');

      const huge = await gql(server.url, 'query($n: Int) { tickets(first: $n) { totalCount } }', { n: 1e20 }, { token });
      expect(huge.status).toBe(400);
      expect(errorCode(huge)).toBe('BAD_USER_INPUT');
    });
  });

  describe('defect 2: NUL bytes and unpaired surrogates', () => {
    it('refuses them in arguments and variables with BAD_USER_INPUT, never INTERNAL', async () => {
      const nulArg = await gql(server.url, '{ ticket(id: "abc\\u0000def") { id } }', {}, { token });
      expect(errorCode(nulArg)).toBe('BAD_USER_INPUT');
      expect(nulArg.status).toBe(400);

      const nulVar = await gql(server.url, 'query($f: TicketFilter) { tickets(filter: $f) { totalCount } }', { f: { text: 'abc\u0000def' } }, { token });
      expect(errorCode(nulVar)).toBe('BAD_USER_INPUT');
      expect(nulVar.errors![0].message).toMatch(/NUL|control|surrogate/i);

      // A lone surrogate survives JSON only as an escape: send the body by hand.
      const body = '{"query":"query($f: TicketFilter) { tickets(filter: $f) { totalCount } }","variables":{"f":{"text":"abc\\ud800def"}}}';
      const lone = await raw(server.url, 'POST', '/graphql', { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body);
      expect(lone.status).toBe(400);
      expect(JSON.parse(lone.text).errors[0].extensions.code).toBe('BAD_USER_INPUT');

      const loginNul = await gql(server.url, 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }', {
        i: { email: 'agent1\u0000@x.test', password: 'whatever-123' },
      });
      expect(errorCode(loginNul)).toBe('BAD_USER_INPUT');
    });

    it('stores and finds text with quotes, backslashes and question marks exactly (values are bound)', async () => {
      const customer = await tokenFor(server.url, t.customer1);
      const title = `O'Brien \\ says "?" ?? -- ; ${db}`;
      const ticket = await createTicket(server.url, customer, { title });
      const found = await gql(server.url, 'query($f: TicketFilter) { tickets(filter: $f) { edges { node { id title } } } }', { f: { text: "O'Brien \\ says" } }, { token });
      expect(found.errors).toBeUndefined();
      expect(found.data!.tickets.edges).toEqual([{ node: { id: ticket.id, title } }]);
    });
  });

  describe('defect 3: a final error handler', () => {
    it('answers a truncated JSON body with a JSON 400', async () => {
      const res = await raw(server.url, 'POST', '/graphql', { 'content-type': 'application/json' }, '{"query": "{ me { id }');
      expectCleanError(res, 400, 'BAD_REQUEST');
    });

    it('answers a body over the limit with a JSON 413', async () => {
      const big = JSON.stringify({ query: '{ me { role } }', variables: { x: 'a'.repeat(1_100_000) } });
      const res = await raw(server.url, 'POST', '/graphql', { 'content-type': 'application/json' }, big);
      expectCleanError(res, 413, 'BAD_REQUEST');
    });

    it('answers a bad gzip body with a JSON 400', async () => {
      const broken = gzipSync(Buffer.from('{"query":"{ me { role } }"}')).subarray(0, 12);
      const res = await raw(server.url, 'POST', '/graphql', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, broken);
      expectCleanError(res, 400, 'BAD_REQUEST');
      const unknown = await raw(server.url, 'POST', '/graphql', { 'content-type': 'application/json', 'content-encoding': 'br-nope' }, '{}');
      expectCleanError(unknown, 415, 'BAD_REQUEST');
    });

    it('answers a malformed URL with a JSON 400', async () => {
      const res = await raw(server.url, 'GET', '/attachments/%E0%A4%A', { authorization: `Bearer ${token}` });
      expectCleanError(res, 400, 'BAD_REQUEST');
    });

    it('answers unknown API routes with a JSON 404', async () => {
      const res = await raw(server.url, 'GET', '/no-such-route', {});
      expectCleanError(res, 404, 'NOT_FOUND');
    });
  });

  describe('defect 15: GraphQL over HTTP status codes', () => {
    const post = (accept: string, body: unknown) =>
      raw(server.url, 'POST', '/graphql', { 'content-type': 'application/json', accept, authorization: `Bearer ${token}` }, JSON.stringify(body));

    it('answers parse and validation failures 200 to application/json clients', async () => {
      for (const query of ['{ me { ', '{ nope }']) {
        const res = await post('application/json', { query });
        expect(res.status, query).toBe(200);
        expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
        const code = JSON.parse(res.text).errors[0].extensions.code;
        expect(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']).toContain(code);
      }
    });

    it('answers them 400 to application/graphql-response+json clients', async () => {
      for (const query of ['{ me { ', '{ nope }']) {
        const res = await post('application/graphql-response+json', { query });
        expect(res.status, query).toBe(400);
        expect(String(res.headers['content-type'])).toMatch(/^application\/graphql-response\+json/);
      }
      const ok = await post('application/graphql-response+json', { query: '{ me { role } }' });
      expect(ok.status).toBe(200);
      expect(JSON.parse(ok.text).data.me.role).toBe('AGENT');
    });

    it('serves queries over GET and refuses mutations over GET with 405, with CSRF prevention on', async () => {
      const get = (query: string, headers: Record<string, string>) =>
        raw(server.url, 'GET', `/graphql?query=${encodeURIComponent(query)}`, { authorization: `Bearer ${token}`, ...headers });
      const ok = await get('{ me { role } }', { 'apollo-require-preflight': 'true', accept: 'application/graphql-response+json' });
      expect(ok.status).toBe(200);
      expect(JSON.parse(ok.text).data.me.role).toBe('AGENT');
      const viaJsonAccept = await get('{ me { role } }', { 'content-type': 'application/json' });
      expect(viaJsonAccept.status).toBe(200);
      const mutation = await get('mutation { logout }', { 'apollo-require-preflight': 'true' });
      expect(mutation.status).toBe(405);
      expect(String(mutation.headers.allow)).toMatch(/POST/);
      const csrf = await get('{ me { role } }', {});
      expect(csrf.status).toBe(400);
      expect(csrf.text).not.toContain('AGENT');
    });
  });
});
