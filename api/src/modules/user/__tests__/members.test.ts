import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql, gqlOk } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, login, LOGIN, TEST_PASSWORD, tokenFor, type TestTenant } from '../../../test/tenants.js';
import { CREATE_USER, DEACTIVATE, firstError, listUsers } from '../../../test/users.fixture.js';

const REACTIVATE = /* GraphQL */ `mutation R($userId: ID!) { reactivateUser(userId: $userId) { id role active } }`;
const MEMBERS = /* GraphQL */ `query M($filter: UserFilter) { users(filter: $filter, first: 50) { edges { node { id active lastSignInAt } } } }`;
const CUSTOMERS = /* GraphQL */ `query C($search: String) { customers(search: $search, first: 50) { totalCount edges { node { id email role lastSignInAt } } } }`;

describe.each(await testDatabases())('members: reactivation, sign-in reasons and last sign-in on %s', (db) => {
  let server: TestServer;
  let other: TestTenant;
  let otherAdmin: string;

  beforeAll(async () => {
    server = await startTestServer(db);
    other = await createTestTenant(server.app, 'mem-other');
    otherAdmin = await tokenFor(server.url, other.admin);
  });
  afterAll(() => server?.stop());

  const signIn = (email: string, password = TEST_PASSWORD, tenantSlug?: string) =>
    gql(server.url, LOGIN, { input: { email, password, tenantSlug } });

  it('tells a deactivated member why, only once the password is right, and lets them back in after reactivation', async () => {
    const t = await createTestTenant(server.app, 'mem');
    const admin = await tokenFor(server.url, t.admin);
    await gqlOk(server.url, DEACTIVATE, { userId: t.agent1.id }, { token: admin });

    const wrongPassword = await signIn(t.agent1.email, 'not-the-password');
    expect(firstError(wrongPassword)).toMatchObject({ message: 'Invalid email or password', extensions: { code: 'UNAUTHENTICATED' } });
    expect(firstError(wrongPassword).extensions!.reason).toBeUndefined();
    const unknown = await signIn(`nobody@${t.slug}.test`);
    expect(firstError(unknown).extensions!.code).toBe('UNAUTHENTICATED');

    const refused = await signIn(t.agent1.email);
    expect(firstError(refused).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ACCOUNT_DEACTIVATED' });
    expect(refused.data).toBeNull();

    // Adding them again is a conflict that names the way out.
    const again = await gql(server.url, CREATE_USER, { input: { email: t.agent1.email, name: 'Again', role: 'AGENT' } }, { token: admin });
    expect(firstError(again).extensions).toMatchObject({ code: 'CONFLICT', reason: 'MEMBER_DEACTIVATED', userId: t.agent1.id });

    const reactivated = await gqlOk(server.url, REACTIVATE, { userId: t.agent1.id }, { token: admin });
    expect(reactivated.reactivateUser).toEqual({ id: t.agent1.id, role: 'AGENT', active: true });
    const session = await login(server.url, t.agent1.email);
    expect(session.accessToken).toBeTruthy();
    const active = await listUsers(server.url, admin, { filter: { active: true, role: 'AGENT' } });
    expect(active.edges.map((e) => e.node.id)).toContain(t.agent1.id);
  });

  it('says which workspace deactivated a member of several, and keeps the others working', async () => {
    const t = await createTestTenant(server.app, 'mem-multi');
    const admin = await tokenFor(server.url, t.admin);
    await gqlOk(server.url, CREATE_USER, { input: { email: other.customer2.email, name: 'Shared', role: 'CUSTOMER' } }, { token: admin });
    await gqlOk(server.url, DEACTIVATE, { userId: other.customer2.id }, { token: admin });
    const here = await signIn(other.customer2.email, TEST_PASSWORD, t.slug);
    expect(firstError(here).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ACCOUNT_DEACTIVATED', tenantSlug: t.slug });
    expect((await login(server.url, other.customer2.email)).accessToken).toBeTruthy();
  });

  it('does not reach members of another tenant', async () => {
    const t = await createTestTenant(server.app, 'mem-x');
    const admin = await tokenFor(server.url, t.admin);
    await gqlOk(server.url, DEACTIVATE, { userId: other.agent2.id }, { token: otherAdmin });
    expect(errorCode(await gql(server.url, REACTIVATE, { userId: other.agent2.id }, { token: admin }))).toBe('NOT_FOUND');
    expect(firstError(await signIn(other.agent2.email)).extensions!.reason).toBe('ACCOUNT_DEACTIVATED');
    await gqlOk(server.url, REACTIVATE, { userId: other.agent2.id }, { token: otherAdmin });
    // Only admins reactivate.
    const agent = await tokenFor(server.url, t.agent1);
    await gqlOk(server.url, DEACTIVATE, { userId: t.customer1.id }, { token: admin });
    expect(errorCode(await gql(server.url, REACTIVATE, { userId: t.customer1.id }, { token: agent }))).toBe('FORBIDDEN');
  });

  it('records the last sign-in per tenant, shown to admins only', async () => {
    const t = await createTestTenant(server.app, 'mem-last');
    const admin = await tokenFor(server.url, t.admin);
    const lastOf = async (id: string) =>
      (await gqlOk(server.url, MEMBERS, {}, { token: admin })).users.edges.find((e: { node: { id: string } }) => e.node.id === id).node.lastSignInAt;
    expect(await lastOf(t.customer2.id)).toBeNull();
    const before = Date.now();
    await login(server.url, t.customer2.email);
    const last = await lastOf(t.customer2.id);
    expect(new Date(last).getTime()).toBeGreaterThanOrEqual(before - 1000);
    // Others who never signed in stay empty.
    expect(await lastOf(t.agent2.id)).toBeNull();
  });

  it('lets staff search active customers, without admin-only details', async () => {
    const t = await createTestTenant(server.app, 'mem-cust');
    const admin = await tokenFor(server.url, t.admin);
    const agent = await tokenFor(server.url, t.agent1);
    await login(server.url, t.customer1.email);
    const all = (await gqlOk(server.url, CUSTOMERS, {}, { token: agent })).customers;
    expect(all.totalCount).toBe(2);
    expect(all.edges.map((e: { node: { role: string } }) => e.node.role)).toEqual(['CUSTOMER', 'CUSTOMER']);
    expect(all.edges.every((e: { node: { lastSignInAt: string | null } }) => e.node.lastSignInAt === null)).toBe(true);
    const found = (await gqlOk(server.url, CUSTOMERS, { search: 'customer2' }, { token: agent })).customers;
    expect(found.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([t.customer2.id]);
    await gqlOk(server.url, DEACTIVATE, { userId: t.customer2.id }, { token: admin });
    expect((await gqlOk(server.url, CUSTOMERS, {}, { token: agent })).customers.totalCount).toBe(1);
    const customer = await tokenFor(server.url, t.customer1);
    expect(errorCode(await gql(server.url, CUSTOMERS, {}, { token: customer }))).toBe('FORBIDDEN');
  });
});
