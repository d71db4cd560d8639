import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql, gqlOk } from '../../../test/graphql.js';
import { createTestTenant, tokenFor } from '../../../test/tenants.js';
import { useTenantPair } from '../../../test/tenant-pair.js';
import { connectedWs, disposeAllWs } from '../../../test/ws.js';
import { createTicket } from './ticket.fixture.js';

const VIEW = `query V($id: ID!) { ticket(id: $id) { id title priority tags activities { totalCount edges { node { type tag changes { field from to } summary } } } } }`;
const LIST = `{ tickets(first: 50) { edges { node { id priority tags } } } }`;
const FEED = `query F($after: String) { ticketEventFeed(after: $after, first: 100) { edges { node { type ticketId tag changes { field } ticket { priority tags } } } } }`;
const UPDATE = `mutation U($id: ID!, $input: UpdateTicketInput!) { updateTicket(id: $id, input: $input) { id version } }`;
const SETTINGS = `mutation S($v: Boolean!) { updateWorkspaceSettings(input: { customersSeePriority: $v }) { customersSeePriority } }`;
const EVENTS = `subscription E($filter: TicketEventFilter) { ticketEvents(filter: $filter) { type ticketId tag changes { field from to } ticket { title priority tags } } }`;

interface Activity {
  type: string;
  tag: string | null;
  changes: Array<{ field: string; from: string; to: string }>;
  summary: string;
}

