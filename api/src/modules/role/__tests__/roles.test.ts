import { afterEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql, gqlOk, type GraphQLResult } from '../../../test/graphql.js';
import { useTenantPair } from '../../../test/tenant-pair.js';
import { login, type TestMember } from '../../../test/tenants.js';
import { connectWs, disposeAllWs } from '../../../test/ws.js';
import { createTicket } from '../../ticket/__tests__/ticket.fixture.js';

const ROLES = `query { roles { id name base role builtIn permissions memberCount } }`;
const PERMISSIONS = `query { permissions { key side always description descriptionIndonesian } }`;
const CREATE_ROLE = `mutation C($input: CreateRoleInput!) { createRole(input: $input) { id name base role builtIn permissions memberCount } }`;
const UPDATE_ROLE = `mutation U($id: ID!, $input: UpdateRoleInput!) { updateRole(id: $id, input: $input) { id name permissions memberCount } }`;
const DELETE_ROLE = `mutation D($id: ID!) { deleteRole(id: $id) }`;
const SET_ROLE = `mutation S($userId: ID!, $role: Role, $customRoleId: ID) { updateUserRole(userId: $userId, role: $role, customRoleId: $customRoleId) { id role customRoleId roleName } }`;
const ME = `query { me { role permissions user { roleName customRoleId } } }`;
const TICKETS = `query { tickets(first: 5) { totalCount } }`;
const USERS = `query { users(first: 50) { edges { node { id roleName customRoleId } } } }`;
const METRICS = `query { ticketMetrics(first: 5) { totalCount } }`;
const CREATE_TICKET = `mutation C($input: CreateTicketInput!) { createTicket(input: $input) { id } }`;
const ASSIGN = `mutation A($id: ID!, $agent: ID) { assignTicket(id: $id, agentId: $agent) { id } }`;
const REFRESH = `mutation R($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken permissions } }`;
const EVENTS = `subscription { ticketEvents { type ticketId } }`;

const reasonOf = (r: GraphQLResult) => r.errors?.[0]?.extensions?.reason;
const fieldsOf = (r: GraphQLResult) => r.errors?.[0]?.extensions?.fields as Record<string, string[]> | undefined;

