import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql, gqlOk } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, login, LOGIN, TEST_PASSWORD, tokenFor, type TestTenant } from '../../../test/tenants.js';
import {
  CHANGE_PASSWORD,
  CREATE_USER,
  DEACTIVATE,
  firstError,
  listUsers,
  ME,
  REFRESH,
  UPDATE_ROLE,
  USERS,
  walkUsers,
} from '../../../test/users.fixture.js';

const NEW_PASSWORD = 'a-brand-new-password-42';

describe.each(await testDatabases())('user administration on %s', (db) => {
  let server: TestServer;
  let acme: TestTenant;
  let other: TestTenant;
  let acmeAdmin: string;
  let otherAdmin: string;

  beforeAll(async () => {
    server = await startTestServer(db);
    acme = await createTestTenant(server.app, 'acme');
    other = await createTestTenant(server.app, 'other');
    acmeAdmin = await tokenFor(server.url, acme.admin);
    otherAdmin = await tokenFor(server.url, other.admin);
  });
  afterAll(() => server?.stop());

  const createUser = (token: string, input: Record<string, unknown>) => gql(server.url, CREATE_USER, { input }, { token });

  it('lists the members of the tenant with filters on role, search and active', async () => {
    const t = await createTestTenant(server.app, 'list');
    const admin = await tokenFor(server.url, t.admin);
    const all = await listUsers(server.url, admin);
    expect(all.totalCount).toBe(5);
    expect(all.edges.map((e) => e.node.email).sort()).toEqual([t.admin, t.agent1, t.agent2, t.customer1, t.customer2].map((m) => m.email).sort());
    expect(all.edges.find((e) => e.node.id === t.agent1.id)!.node).toMatchObject({ role: 'AGENT', active: true, name: `agent1 of ${t.slug}` });

    const agents = await listUsers(server.url, admin, { filter: { role: 'AGENT' } });
    expect(agents.totalCount).toBe(2);
    expect(agents.edges.map((e) => e.node.id).sort()).toEqual([t.agent1.id, t.agent2.id].sort());

    const search = await listUsers(server.url, admin, { filter: { search: 'customer2' } });
    expect(search.edges.map((e) => e.node.id)).toEqual([t.customer2.id]);
    expect((await listUsers(server.url, admin, { filter: { search: 'of ' + t.slug, role: 'CUSTOMER' } })).totalCount).toBe(2);
    // LIKE wildcards in the search text are literal, not "match anything".
    expect((await listUsers(server.url, admin, { filter: { search: '%' } })).totalCount).toBe(0);
    expect((await listUsers(server.url, admin, { filter: { search: '_' } })).totalCount).toBe(0);

    await gqlOk(server.url, DEACTIVATE, { userId: t.customer1.id }, { token: admin });
    const inactive = await listUsers(server.url, admin, { filter: { active: false } });
    expect(inactive.edges.map((e) => e.node)).toEqual([expect.objectContaining({ id: t.customer1.id, active: false })]);
    const active = await listUsers(server.url, admin, { filter: { active: true } });
    expect(active.totalCount).toBe(4);
    expect(active.edges.map((e) => e.node.id)).not.toContain(t.customer1.id);
    expect((await listUsers(server.url, admin, { filter: { active: true, role: 'CUSTOMER' } })).totalCount).toBe(1);
    const activeCustomers = await listUsers(server.url, admin, { filter: { active: true, search: 'customer' } });
    expect(activeCustomers.edges.map((e) => e.node.id)).toEqual([t.customer2.id]);
  });

  it('searches for _ and % literally, on every database', async () => {
    const t = await createTestTenant(server.app, 'like');
    const admin = await tokenFor(server.url, t.admin);
    const email = `ann_lee@${t.slug}.test`;
    await gqlOk(server.url, CREATE_USER, { input: { email, name: 'Ann! 100% Lee\\Co', role: 'CUSTOMER' } }, { token: admin });
    const found = async (search: string) => (await listUsers(server.url, admin, { filter: { search } })).edges.map((e) => e.node.email);
    for (const search of ['ann_lee', '_', 'n_l', '100%', '%', '0% L', 'ANN_LEE', '!', 'n! 1', '\\', 'e\\C']) expect(await found(search), search).toEqual([email]);
    expect(await found('annxlee')).toEqual([]);
    expect(await found('1000')).toEqual([]);
  });

  it('walks every page with first: 2 without duplicates or gaps', async () => {
    const t = await createTestTenant(server.app, 'pages');
    const admin = await tokenFor(server.url, t.admin);
    for (let i = 0; i < 2; i++) {
      await gqlOk(server.url, CREATE_USER, { input: { email: `extra${i}@${t.slug}.test`, name: `Extra ${i}`, role: 'CUSTOMER' } }, { token: admin });
    }
    const everyone = (await listUsers(server.url, admin)).edges.map((e) => e.node.id);
    expect(everyone).toHaveLength(7);

    const { pages, nodes } = await walkUsers(server.url, admin, 2);
    expect(pages.map((p) => p.edges.length)).toEqual([2, 2, 2, 1]);
    expect(pages.every((p) => p.totalCount === 7)).toBe(true);
    expect(pages.map((p) => p.pageInfo.hasNextPage)).toEqual([true, true, true, false]);
    expect(pages.map((p) => p.pageInfo.hasPreviousPage)).toEqual([false, true, true, true]);
    for (const page of pages) {
      expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
    }
    const ids = nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(everyone);

    const customers = await walkUsers(server.url, admin, 2, { role: 'CUSTOMER' });
    expect(customers.pages.map((p) => p.edges.length)).toEqual([2, 2]);
    expect(customers.pages[0].totalCount).toBe(4);
    expect(new Set(customers.nodes.map((n) => n.id)).size).toBe(4);
    expect(customers.nodes.every((n) => n.role === 'CUSTOMER')).toBe(true);

    const past = await listUsers(server.url, admin, { first: 2, after: pages.at(-1)!.pageInfo.endCursor });
    expect(past.edges).toEqual([]);
    expect(past.pageInfo).toMatchObject({ hasNextPage: false, startCursor: null, endCursor: null });

    const tooMany = await gql(server.url, USERS, { first: 101 }, { token: admin });
    expect(firstError(tooMany).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { first: [expect.any(String)] } });
    const badCursor = await gql(server.url, USERS, { first: 2, after: '!!not-a-cursor' }, { token: admin });
    expect(firstError(badCursor).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { after: [expect.any(String)] } });
  });

  it('refuses agents, customers and anonymous callers', async () => {
    const ops: Array<[string, Record<string, unknown>]> = [
      [USERS, {}],
      [CREATE_USER, { input: { email: 'x@example.test', name: 'X', role: 'ADMIN' } }],
      [UPDATE_ROLE, { userId: acme.agent2.id, role: 'ADMIN' }],
      [DEACTIVATE, { userId: acme.agent2.id }],
    ];
    for (const member of [acme.agent1, acme.customer1]) {
      const token = await tokenFor(server.url, member);
      for (const [query, variables] of ops) {
        const result = await gql(server.url, query, variables, { token });
        expect(errorCode(result), `${member.role}: ${query}`).toBe('FORBIDDEN');
        expect(result.data).toBeNull();
      }
    }
    for (const [query, variables] of ops) expect(errorCode(await gql(server.url, query, variables))).toBe('UNAUTHENTICATED');
    // Nothing happened: agent2 is still an active agent, and no X user exists.
    const members = await listUsers(server.url, acmeAdmin);
    expect(members.edges.find((e) => e.node.id === acme.agent2.id)!.node).toMatchObject({ role: 'AGENT', active: true });
    expect(members.edges.map((e) => e.node.email)).not.toContain('x@example.test');
  });

  it('creates a new identity with a temporary password that must be changed first', async () => {
    const email = `newbie@${acme.slug}.test`;
    const created = await gqlOk(server.url, CREATE_USER, { input: { email: `NewBie@${acme.slug.toUpperCase()}.TEST`, name: ' Newbie ', role: 'ADMIN' } }, { token: acmeAdmin });
    const temporary = created.createUser.temporaryPassword as string;
    expect(temporary).toEqual(expect.any(String));
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    expect(created.createUser.user).toMatchObject({ email, name: 'Newbie', role: 'ADMIN', active: true });

    const first = (await gqlOk(server.url, LOGIN, { input: { email, password: temporary } })).login;
    expect(first.mustChangePassword).toBe(true);
    const me = await gqlOk(server.url, ME, {}, { token: first.accessToken });
    expect(me.me).toMatchObject({ mustChangePassword: true, role: 'ADMIN' });

    const blocked: Array<[string, Record<string, unknown>]> = [
      [USERS, {}],
      [CREATE_USER, { input: { email: `y@${acme.slug}.test`, name: 'Y', role: 'AGENT' } }],
      [`mutation S($s: String!) { switchTenant(tenantSlug: $s) { accessToken } }`, { s: acme.slug }],
    ];
    for (const [query, variables] of blocked) {
      const error = firstError(await gql(server.url, query, variables, { token: first.accessToken }));
      expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED' });
    }

    const short = await gql(server.url, CHANGE_PASSWORD, { input: { currentPassword: temporary, newPassword: 'short' } }, { token: first.accessToken });
    expect(firstError(short).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { newPassword: [expect.stringMatching(/at least 10/)] } });
    const wrong = await gql(server.url, CHANGE_PASSWORD, { input: { currentPassword: 'not-the-password', newPassword: NEW_PASSWORD } }, { token: first.accessToken });
    expect(firstError(wrong).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { currentPassword: [expect.any(String)] } });

    const changed = (await gqlOk(server.url, CHANGE_PASSWORD, { input: { currentPassword: temporary, newPassword: NEW_PASSWORD } }, { token: first.accessToken })).changePassword;
    expect(changed.mustChangePassword).toBe(false);
    expect(changed.accessToken).not.toBe(first.accessToken);
    const listed = await listUsers(server.url, changed.accessToken, { filter: { search: 'newbie' } });
    expect(listed.edges.map((e) => e.node.email)).toEqual([email]);
    expect((await gqlOk(server.url, ME, {}, { token: changed.accessToken })).me.mustChangePassword).toBe(false);

    // The old token still carries the obligation; the old session and the temporary password are gone.
    expect(firstError(await gql(server.url, USERS, {}, { token: first.accessToken })).extensions?.reason).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(errorCode(await gql(server.url, REFRESH, { t: first.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await gql(server.url, LOGIN, { input: { email, password: temporary } }))).toBe('UNAUTHENTICATED');
    expect((await login(server.url, email, undefined, NEW_PASSWORD)).accessToken).toBeTruthy();
  });

  it('adds an identity of another tenant as a member without a password, and refuses duplicates', async () => {
    const shared = other.customer2;
    const added = await gqlOk(server.url, CREATE_USER, { input: { email: shared.email.toUpperCase(), name: 'Ignored', role: 'AGENT' } }, { token: acmeAdmin });
    expect(added.createUser.temporaryPassword).toBeNull();
    expect(added.createUser.user).toMatchObject({ id: shared.id, email: shared.email, role: 'AGENT' });

    const inAcme = await login(server.url, shared.email, acme.slug, TEST_PASSWORD);
    expect((await gqlOk(server.url, ME, {}, { token: inAcme.accessToken })).me).toMatchObject({ role: 'AGENT', tenant: { id: acme.id } });
    const inOther = (await listUsers(server.url, otherAdmin)).edges.find((e) => e.node.id === shared.id)!.node;
    expect(inOther.role).toBe('CUSTOMER');

    for (const email of [shared.email, acme.agent1.email, acme.agent1.email.toUpperCase()]) {
      expect(errorCode(await createUser(acmeAdmin, { email, name: 'Again', role: 'AGENT' })), email).toBe('CONFLICT');
    }
    const invalid = await createUser(acmeAdmin, { email: 'not-an-email', name: 'Nope', role: 'AGENT' });
    expect(firstError(invalid).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { email: ['must be a valid email address'] } });
    const noName = await createUser(acmeAdmin, { email: `noname@${acme.slug}.test`, name: '', role: 'AGENT' });
    expect(firstError(noName).extensions?.fields).toHaveProperty('name');
    expect((await listUsers(server.url, acmeAdmin, { filter: { search: 'noname' } })).totalCount).toBe(0);
  });

  it('answers CONFLICT, not an internal error, when the same user is created concurrently', async () => {
    const t = await createTestTenant(server.app, 'race');
    const admin = await tokenFor(server.url, t.admin);
    const elsewhere = await createTestTenant(server.app, 'race-src');
    for (const email of [`twice@${t.slug}.test`, elsewhere.agent1.email]) {
      const results = await Promise.all([0, 1, 2].map(() => createUser(admin, { email, name: 'Twice', role: 'AGENT' })));
      expect(results.map((r) => errorCode(r) ?? 'ok').sort(), email).toEqual(['CONFLICT', 'CONFLICT', 'ok']);
      expect((await listUsers(server.url, admin, { filter: { search: email } })).totalCount).toBe(1);
    }
  });

  it('changes roles, visible in the list and in the next refreshed token', async () => {
    const t = await createTestTenant(server.app, 'roles');
    const admin = await tokenFor(server.url, t.admin);
    const session = await login(server.url, t.agent1.email);
    const updated = await gqlOk(server.url, UPDATE_ROLE, { userId: t.agent1.id, role: 'CUSTOMER' }, { token: admin });
    expect(updated.updateUserRole).toEqual({ id: t.agent1.id, role: 'CUSTOMER', active: true });
    expect((await listUsers(server.url, admin, { filter: { role: 'CUSTOMER' } })).edges.map((e) => e.node.id)).toContain(t.agent1.id);

    const refreshed = (await gqlOk(server.url, REFRESH, { t: session.refreshToken })).refreshSession;
    expect(refreshed.role).toBe('CUSTOMER');
    expect((jwt.decode(refreshed.accessToken) as jwt.JwtPayload).role).toBe('CUSTOMER');

    const promoted = await gqlOk(server.url, UPDATE_ROLE, { userId: t.agent2.id, role: 'ADMIN' }, { token: admin });
    expect(promoted.updateUserRole.role).toBe('ADMIN');
    const newAdmin = await tokenFor(server.url, t.agent2);
    expect((await listUsers(server.url, newAdmin)).totalCount).toBe(5);
  });

  it('does not let an admin change their own role or deactivate themselves', async () => {
    const selfRole = await gql(server.url, UPDATE_ROLE, { userId: acme.admin.id, role: 'AGENT' }, { token: acmeAdmin });
    expect(firstError(selfRole).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { userId: [expect.any(String)] } });
    const selfDeactivate = await gql(server.url, DEACTIVATE, { userId: acme.admin.id }, { token: acmeAdmin });
    expect(firstError(selfDeactivate).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { userId: [expect.any(String)] } });
    expect((await gqlOk(server.url, ME, {}, { token: acmeAdmin })).me.role).toBe('ADMIN');
    expect((await login(server.url, acme.admin.email)).accessToken).toBeTruthy();
  });

  it('deactivation blocks sign-in and ends sessions in this tenant only', async () => {
    const t = await createTestTenant(server.app, 'deact');
    const admin = await tokenFor(server.url, t.admin);
    const session = await login(server.url, t.customer2.email);
    const result = await gqlOk(server.url, DEACTIVATE, { userId: t.customer2.id }, { token: admin });
    expect(result.deactivateUser).toEqual({ id: t.customer2.id, role: 'CUSTOMER', active: false });
    expect(errorCode(await gql(server.url, LOGIN, { input: { email: t.customer2.email, password: TEST_PASSWORD } }))).toBe('FORBIDDEN');
    expect(errorCode(await gql(server.url, REFRESH, { t: session.refreshToken }))).toBe('UNAUTHENTICATED');

    // A user who also belongs to another tenant keeps that membership and its sessions.
    await gqlOk(server.url, CREATE_USER, { input: { email: other.agent2.email, name: 'Shared', role: 'AGENT' } }, { token: admin });
    const elsewhere = await login(server.url, other.agent2.email, other.slug);
    const here = await login(server.url, other.agent2.email, t.slug);
    await gqlOk(server.url, DEACTIVATE, { userId: other.agent2.id }, { token: admin });
    expect(errorCode(await gql(server.url, REFRESH, { t: here.refreshToken }))).toBe('UNAUTHENTICATED');
    expect((await gqlOk(server.url, REFRESH, { t: elsewhere.refreshToken })).refreshSession.accessToken).toBeTruthy();
    const relogin = await gql(server.url, LOGIN, { input: { email: other.agent2.email, password: TEST_PASSWORD, tenantSlug: t.slug } });
    expect(relogin.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ACCOUNT_DEACTIVATED' });
    expect((await login(server.url, other.agent2.email)).accessToken).toBeTruthy();
  });

  it('never reaches users of another tenant', async () => {
    const victim = other.agent1;
    const victimSession = await login(server.url, victim.email);
    for (const [query, variables] of [
      [UPDATE_ROLE, { userId: victim.id, role: 'CUSTOMER' }],
      [DEACTIVATE, { userId: victim.id }],
      [UPDATE_ROLE, { userId: '01900000-0000-7000-8000-000000000000', role: 'CUSTOMER' }],
    ] as const) {
      expect(errorCode(await gql(server.url, query, variables, { token: acmeAdmin }))).toBe('NOT_FOUND');
    }
    const otherView = (await listUsers(server.url, otherAdmin)).edges.find((e) => e.node.id === victim.id)!.node;
    expect(otherView).toMatchObject({ role: 'AGENT', active: true });
    expect((await gqlOk(server.url, REFRESH, { t: victimSession.refreshToken })).refreshSession.role).toBe('AGENT');

    const acmeIds = new Set((await walkUsers(server.url, acmeAdmin, 2)).nodes.map((n) => n.id));
    const otherOnly = [other.admin, other.agent1, other.agent2, other.customer1].map((m) => m.id);
    for (const id of otherOnly) expect(acmeIds.has(id)).toBe(false);
    const searched = await listUsers(server.url, acmeAdmin, { filter: { search: other.slug } });
    expect(searched.edges.map((e) => e.node.id)).toEqual([other.customer2.id].filter((id) => acmeIds.has(id)));
  });
});
