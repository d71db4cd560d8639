import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql, gqlOk } from '../../../test/graphql.js';
import { useTenantPair } from '../../../test/tenant-pair.js';
import { createTicket } from '../../ticket/__tests__/ticket.fixture.js';

const VIEWS = `{ savedViews { id name shared count viewerCanManage filter { status priority assignedToMe unassigned tag text } } }`;
const CREATE = `mutation C($i: CreateSavedViewInput!) { createSavedView(input: $i) { id name shared count filter { status priority assignedToMe tag } } }`;
const DELETE = `mutation D($id: ID!) { deleteSavedView(id: $id) }`;
const ASSIGN = `mutation A($id: ID!, $a: ID) { assignTicket(id: $id, agentId: $a) { id } }`;

describe.each(await testDatabases())('saved views on %s', (db) => {
  const { server, t, tokens: tok } = useTenantPair(db, 'views');

  const views = async (token: string) => (await gqlOk(server.url, VIEWS, {}, { token })).savedViews as any[];

  it('counts matching tickets for each viewer, and the count follows ticket changes', async () => {
    const urgent = (await gqlOk(server.url, CREATE, { i: { name: 'Urgent billing', shared: true, filter: { status: ['OPEN', 'IN_PROGRESS'], priority: 'HIGH', tag: 'billing' } } }, { token: tok.admin }))
      .createSavedView;
    expect(urgent).toMatchObject({ shared: true, count: 0, filter: { status: ['OPEN', 'IN_PROGRESS'], priority: 'HIGH', tag: 'billing', assignedToMe: null } });
    await gqlOk(server.url, CREATE, { i: { name: 'Mine', shared: true, filter: { assignedToMe: true } } }, { token: tok.admin });
    const a = await createTicket(server.url, tok.customer1, { priority: 'HIGH', tags: ['billing'] });
    await createTicket(server.url, tok.customer1, { priority: 'LOW', tags: ['billing'] });
    await createTicket(server.url, tok.otherCustomer, { priority: 'HIGH', tags: ['billing'] });
    await gqlOk(server.url, ASSIGN, { id: a.id, a: t.agent1.id }, { token: tok.admin });

    const count = async (token: string, name: string) => (await views(token)).find((v) => v.name === name)?.count;
    expect(await count(tok.agent1, 'Urgent billing')).toBe(1);
    // "Assigned to me" is whoever looks.
    expect(await count(tok.agent1, 'Mine')).toBe(1);
    expect(await count(tok.agent2, 'Mine')).toBe(0);
    await gqlOk(server.url, `mutation S($id: ID!) { changeTicketStatus(id: $id, status: IN_PROGRESS) { id } }`, { id: a.id }, { token: tok.agent1 });
    await gqlOk(server.url, `mutation S($id: ID!) { changeTicketStatus(id: $id, status: RESOLVED) { id } }`, { id: a.id }, { token: tok.agent1 });
    expect(await count(tok.agent1, 'Urgent billing')).toBe(0);
  });

  it('keeps private views to their author and shared ones to admins to manage', async () => {
    const mine = (await gqlOk(server.url, CREATE, { i: { name: 'My queue', shared: false, filter: { unassigned: true } } }, { token: tok.agent1 })).createSavedView;
    expect((await views(tok.agent1)).map((v) => v.name)).toContain('My queue');
    expect((await views(tok.agent2)).map((v) => v.name)).not.toContain('My queue');
    expect((await views(tok.admin)).map((v) => v.name)).not.toContain('My queue');
    expect(await views(tok.otherAdmin)).toEqual([]);
    expect(errorCode(await gql(server.url, DELETE, { id: mine.id }, { token: tok.agent2 }))).toBe('NOT_FOUND');
    expect(errorCode(await gql(server.url, DELETE, { id: mine.id }, { token: tok.otherAdmin }))).toBe('NOT_FOUND');
    expect(errorCode(await gql(server.url, CREATE, { i: { name: 'Team', shared: true, filter: {} } }, { token: tok.agent1 }))).toBe('FORBIDDEN');
    const shared = (await views(tok.agent1)).find((v) => v.name === 'Urgent billing');
    expect(shared.viewerCanManage).toBe(false);
    expect(errorCode(await gql(server.url, DELETE, { id: shared.id }, { token: tok.agent1 }))).toBe('FORBIDDEN');
    expect(errorCode(await gql(server.url, VIEWS, {}, { token: tok.customer1 }))).toBe('FORBIDDEN');
    const bad = await gql(server.url, CREATE, { i: { name: ' ', shared: false, filter: { tag: 'Not a tag' } } }, { token: tok.agent1 });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect((await gqlOk(server.url, DELETE, { id: mine.id }, { token: tok.agent1 })).deleteSavedView).toBe(true);
    expect((await views(tok.agent1)).map((v) => v.name)).not.toContain('My queue');
  });
});
