import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, tokenFor, type TestTenant } from '../../../test/tenants.js';

const ME = '{ me { role tenant { id } } }';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe.each(await testDatabases())('HTTP surface on %s', (db) => {
  let server: TestServer;
  let tenant: TestTenant;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer(db);
    tenant = await createTestTenant(server.app, 'http');
    token = await tokenFor(server.url, tenant.agent1);
  });
  afterAll(() => server?.stop());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });
  const getGraphQL = (query: string, headers: Record<string, string> = {}) =>
    get(`/graphql?query=${encodeURIComponent(query)}`, { authorization: `Bearer ${token}`, ...headers });

  it('answers liveness and readiness', async () => {
    const health = await get('/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await get('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ database: 'ok' });
  });

  it('puts an X-Request-ID on every response', async () => {
    const responses = [
      await get('/healthz'),
      await get('/readyz'),
      await get('/no-such-route'),
      await getGraphQL(ME, { 'apollo-require-preflight': 'true' }),
    ];
    const posts = [
      await gql(server.url, ME, {}, { token }),
      await gql(server.url, ME),
      await gql(server.url, ME, {}, { token: 'not.a.token' }),
    ];
    const ids = [...responses.map((r) => r.headers.get('x-request-id')), ...posts.map((r) => r.headers.get('x-request-id'))];
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('echoes a valid caller-supplied X-Request-ID, in the header and in every error', async () => {
    const requestId = `trace-${db}-0123456789`;
    const health = await get('/healthz', { 'x-request-id': requestId });
    expect(health.headers.get('x-request-id')).toBe(requestId);

    const anonymous = await gql(server.url, ME, {}, { headers: { 'x-request-id': requestId } });
    expect(anonymous.headers.get('x-request-id')).toBe(requestId);
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
    expect(anonymous.errors!.map((e) => e.extensions?.requestId)).toEqual([requestId]);

    const forbidden = await gql(server.url, '{ users(first: 500) { totalCount } }', {}, { token, headers: { 'x-request-id': requestId } });
    expect(errorCode(forbidden)).toBe('FORBIDDEN');
    expect(forbidden.errors![0].extensions?.requestId).toBe(requestId);

    const unparsable = await gql(server.url, '{ me {', {}, { token, headers: { 'x-request-id': requestId } });
    expect(unparsable.errors![0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(unparsable.errors![0].extensions?.requestId).toBe(requestId);

    // Rejected before GraphQL runs (bad credential): still tagged.
    const badToken = await gql(server.url, ME, {}, { token: 'garbage.garbage.garbage', headers: { 'x-request-id': requestId } });
    expect(badToken.status).toBe(401);
    expect(badToken.headers.get('x-request-id')).toBe(requestId);
    expect(badToken.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', requestId });
  });

  it('replaces a malformed X-Request-ID with its own', async () => {
    for (const bad of ['short', 'has spaces in it', 'x'.repeat(129), 'new\u00e9line-abcdef']) {
      const response = await get('/healthz', { 'x-request-id': bad });
      expect(response.headers.get('x-request-id'), bad).toMatch(UUID);
    }
  });

  it('serves queries over GET with the preflight header, and refuses what is unsafe', async () => {
    const ok = await getGraphQL(ME, { 'apollo-require-preflight': 'true' });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { data: { me: { role: string; tenant: { id: string } } } };
    expect(body.data.me).toEqual({ role: 'AGENT', tenant: { id: tenant.id } });

    // A "simple" GET without a preflight-forcing header is CSRF-blocked.
    const simple = await getGraphQL(ME);
    expect(simple.status).toBe(400);
    expect(await simple.text()).not.toContain(tenant.id);

    // Mutations are never executed over GET.
    const mutation = await getGraphQL('mutation { logout }', { 'apollo-require-preflight': 'true' });
    expect(mutation.status).toBe(405);

    const anonymous = await get(`/graphql?query=${encodeURIComponent(ME)}`, { 'apollo-require-preflight': 'true' });
    const anonymousBody = (await anonymous.json()) as { data: unknown; errors: Array<{ extensions: { code: string } }> };
    expect(anonymousBody.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(anonymousBody.data).toBeNull();
  });

  it('masks unexpected internal errors', async () => {
    // A missing table makes the ORM throw a raw driver error inside the resolver.
    const em = server.app.orm.em.fork();
    await em.getConnection().execute('alter table memberships rename to memberships_hidden');
    let result: Awaited<ReturnType<typeof gql>>;
    try {
      result = await gql(server.url, ME, {}, { token, headers: { 'x-request-id': `masked-${db}-1234` } });
    } finally {
      await em.getConnection().execute('alter table memberships_hidden rename to memberships');
    }
    expect(result.data).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({
      message: 'Internal server error',
      path: ['me'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: `masked-${db}-1234` },
    });
    expect(Object.keys(result.errors![0].extensions!).sort()).toEqual(['code', 'requestId']);
    expect(JSON.stringify(result.errors)).not.toMatch(/memberships|select|table|stack|\.ts:/i);
    // And the server keeps working once the table is back.
    expect(errorCode(await gql(server.url, ME, {}, { token }))).toBeUndefined();
  });

  it('reports not ready while the database is unreachable, and recovers', async () => {
    await server.app.orm.close(true);
    try {
      const down = await get('/readyz');
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
      expect((await get('/healthz')).status).toBe(200);
    } finally {
      await server.app.orm.connect();
    }
    expect((await get('/readyz')).status).toBe(200);
  });
});