describe.each(await testDatabases())('custom roles on %s', (db) => {
  const { server, t, tokens } = useTenantPair(db, 'roles');
  const url = () => server.url;
  let seq = 0;
  const unique = (name: string) => `${name} ${++seq}`;

  afterEach(async () => {
    await disposeAllWs();
  });

  async function makeRole(base: 'STAFF' | 'CUSTOMER', permissions: string[], name = unique('Role')) {
    return (await gqlOk(url(), CREATE_ROLE, { input: { name, base, permissions } }, { token: tokens.admin })).createRole;
  }
  async function give(member: TestMember, customRoleId: string | null, role: string | null = null) {
    return (await gqlOk(url(), SET_ROLE, { userId: member.id, customRoleId, role }, { token: tokens.admin })).updateUserRole;
  }

  it('lists the catalogue and the built-in roles, for admins only', async () => {
    const catalogue = (await gqlOk(url(), PERMISSIONS, {}, { token: tokens.admin })).permissions;
    expect(catalogue.map((p: { key: string }) => p.key)).toEqual(expect.arrayContaining(['TICKETS_READ', 'TICKETS_ASSIGN', 'USERS_MANAGE', 'REPORTS_VIEW']));
    expect(catalogue.find((p: { key: string }) => p.key === 'USERS_MANAGE')).toMatchObject({ side: 'staff', always: false });
    expect(catalogue.find((p: { key: string }) => p.key === 'ACCOUNT_USE')).toMatchObject({ side: 'both', always: true });
    expect(catalogue.every((p: { descriptionIndonesian: string }) => p.descriptionIndonesian.length > 0)).toBe(true);
    const roles = (await gqlOk(url(), ROLES, {}, { token: tokens.admin })).roles;
    expect(roles.slice(0, 3).map((r: { id: string; builtIn: boolean }) => [r.id, r.builtIn])).toEqual([['ADMIN', true], ['AGENT', true], ['CUSTOMER', true]]);
    expect(roles[1].permissions).toContain('TICKETS_ASSIGN');
    expect(roles[1].permissions).not.toContain('USERS_MANAGE');
    // Agents hold the role the field lists but not the permission; customers not even the role.
    const agent = await gql(url(), ROLES, {}, { token: tokens.agent1 });
    expect([errorCode(agent), reasonOf(agent)]).toEqual(['FORBIDDEN', 'MISSING_PERMISSION']);
    expect(errorCode(await gql(url(), ROLES, {}, { token: tokens.customer1 }))).toBe('FORBIDDEN');
  });

  it('validates names and permissions field by field', async () => {
    const unknown = await gql(url(), CREATE_ROLE, { input: { name: unique('X'), base: 'STAFF', permissions: ['TICKETS_READ', 'TICKETS_FLY'] } }, { token: tokens.admin });
    expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(unknown)).toEqual({ 'permissions.1': [expect.stringContaining('Value "TICKETS_FLY" does not exist in "Permission" enum.')] });
    const staffOnly = await gql(url(), CREATE_ROLE, { input: { name: unique('X'), base: 'CUSTOMER', permissions: ['USERS_MANAGE'] } }, { token: tokens.admin });
    expect(fieldsOf(staffOnly)).toEqual({ permissions: ['USERS_MANAGE is for staff roles only'] });
    const blank = await gql(url(), CREATE_ROLE, { input: { name: '  ', base: 'STAFF', permissions: [] } }, { token: tokens.admin });
    expect(errorCode(blank)).toBe('BAD_USER_INPUT');
    expect(Object.keys(fieldsOf(blank) ?? {})).toEqual(['name']);
    const builtIn = await gql(url(), CREATE_ROLE, { input: { name: 'agent', base: 'STAFF', permissions: [] } }, { token: tokens.admin });
    expect(fieldsOf(builtIn)).toEqual({ name: ['is the name of a built-in role'] });
    const first = await makeRole('STAFF', ['TICKETS_READ']);
    const twice = await gql(url(), CREATE_ROLE, { input: { name: first.name, base: 'STAFF', permissions: [] } }, { token: tokens.admin });
    expect(fieldsOf(twice)).toEqual({ name: ['is already used by another role'] });
    // Stored in catalogue order with the always-held permission added.
    expect(first.permissions).toEqual(['ACCOUNT_USE', 'TICKETS_READ']);
    expect(first).toMatchObject({ base: 'STAFF', role: 'AGENT', builtIn: false, memberCount: 0 });
  });

  it('grants and denies exactly a staff role\'s permissions over HTTP', async () => {
    const ticket = await createTicket(url(), tokens.customer1);
    const observer = await makeRole('STAFF', ['TICKETS_READ', 'REPORTS_VIEW'], unique('Observer'));
    const member = await give(t.agent2, observer.id);
    expect(member).toMatchObject({ role: 'AGENT', customRoleId: observer.id, roleName: observer.name });
    const token = (await login(url(), t.agent2.email)).accessToken;
    const me = (await gqlOk(url(), ME, {}, { token })).me;
    expect(me).toMatchObject({ role: 'AGENT', user: { roleName: observer.name, customRoleId: observer.id } });
    expect([...me.permissions].sort()).toEqual(['ACCOUNT_USE', 'REPORTS_VIEW', 'TICKETS_READ']);
    // Granted: reading tickets, and the reports built-in agents do not get.
    expect((await gqlOk(url(), TICKETS, {}, { token })).tickets.totalCount).toBeGreaterThan(0);
    expect(errorCode(await gql(url(), METRICS, {}, { token: tokens.agent1 }))).toBe('FORBIDDEN');
    expect((await gqlOk(url(), METRICS, {}, { token })).ticketMetrics.totalCount).toBeGreaterThanOrEqual(0);
    // Denied: everything else, including what built-in agents may do.
    for (const [query, vars] of [
      [CREATE_TICKET, { input: { title: 'Needs help', description: 'Please help', category: 'TECHNICAL', customerId: t.customer1.id } }],
      [ASSIGN, { id: ticket.id, agent: t.agent2.id }],
      [USERS, {}],
      [ROLES, {}],
    ] as const) {
      const denied = await gql(url(), query, vars, { token });
      expect(errorCode(denied), query).toBe('FORBIDDEN');
      expect(reasonOf(denied), query).toBe('MISSING_PERMISSION');
    }
    // A staff role may be given admin capabilities one by one.
    const managers = await makeRole('STAFF', ['USERS_MANAGE'], unique('Member managers'));
    await give(t.agent2, managers.id);
    const managerToken = (await login(url(), t.agent2.email)).accessToken;
    const users = (await gqlOk(url(), USERS, {}, { token: managerToken })).users.edges.map((e: { node: { id: string; roleName: string } }) => e.node);
    expect(users.find((u: { id: string }) => u.id === t.agent2.id)).toMatchObject({ roleName: managers.name });
    expect(errorCode(await gql(url(), TICKETS, {}, { token: managerToken }))).toBe('FORBIDDEN');
    await give(t.agent2, null, 'AGENT');
  });

  it('limits a customer role to its permissions', async () => {
    const readOnly = await makeRole('CUSTOMER', ['TICKETS_READ'], unique('Read-only customers'));
    expect(readOnly.role).toBe('CUSTOMER');
    await give(t.customer2, readOnly.id);
    const token = (await login(url(), t.customer2.email)).accessToken;
    expect((await gqlOk(url(), TICKETS, {}, { token })).tickets.totalCount).toBeGreaterThanOrEqual(0);
    const denied = await gql(url(), CREATE_TICKET, { input: { title: 'Needs help', description: 'Please help', category: 'TECHNICAL' } }, { token });
    expect(reasonOf(denied)).toBe('MISSING_PERMISSION');
    // The built-in customer still opens tickets.
    await gqlOk(url(), CREATE_TICKET, { input: { title: 'Needs help', description: 'Please help', category: 'TECHNICAL' } }, { token: tokens.customer1 });
    await give(t.customer2, null, 'CUSTOMER');
  });

  it('grants and denies over WebSocket by the token given at connect', async () => {
    const readers = await makeRole('STAFF', ['TICKETS_READ'], unique('Readers'));
    const blind = await makeRole('STAFF', ['REPORTS_VIEW'], unique('Blind'));
    await give(t.agent2, blind.id);
    const blindToken = (await login(url(), t.agent2.email)).accessToken;
    const denied = connectWs(url(), blindToken).subscribe(EVENTS);
    const errors = await denied.failed();
    expect(errors.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(errors[0].extensions?.reason).toBe('MISSING_PERMISSION');
    await give(t.agent2, readers.id);
    const readerToken = (await login(url(), t.agent2.email)).accessToken;
    const allowed = connectWs(url(), readerToken).subscribe(EVENTS);
    const event = await allowed.prime(() => createTicket(url(), tokens.customer1), (e) => e.type === 'TICKET_CREATED');
    expect(event.ticketId).toBeTruthy();
    await give(t.agent2, null, 'AGENT');
  });

  it('applies a permission change at the next token refresh', async () => {
    const role = await makeRole('STAFF', ['TICKETS_READ'], unique('Changing'));
    await give(t.agent2, role.id);
    const session = await login(url(), t.agent2.email);
    await gqlOk(url(), TICKETS, {}, { token: session.accessToken });
    await gqlOk(url(), UPDATE_ROLE, { id: role.id, input: { permissions: ['REPORTS_VIEW'] } }, { token: tokens.admin });
    // The access token in hand keeps its set until it is refreshed.
    await gqlOk(url(), TICKETS, {}, { token: session.accessToken });
    expect(errorCode(await gql(url(), METRICS, {}, { token: session.accessToken }))).toBe('FORBIDDEN');
    const refreshed = (await gqlOk(url(), REFRESH, { t: session.refreshToken })).refreshSession;
    expect([...refreshed.permissions].sort()).toEqual(['ACCOUNT_USE', 'REPORTS_VIEW']);
    expect(reasonOf(await gql(url(), TICKETS, {}, { token: refreshed.accessToken }))).toBe('MISSING_PERMISSION');
    await gqlOk(url(), METRICS, {}, { token: refreshed.accessToken });
    await give(t.agent2, null, 'AGENT');
  });

  it('renames, refuses to delete a role in use, then deletes it', async () => {
    const role = await makeRole('STAFF', ['TICKETS_READ'], unique('Temp'));
    await give(t.agent2, role.id);
    const renamed = (await gqlOk(url(), UPDATE_ROLE, { id: role.id, input: { name: `${role.name} renamed` } }, { token: tokens.admin })).updateRole;
    expect(renamed).toMatchObject({ name: `${role.name} renamed`, memberCount: 1, permissions: ['ACCOUNT_USE', 'TICKETS_READ'] });
    const inUse = await gql(url(), DELETE_ROLE, { id: role.id }, { token: tokens.admin });
    expect(errorCode(inUse)).toBe('CONFLICT');
    expect(reasonOf(inUse)).toBe('ROLE_IN_USE');
    await give(t.agent2, null, 'AGENT');
    expect((await gqlOk(url(), DELETE_ROLE, { id: role.id }, { token: tokens.admin })).deleteRole).toBe(true);
    const roles = (await gqlOk(url(), ROLES, {}, { token: tokens.admin })).roles;
    expect(roles.some((r: { id: string }) => r.id === role.id)).toBe(false);
    expect(errorCode(await gql(url(), DELETE_ROLE, { id: role.id }, { token: tokens.admin }))).toBe('NOT_FOUND');
    const neither = await gql(url(), SET_ROLE, { userId: t.agent2.id }, { token: tokens.admin });
    expect(errorCode(neither)).toBe('BAD_USER_INPUT');
  });

  it('answers NOT_FOUND for another tenant\'s role', async () => {
    const role = await makeRole('STAFF', ['TICKETS_READ'], unique('Ours'));
    const other = tokens.otherAdmin;
    expect(errorCode(await gql(url(), UPDATE_ROLE, { id: role.id, input: { name: 'Theirs' } }, { token: other }))).toBe('NOT_FOUND');
    expect(errorCode(await gql(url(), DELETE_ROLE, { id: role.id }, { token: other }))).toBe('NOT_FOUND');
    const theirs = (await gqlOk(url(), ROLES, {}, { token: other })).roles;
    expect(theirs.some((r: { id: string }) => r.id === role.id)).toBe(false);
    // Giving our member a role of another tenant: that role does not exist here.
    const foreign = (await gqlOk(url(), CREATE_ROLE, { input: { name: unique('Foreign'), base: 'STAFF', permissions: [] } }, { token: other })).createRole;
    expect(errorCode(await gql(url(), SET_ROLE, { userId: t.agent2.id, customRoleId: foreign.id }, { token: tokens.admin }))).toBe('NOT_FOUND');
    // The name is free per tenant.
    const same = await gql(url(), CREATE_ROLE, { input: { name: role.name, base: 'STAFF', permissions: [] } }, { token: other });
    expect(same.errors).toBeUndefined();
  });
});