describe.each(await testDatabases())('staff-only triage data on %s', (db) => {
  const { server, tokens } = useTenantPair(db, 'triage');
  afterEach(() => disposeAllWs());
  afterAll(async () => {
    await disposeAllWs();
  });

  /** A ticket triaged by staff: a tag, a priority-only update, and an update of title and priority together. */
  async function triaged() {
    const ticket = await createTicket(server.url, tokens.customer1, { title: 'Invoice is wrong' });
    await gqlOk(server.url, UPDATE, { id: ticket.id, input: { tags: ['vip'] } }, { token: tokens.agent1 });
    await gqlOk(server.url, UPDATE, { id: ticket.id, input: { priority: 'HIGH' } }, { token: tokens.agent1 });
    await gqlOk(server.url, UPDATE, { id: ticket.id, input: { priority: 'LOW', title: 'Invoice #42 is wrong' } }, { token: tokens.agent1 });
    return ticket;
  }

  const view = async (token: string, id: string) => (await gqlOk(server.url, VIEW, { id }, { token })).ticket;

  it('keeps tags, priority and their changes from customers over HTTP, and shows them to staff', async () => {
    const ticket = await triaged();
    const staff = await view(tokens.agent1, ticket.id);
    expect(staff).toMatchObject({ priority: 'LOW', tags: ['vip'] });
    const staffTypes = staff.activities.edges.map((e: { node: Activity }) => e.node.type);
    expect(staffTypes).toEqual(['TICKET_CREATED', 'TAG_ADDED', 'TICKET_UPDATED', 'TICKET_UPDATED']);

    const customer = await view(tokens.customer1, ticket.id);
    expect(customer).toMatchObject({ title: 'Invoice #42 is wrong', priority: null, tags: [] });
    const nodes: Activity[] = customer.activities.edges.map((e: { node: Activity }) => e.node);
    expect(customer.activities.totalCount).toBe(2);
    expect(nodes.map((n) => n.type)).toEqual(['TICKET_CREATED', 'TICKET_UPDATED']);
    expect(nodes[1].changes).toEqual([{ field: 'title', from: 'Invoice is wrong', to: 'Invoice #42 is wrong' }]);
    expect(JSON.stringify(nodes)).not.toMatch(/priority|vip|HIGH|LOW/i);

    const list = await gqlOk(server.url, LIST, {}, { token: tokens.customer1 });
    const row = list.tickets.edges.find((e: { node: { id: string } }) => e.node.id === ticket.id).node;
    expect(row).toEqual({ id: ticket.id, priority: null, tags: [] });

    const feed = await gqlOk(server.url, FEED, {}, { token: tokens.customer1 });
    const mine = feed.ticketEventFeed.edges.map((e: { node: { ticketId: string } }) => e.node).filter((n: { ticketId: string }) => n.ticketId === ticket.id);
    expect(mine.map((n: { type: string }) => n.type)).toEqual(['TICKET_CREATED', 'TICKET_UPDATED']);
    expect(JSON.stringify(mine)).not.toMatch(/vip|HIGH|"LOW"|"field":"priority"/);
    expect(mine.every((n: { ticket: { priority: string | null; tags: string[] } }) => n.ticket.priority === null && n.ticket.tags.length === 0)).toBe(true);
  });

  it('refuses customers filtering or sorting by what they cannot see', async () => {
    const byTag = await gql(server.url, `{ tickets(filter: { tag: "vip" }) { totalCount } }`, {}, { token: tokens.customer1 });
    expect(errorCode(byTag)).toBe('BAD_USER_INPUT');
    expect(byTag.errors![0].extensions!.fields).toHaveProperty('tag');
    expect(errorCode(await gql(server.url, `{ tickets(filter: { priority: HIGH }) { totalCount } }`, {}, { token: tokens.customer1 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(server.url, `{ tickets(orderBy: { field: PRIORITY }) { totalCount } }`, {}, { token: tokens.customer1 }))).toBe('BAD_USER_INPUT');
    expect((await gqlOk(server.url, `{ tickets(filter: { tag: "vip" }) { totalCount } }`, {}, { token: tokens.agent1 })).tickets.totalCount).toBeGreaterThanOrEqual(0);
  });

  it('never sends tags or priority to a customer over WebSocket, while staff get them', async () => {
    const ticket = await createTicket(server.url, tokens.customer1, { title: 'Router blinks' });
    const customerWs = await connectedWs(server.url, tokens.customer1);
    const staffWs = await connectedWs(server.url, tokens.agent1);
    const filter = { ticketId: ticket.id };
    const customerSub = customerWs.subscribe(EVENTS, { filter });
    const staffSub = staffWs.subscribe(EVENTS, { filter });
    const rename = (title: string) => gqlOk(server.url, UPDATE, { id: ticket.id, input: { title } }, { token: tokens.agent1 });
    let n = 0;
    await customerSub.prime(() => rename(`Router blinks ${++n}`));
    await staffSub.prime(() => rename(`Router blinks ${++n}`), (e) => e.ticket.title === `Router blinks ${n}`);
    await customerSub.waitFor((e) => e.ticket.title === `Router blinks ${n}`);

    await gqlOk(server.url, UPDATE, { id: ticket.id, input: { tags: ['vip'] } }, { token: tokens.agent1 });
    await gqlOk(server.url, UPDATE, { id: ticket.id, input: { priority: 'HIGH' } }, { token: tokens.agent1 });
    await gqlOk(server.url, UPDATE, { id: ticket.id, input: { priority: 'LOW', title: 'Router blinks red' } }, { token: tokens.agent1 });

    const staffSeen = [await staffSub.waitFor((e) => e.type === 'TAG_ADDED'), await staffSub.nextEvent(), await staffSub.nextEvent()];
    expect(staffSeen.map((e) => e.type)).toEqual(['TAG_ADDED', 'TICKET_UPDATED', 'TICKET_UPDATED']);
    expect(staffSeen[2].ticket).toMatchObject({ priority: 'LOW', tags: ['vip'] });

    // Events arrive in order: the next one a customer gets is the rename, so the tag and priority events never came.
    const seen = await customerSub.nextEvent();
    expect(seen.changes).toEqual([{ field: 'title', from: `Router blinks ${n}`, to: 'Router blinks red' }]);
    expect(seen.ticket).toEqual({ title: 'Router blinks red', priority: null, tags: [] });
    await customerSub.expectNothing(300);
    expect(JSON.stringify(customerSub.events)).not.toMatch(/vip|HIGH|"LOW"|"field":"priority"/);
  });

  it('shows priority to customers when the workspace says so (tags stay hidden); admins only set it', async () => {
    const t2 = await createTestTenant(server.app, 'triage-on');
    const admin = await tokenFor(server.url, t2.admin);
    const agent = await tokenFor(server.url, t2.agent1);
    const customer = await tokenFor(server.url, t2.customer1);
    expect(errorCode(await gql(server.url, SETTINGS, { v: true }, { token: agent }))).toBe('FORBIDDEN');
    expect((await gqlOk(server.url, `{ workspaceSettings { customersSeePriority } }`, {}, { token: admin })).workspaceSettings.customersSeePriority).toBe(false);
    expect((await gqlOk(server.url, SETTINGS, { v: true }, { token: admin })).updateWorkspaceSettings.customersSeePriority).toBe(true);
    // Another tenant's setting is its own.
    expect((await gqlOk(server.url, `{ workspaceSettings { customersSeePriority } }`, {}, { token: tokens.otherAdmin })).workspaceSettings.customersSeePriority).toBe(false);

    const ticket = await createTicket(server.url, customer, { title: 'Cannot log in' });
    const ws = await connectedWs(server.url, customer);
    const sub = ws.subscribe(EVENTS, { filter: { ticketId: ticket.id } });
    await sub.prime(() => gqlOk(server.url, UPDATE, { id: ticket.id, input: { title: `Cannot log in ${Math.random()}` } }, { token: agent }));
    await gqlOk(server.url, UPDATE, { id: ticket.id, input: { tags: ['vip'] } }, { token: agent });
    await gqlOk(server.url, UPDATE, { id: ticket.id, input: { priority: 'HIGH' } }, { token: agent });
    const live = await sub.waitFor((e) => e.type === 'TICKET_UPDATED' && e.changes.some((c: { field: string }) => c.field === 'priority'));
    expect(live.changes).toEqual([{ field: 'priority', from: 'MEDIUM', to: 'HIGH' }]);
    expect(live.ticket).toMatchObject({ priority: 'HIGH', tags: [] });
    expect(sub.events.some((e) => e.type === 'TAG_ADDED')).toBe(false);

    const seen = await view(customer, ticket.id);
    expect(seen).toMatchObject({ priority: 'HIGH', tags: [] });
    const types = seen.activities.edges.map((e: { node: Activity }) => e.node.type);
    expect(types).not.toContain('TAG_ADDED');
    expect(seen.activities.edges.at(-1).node.changes).toEqual([{ field: 'priority', from: 'MEDIUM', to: 'HIGH' }]);
    expect((await gqlOk(server.url, `{ tickets(filter: { priority: HIGH }) { totalCount } }`, {}, { token: customer })).tickets.totalCount).toBe(1);

    await gqlOk(server.url, SETTINGS, { v: false }, { token: admin });
    expect((await view(customer, ticket.id)).priority).toBeNull();
  });
});
