import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql, gqlOk } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { startTestSmtp, tokenFrom, type TestSmtp } from '../../../test/smtp.js';
import { createTestTenant, login, LOGIN, tokenFor, type TestTenant } from '../../../test/tenants.js';
import { connectedWs, connectWs, disposeAllWs } from '../../../test/ws.js';
import { issueKey } from '../../apikey/__tests__/partner.fixture.js';
import { setPlatformOperator } from '../operator.cli.js';

const TENANTS = `query T($s: String) { tenants(search: $s) { id slug name status memberCount suspendedAt } }`;
const CREATE = `mutation C($input: CreateTenantInput!) { createTenant(input: $input) { id slug name status memberCount } }`;
const RENAME = `mutation R($id: ID!, $name: String!) { renameTenant(id: $id, name: $name) { id name } }`;
const SUSPEND = `mutation S($id: ID!) { suspendTenant(id: $id) { id status suspendedAt } }`;
const RESUME = `mutation U($id: ID!) { resumeTenant(id: $id) { id status suspendedAt } }`;
const RESET = `mutation P($token: String!, $pw: String!) { resetPassword(token: $token, newPassword: $pw) }`;
const ME = `{ me { platformOperator tenant { slug } } }`;
const TICKETS = `{ tickets(first: 1) { totalCount } }`;
const EVENTS = `subscription { ticketEvents { type } }`;

