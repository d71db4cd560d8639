import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql, gqlOk } from '../../../test/graphql.js';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../../../test/server.js';
import { createTestTenant, login, LOGIN, TEST_PASSWORD, type TestTenant } from '../../../test/tenants.js';

const REFRESH = `mutation R($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken role user { id email name role } tenant { slug } } }`;
const ME = `{ me { user { id email } tenant { id slug } role memberships { tenant { slug } role } } }`;

describe.each(await testDatabases())('auth on %s', (db) => {
  let server: TestServer;
  let acme: TestTenant;
  let other: TestTenant;

  beforeAll(async () => {
    server = await startTestServer(db);
    acme = await createTestTenant(server.app, 'acme');
    other = await createTestTenant(server.app, 'other');
  });
  afterAll(() => server?.stop());

  it('logs in and answers me with the tenant and role of the token', async () => {
    const session = await login(server.url, acme.agent1.email);
    const data = await gqlOk(server.url, ME, {}, { token: session.accessToken });
    expect(data.me.user.email).toBe(acme.agent1.email);
    expect(data.me.tenant.slug).toBe(acme.slug);
    expect(data.me.role).toBe('AGENT');
    const claims = jwt.verify(session.accessToken, TEST_JWT_SECRET, { algorithms: ['HS256'] }) as jwt.JwtPayload;
    expect(claims).toMatchObject({ sub: acme.agent1.id, tid: acme.id, role: 'AGENT' });
    expect(claims.jti).toBeTruthy();
    expect(claims.exp! - claims.iat!).toBe(900);
  });

  it('gives a wrong password and an unknown email the same error', async () => {
    const wrong = await gql(server.url, LOGIN, { input: { email: acme.agent2.email, password: 'nope-nope-nope' } });
    const unknown = await gql(server.url, LOGIN, { input: { email: 'nobody@nowhere.test', password: 'nope-nope-nope' } });
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(errorCode(unknown)).toBe('UNAUTHENTICATED');
    expect(wrong.errors![0].message).toBe(unknown.errors![0].message);
  });

  it('rotates refresh tokens, and reuse revokes the whole family', async () => {
    const first = await login(server.url, acme.customer1.email);
    const second = (await gqlOk(server.url, REFRESH, { t: first.refreshToken })).refreshSession;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.role).toBe('CUSTOMER');
    expect(second.user).toMatchObject({ id: acme.customer1.id, email: acme.customer1.email, role: 'CUSTOMER' });
    const third = (await gqlOk(server.url, REFRESH, { t: second.refreshToken })).refreshSession;

    // Replaying an already-used token is treated as theft: the family dies.
    const replay = await gql(server.url, REFRESH, { t: first.refreshToken });
    expect(errorCode(replay)).toBe('UNAUTHENTICATED');
    const afterRevocation = await gql(server.url, REFRESH, { t: third.refreshToken });
    expect(errorCode(afterRevocation)).toBe('UNAUTHENTICATED');

    // Another session of the same user is untouched.
    const other = await login(server.url, acme.customer1.email);
    expect((await gqlOk(server.url, REFRESH, { t: other.refreshToken })).refreshSession.accessToken).toBeTruthy();
  });

  it('logout revokes the family', async () => {
    const session = await login(server.url, acme.customer2.email);
    const out = await gqlOk(server.url, `mutation L($t: String) { logout(refreshToken: $t) }`, { t: session.refreshToken }, { token: session.accessToken });
    expect(out.logout).toBe(true);
    expect(errorCode(await gql(server.url, REFRESH, { t: session.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('rejects expired, tampered and wrongly signed access tokens', async () => {
    const session = await login(server.url, acme.agent1.email);
    const [h, p, s] = session.accessToken.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...payload, role: 'ADMIN' })).toString('base64url')}.${s}`;
    const expired = jwt.sign({ sub: acme.agent1.id, tid: acme.id, role: 'AGENT', jti: 'x' }, TEST_JWT_SECRET, {
      algorithm: 'HS256',
      issuer: 'sociodesk',
      expiresIn: -10,
    });
    const otherSecret = jwt.sign({ sub: acme.admin.id, tid: acme.id, role: 'ADMIN', jti: 'y' }, 'another-secret-of-sufficient-length!!', {
      algorithm: 'HS256',
      issuer: 'sociodesk',
    });
    const noneAlg = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...payload, role: 'ADMIN' })).toString('base64url')}.`;
    for (const token of [tampered, expired, otherSecret, noneAlg]) {
      const result = await gql(server.url, ME, {}, { token });
      expect(result.status).toBe(401);
      expect(errorCode(result)).toBe('UNAUTHENTICATED');
      expect(result.data).toBeNull();
    }
    const expiredResult = await gql(server.url, ME, {}, { token: expired });
    expect(expiredResult.errors![0].message).toMatch(/expired/i);
  });

  it('answers FORBIDDEN when X-Tenant-ID disagrees with the token', async () => {
    const token = (await login(server.url, acme.admin.email)).accessToken;
    const mismatch = await gql(server.url, ME, {}, { token, headers: { 'x-tenant-id': other.id } });
    expect(mismatch.status).toBe(403);
    expect(errorCode(mismatch)).toBe('FORBIDDEN');
    const match = await gql(server.url, ME, {}, { token, headers: { 'x-tenant-id': acme.id } });
    expect(match.data?.me.tenant.id).toBe(acme.id);
  });

  it('returns per-field validation errors', async () => {
    const result = await gql(server.url, LOGIN, { input: { email: 'not-an-email', password: '' } });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    const fields = result.errors![0].extensions!.fields!;
    expect(fields.email).toEqual(['must be a valid email address']);
    expect(fields.password).toEqual(['is required']);
    expect(result.errors![0].extensions!.requestId).toBeTruthy();
    expect(JSON.stringify(result.errors)).not.toMatch(/stack|at .*\.ts/);
  });

  it('throttles repeated failures per email', async () => {
    const target = (await createTestTenant(server.app, 'throttle')).agent1;
    for (let i = 0; i < 5; i++) {
      expect(errorCode(await gql(server.url, LOGIN, { input: { email: target.email, password: 'bad-password-x' } }))).toBe('UNAUTHENTICATED');
    }
    const limited = await gql(server.url, LOGIN, { input: { email: target.email, password: TEST_PASSWORD } });
    expect(errorCode(limited)).toBe('RATE_LIMITED');
    expect(limited.errors![0].extensions!.retryAfter).toBeGreaterThan(0);
  });

  it('requires a tenant choice for users with several memberships, and switches tenants', async () => {
    const admin = await login(server.url, other.admin.email);
    await gqlOk(
      server.url,
      `mutation C($i: CreateUserInput!) { createUser(input: $i) { user { id } temporaryPassword } }`,
      { i: { email: acme.agent2.email, name: 'Shared agent', role: 'AGENT' } },
      { token: admin.accessToken },
    );
    const ambiguous = await gql(server.url, LOGIN, { input: { email: acme.agent2.email, password: TEST_PASSWORD } });
    expect(errorCode(ambiguous)).toBe('BAD_USER_INPUT');
    expect((ambiguous.errors![0].extensions!.tenants as Array<{ slug: string }>).map((t) => t.slug).sort()).toEqual([acme.slug, other.slug].sort());

    const inAcme = await login(server.url, acme.agent2.email, acme.slug);
    const switched = await gqlOk(
      server.url,
      `mutation S($s: String!) { switchTenant(tenantSlug: $s) { accessToken tenant { slug } role } }`,
      { s: other.slug },
      { token: inAcme.accessToken },
    );
    expect(switched.switchTenant.tenant.slug).toBe(other.slug);
    const me = await gqlOk(server.url, ME, {}, { token: switched.switchTenant.accessToken });
    expect(me.me.tenant.id).toBe(other.id);
    expect(me.me.memberships).toHaveLength(2);

    const notMember = await gql(server.url, `mutation S($s: String!) { switchTenant(tenantSlug: $s) { accessToken } }`, { s: 'nope' }, { token: inAcme.accessToken });
    expect(errorCode(notMember)).toBe('BAD_USER_INPUT');
  });
});
