import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { gqlOk } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, tokenFor, type TestTenant } from '../../../test/tenants.js';
import { connectedWs, disposeAllWs } from '../../../test/ws.js';
import { createTicket, POST, STATUS } from '../../ticket/__tests__/ticket.fixture.js';

const NOTES = `{ unreadNotificationCount notifications(first: 100) { edges { node { id type ticketId readAt params { ticketNumber ticketTitle actorName status clock level } } } } }`;
type Note = { id: string; type: string; ticketId: string; readAt: string | null; params: Record<string, unknown> };

describe.each(await testDatabases())('notifications on %s', (db) => {
  let server: TestServer;
  let t: TestTenant;
  let other: TestTenant;
  const tok: Record<string, string> = {};
  const notes = async (who: string, ticketId?: string): Promise<Note[]> => {
    const all = (await gqlOk(server.url, NOTES, {}, { token: tok[who] })).notifications.edges.map((e: { node: Note }) => e.node);
    return ticketId ? all.filter((n: Note) => n.ticketId === ticketId) : all;
  };

  beforeAll(async () => {
    server = await startTestServer(db);
    t = await createTestTenant(server.app, 'notes');
    other = await createTestTenant(server.app, 'other');
    for (const who of ['admin', 'agent1', 'agent2', 'customer1', 'customer2'] as const) tok[who] = await tokenFor(server.url, t[who]);
    tok.otherAdmin = await tokenFor(server.url, other.admin);
  });
  afterEach(() => disposeAllWs());
  afterAll(() => server?.stop());

  it('tells the right people, and never the actor', async () => {
    const ticket = await createTicket(server.url, tok.customer1);
    expect((await notes('admin', ticket.id)).map((n) => n.type)).toEqual(['TICKET_CREATED']);
    expect(await notes('customer1', ticket.id)).toEqual([]);
    expect(await notes('agent1', ticket.id)).toEqual([]);

    await gqlOk(server.url, `mutation A($id: ID!, $a: ID) { assignTicket(id: $id, agentId: $a) { id } }`, { id: ticket.id, a: t.agent1.id }, { token: tok.admin });
    expect((await notes('agent1', ticket.id)).map((n) => n.type)).toEqual(['TICKET_ASSIGNED']);
    expect((await notes('admin', ticket.id)).map((n) => n.type)).toEqual(['TICKET_CREATED']);

    await gqlOk(server.url, POST, { input: { ticketId: ticket.id, body: 'internal only', internal: true } }, { token: tok.agent1 });
    expect(await notes('customer1', ticket.id)).toEqual([]);
    await gqlOk(server.url, POST, { input: { ticketId: ticket.id, body: 'We are on it' } }, { token: tok.agent1 });
    expect((await notes('customer1', ticket.id)).map((n) => n.type)).toEqual(['MESSAGE_POSTED']);
    expect((await notes('agent1', ticket.id)).map((n) => n.type)).toEqual(['TICKET_ASSIGNED']);

    await gqlOk(server.url, POST, { input: { ticketId: ticket.id, body: 'Thanks' } }, { token: tok.customer1 });
    expect((await notes('agent1', ticket.id)).map((n) => n.type).sort()).toEqual(['MESSAGE_POSTED', 'TICKET_ASSIGNED']);
    expect((await notes('customer1', ticket.id))).toHaveLength(1);

    await gqlOk(server.url, STATUS, { id: ticket.id, status: 'IN_PROGRESS' }, { token: tok.agent1 });
    const forCustomer = await notes('customer1', ticket.id);
    expect(forCustomer.map((n) => n.type).sort()).toEqual(['MESSAGE_POSTED', 'STATUS_CHANGED']);
    // Stored as data, worded by the client: the ticket, the new status and who changed it.
    expect(forCustomer.find((n) => n.type === 'STATUS_CHANGED')!.params).toEqual({
      ticketNumber: ticket.number,
      ticketTitle: ticket.title,
      actorName: `agent1 of ${t.slug}`,
      status: 'IN_PROGRESS',
      clock: null,
      level: null,
    });
    expect(await notes('customer2', ticket.id)).toEqual([]);
    expect(await notes('otherAdmin')).toEqual([]);

    // Claiming your own ticket tells nobody.
    const other2 = await createTicket(server.url, tok.customer2);
    await gqlOk(server.url, `mutation C($id: ID!) { claimTicket(id: $id) { id } }`, { id: other2.id }, { token: tok.agent2 });
    expect(await notes('agent2', other2.id)).toEqual([]);
  });

  it('treats a partner app reply as the customer side: the assignee hears of it, the customer does not', async () => {
    const ticket = await createTicket(server.url, tok.customer2);
    await gqlOk(server.url, `mutation A($id: ID!, $a: ID) { assignTicket(id: $id, agentId: $a) { id } }`, { id: ticket.id, a: t.agent2.id }, { token: tok.admin });
    const key = await gqlOk(
      server.url,
      `mutation K($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }`,
      { i: { name: 'CRM', scopes: ['TICKETS_READ', 'MESSAGES_WRITE'] } },
      { token: tok.admin },
    );
    await gqlOk(server.url, POST, { input: { ticketId: ticket.id, body: 'Synced from the CRM' } }, { token: key.createApiKey.secret });
    expect((await notes('agent2', ticket.id)).map((n) => n.type).sort()).toEqual(['MESSAGE_POSTED', 'TICKET_ASSIGNED']);
    expect(await notes('customer2', ticket.id)).toEqual([]);
  });

  it('counts unread and marks them read', async () => {
    const before = (await gqlOk(server.url, NOTES, {}, { token: tok.admin })).unreadNotificationCount;
    await createTicket(server.url, tok.customer2);
    const list = await notes('admin');
    expect((await gqlOk(server.url, NOTES, {}, { token: tok.admin })).unreadNotificationCount).toBe(before + 1);
    const one = await gqlOk(server.url, `mutation M($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, { ids: [list[0].id] }, { token: tok.admin });
    expect(one.markNotificationsRead).toBe(1);
    // Someone else's notification id changes nothing.
    const foreign = (await notes('customer1'))[0];
    expect((await gqlOk(server.url, `mutation M($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, { ids: [foreign.id] }, { token: tok.admin })).markNotificationsRead).toBe(0);
    await gqlOk(server.url, `mutation { markNotificationsRead(all: true) }`, {}, { token: tok.admin });
    expect((await gqlOk(server.url, NOTES, {}, { token: tok.admin })).unreadNotificationCount).toBe(0);
    const unread = await gqlOk(server.url, `{ notifications(unreadOnly: true) { totalCount } }`, {}, { token: tok.admin });
    expect(unread.notifications.totalCount).toBe(0);
  });

  it('pushes new notifications to their recipient only', async () => {
    const adminWs = await connectedWs(server.url, tok.admin);
    const agentWs = await connectedWs(server.url, tok.agent2);
    const sub = `subscription { notificationAdded { id type ticketId params { ticketNumber ticketTitle } } }`;
    const forAdmin = adminWs.subscribe(sub);
    const forAgent = agentWs.subscribe(sub);
    const first = await forAdmin.prime(() => createTicket(server.url, tok.customer1), (n: any) => n.type === 'TICKET_CREATED');
    // The pushed notification is the stored one, with its parameters.
    const stored = (await notes('admin')).find((n) => n.id === first.id)!;
    expect(first).toEqual({ id: stored.id, type: 'TICKET_CREATED', ticketId: stored.ticketId, params: { ticketNumber: stored.params.ticketNumber, ticketTitle: 'Printer on fire' } });
    expect(stored.params.ticketNumber).toBeGreaterThanOrEqual(1001);
    await forAgent.expectNothing(500);
  });
});