describe.each(await testDatabases())('platform operator on %s', (db) => {
  let server: TestServer;
  let smtp: TestSmtp;
  let ops: TestTenant;
  let acme: TestTenant;
  let other: TestTenant;
  let operator: string;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    // The ops tenant's admin is an operator through the environment; its agent1 through the CLI.
    const probe = `ops-admin-${Date.now()}@operators.test`;
    server = await startTestServer(db, { SMTP_URL: smtp.url, MAIL_POLL_MS: '200', PLATFORM_OPERATOR_EMAILS: `someone@else.test, ${probe}` });
    ops = await createTestTenant(server.app, 'ops');
    acme = await createTestTenant(server.app, 'acme');
    other = await createTestTenant(server.app, 'other');
    await server.app.orm.em.fork().getConnection().execute(`update users set email = ? where id = ?`, [probe, ops.admin.id]);
    ops.admin.email = probe;
    operator = await tokenFor(server.url, ops.admin);
  });
  afterAll(async () => {
    await disposeAllWs();
    await server?.stop();
    await smtp?.close();
  });

  it('is an operator by PLATFORM_OPERATOR_EMAILS or by the CLI grant, and nobody else', async () => {
    expect((await gqlOk(server.url, ME, {}, { token: operator })).me.platformOperator).toBe(true);
    const agent = await tokenFor(server.url, ops.agent1);
    expect((await gqlOk(server.url, ME, {}, { token: agent })).me.platformOperator).toBe(false);
    expect(await setPlatformOperator(server.app.orm.em.fork(), ops.agent1.email, true)).toBe(true);
    expect(await setPlatformOperator(server.app.orm.em.fork(), 'missing@nowhere.test', true)).toBe(false);
    const granted = await tokenFor(server.url, ops.agent1);
    expect((await gqlOk(server.url, ME, {}, { token: granted })).me.platformOperator).toBe(true);
    expect((await gqlOk(server.url, TENANTS, { s: acme.slug }, { token: granted })).tenants).toHaveLength(1);
    await setPlatformOperator(server.app.orm.em.fork(), ops.agent1.email, false);
  });

  it('refuses every operator field to tenant admins, API keys and anonymous callers', async () => {
    const admin = await tokenFor(server.url, acme.admin);
    const key = await issueKey(server.url, admin, ['tickets:read']);
    for (const [query, variables] of [
      [TENANTS, {}],
      [CREATE, { input: { name: 'Nope', slug: 'nope-x', adminEmail: 'n@nope.test', adminName: 'N' } }],
      [RENAME, { id: other.id, name: 'Hijacked' }],
      [SUSPEND, { id: other.id }],
      [RESUME, { id: other.id }],
    ] as const) {
      expect(errorCode(await gql(server.url, query, variables, { token: admin })), query).toBe('FORBIDDEN');
      expect(errorCode(await gql(server.url, query, variables, { token: key.secret })), query).toBe('FORBIDDEN');
      expect(errorCode(await gql(server.url, query, variables)), query).toBe('UNAUTHENTICATED');
    }
    expect((await gqlOk(server.url, TENANTS, { s: other.slug }, { token: operator })).tenants[0]).toMatchObject({ name: `Tenant ${other.slug}`, status: 'ACTIVE' });
  });

  it('lists, creates and renames tenants; a new admin chooses a password from the mail', async () => {
    const all = (await gqlOk(server.url, TENANTS, {}, { token: operator })).tenants;
    expect(all.find((t: { slug: string }) => t.slug === acme.slug)).toMatchObject({ memberCount: 5, status: 'ACTIVE' });
    const slug = `fresh-${Date.now().toString(36)}`;
    const email = `boss@${slug}.test`;
    const created = (await gqlOk(server.url, CREATE, { input: { name: 'Fresh Co', slug, adminEmail: email, adminName: 'Boss', locale: 'en' } }, { token: operator })).createTenant;
    expect(created).toMatchObject({ slug, name: 'Fresh Co', status: 'ACTIVE', memberCount: 1 });
    const dup = await gql(server.url, CREATE, { input: { name: 'Again', slug, adminEmail: 'x@y.test', adminName: 'X' } }, { token: operator });
    expect(dup.errors![0].extensions!.fields!.slug).toEqual(['is already taken']);

    const mail = await smtp.waitFor((m) => m.to === email);
    expect(mail.subject).toBe('You are the admin of Fresh Co on Sociodesk');
    await gqlOk(server.url, RESET, { token: tokenFrom(mail, '/reset-password'), pw: 'boss-password-123' });
    const session = await login(server.url, email, undefined, 'boss-password-123');
    expect((await gqlOk(server.url, ME, {}, { token: session.accessToken })).me.tenant.slug).toBe(slug);

    expect((await gqlOk(server.url, RENAME, { id: created.id, name: 'Fresh Company' }, { token: operator })).renameTenant.name).toBe('Fresh Company');
    expect(errorCode(await gql(server.url, RENAME, { id: created.id, name: ' ' }, { token: operator }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(server.url, RENAME, { id: '00000000-0000-0000-0000-000000000000', name: 'Ghost' }, { token: operator }))).toBe('NOT_FOUND');
  });

  it('suspends a tenant over HTTP, API keys and WebSocket, and resumes it', async () => {
    const adminSession = await login(server.url, acme.admin.email);
    const agent = await tokenFor(server.url, acme.agent1);
    const key = await issueKey(server.url, adminSession.accessToken, ['tickets:read', 'events:read']);
    const otherAgent = await tokenFor(server.url, other.agent1);
    const userSocket = await connectedWs(server.url, agent);
    userSocket.subscribe(EVENTS);
    const keySocket = await connectedWs(server.url, key.secret);
    keySocket.subscribe(EVENTS);
    const otherSocket = await connectedWs(server.url, otherAgent);

    expect(errorCode(await gql(server.url, SUSPEND, { id: ops.id }, { token: operator }))).toBe('BAD_USER_INPUT');
    const suspended = (await gqlOk(server.url, SUSPEND, { id: acme.id }, { token: operator })).suspendTenant;
    expect(suspended.status).toBe('SUSPENDED');
    expect(suspended.suspendedAt).toBeTruthy();

    for (const credential of [agent, key.secret]) {
      const refused = await gql(server.url, TICKETS, {}, { token: credential });
      expect(refused.status).toBe(403);
      expect(refused.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'TENANT_SUSPENDED' });
    }
    expect(await userSocket.closed).toEqual({ code: 4403, reason: 'TENANT_SUSPENDED' });
    expect(await keySocket.closed).toEqual({ code: 4403, reason: 'TENANT_SUSPENDED' });
    const late = connectWs(server.url, agent);
    expect((await late.closed).code).toBe(4403);
    const signIn = await gql(server.url, LOGIN, { input: { email: acme.customer1.email, password: 'correct-horse-battery' } });
    expect(signIn.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'TENANT_SUSPENDED' });
    const refresh = await gql(server.url, `mutation F($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`, { t: adminSession.refreshToken });
    expect(refresh.errors![0].extensions!.reason).toBe('TENANT_SUSPENDED');

    // The other tenant carries on.
    expect((await gqlOk(server.url, TICKETS, {}, { token: otherAgent })).tickets.totalCount).toBe(0);
    expect(otherSocket.closeInfo).toBeNull();

    expect((await gqlOk(server.url, RESUME, { id: acme.id }, { token: operator })).resumeTenant).toMatchObject({ status: 'ACTIVE', suspendedAt: null });
    expect((await gqlOk(server.url, TICKETS, {}, { token: agent })).tickets.totalCount).toBe(0);
    expect((await gqlOk(server.url, TICKETS, {}, { token: key.secret })).tickets.totalCount).toBe(0);
    await (await connectedWs(server.url, agent)).dispose();
  });
});
