import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql, gqlOk } from '../../../test/graphql.js';
import { useTenantPair } from '../../../test/tenant-pair.js';
import { createTicket, GET } from './ticket.fixture.js';

const ASSIGN = `mutation A($id: ID!, $agent: ID) { assignTicket(id: $id, agentId: $agent) { id assignee { id } version } }`;
const CLAIM = `mutation C($id: ID!) { claimTicket(id: $id) { id assignee { id } } }`;
const CREATE_FOR = `mutation C($input: CreateTicketInput!) { createTicket(input: $input) { id channel customer { id email name role } } }`;
const USERS = `{ users(first: 50) { edges { node { id email role active } } } }`;
const input = (extra: Record<string, unknown>) => ({ title: 'Called about the invoice', description: 'On the phone at 10:15', category: 'BILLING', ...extra });

describe.each(await testDatabases())('agent hand-off and tickets opened for customers on %s', (db) => {
  const { server, t, other, tokens } = useTenantPair(db, 'hand');

  const assign = (token: string, id: string, agent: string | null) => gql(server.url, ASSIGN, { id, agent }, { token });

  it('lets an agent hand a ticket they hold to a colleague, and back to the queue', async () => {
    const ticket = await createTicket(server.url, tokens.customer1);
    await gqlOk(server.url, CLAIM, { id: ticket.id }, { token: tokens.agent1 });
    const handed = await assign(tokens.agent1, ticket.id, t.agent2.id);
    expect(handed.data!.assignTicket.assignee).toEqual({ id: t.agent2.id });
    // agent1 no longer holds it: it is agent2's to pass on.
    expect(errorCode(await assign(tokens.agent1, ticket.id, t.agent1.id))).toBe('FORBIDDEN');
    const released = await assign(tokens.agent2, ticket.id, null);
    expect(released.data!.assignTicket.assignee).toBeNull();
    const events = await gqlOk(server.url, `query Q($id: ID!) { ticket(id: $id) { activities { edges { node { type changes { field from to } actor { id } } } } } }`, { id: ticket.id }, { token: tokens.admin });
    const assigned = events.ticket.activities.edges.map((e: { node: unknown }) => e.node).filter((n: { type: string }) => n.type === 'TICKET_ASSIGNED');
    expect(assigned).toEqual([
      { type: 'TICKET_ASSIGNED', changes: [{ field: 'assigneeId', from: t.agent1.id, to: t.agent2.id }], actor: { id: t.agent1.id } },
      { type: 'TICKET_ASSIGNED', changes: [{ field: 'assigneeId', from: t.agent2.id, to: null }], actor: { id: t.agent2.id } },
    ]);
  });

  it('lets an agent assign an unassigned ticket to a colleague, but not take one another agent holds', async () => {
    const ticket = await createTicket(server.url, tokens.customer1);
    expect((await assign(tokens.agent1, ticket.id, t.agent2.id)).data!.assignTicket.assignee).toEqual({ id: t.agent2.id });
    const steal = await assign(tokens.agent1, ticket.id, t.agent1.id);
    expect(errorCode(steal)).toBe('FORBIDDEN');
    expect(errorCode(await assign(tokens.agent1, ticket.id, null))).toBe('FORBIDDEN');
    const unchanged = await gqlOk(server.url, GET, { id: ticket.id }, { token: tokens.admin });
    expect(unchanged.ticket.assignee).toEqual({ id: t.agent2.id });
    // Admins keep assigning anything.
    expect((await assign(tokens.admin, ticket.id, t.agent1.id)).data!.assignTicket.assignee).toEqual({ id: t.agent1.id });
  });

  it('refuses customers, non-agents as targets, and other tenants', async () => {
    const ticket = await createTicket(server.url, tokens.customer1);
    expect(errorCode(await assign(tokens.customer1, ticket.id, t.agent1.id))).toBe('FORBIDDEN');
    expect(errorCode(await assign(tokens.agent1, ticket.id, t.customer2.id))).toBe('BAD_USER_INPUT');
    expect(errorCode(await assign(tokens.agent1, ticket.id, other.agent1.id))).toBe('BAD_USER_INPUT');
    expect(errorCode(await assign(tokens.otherAgent, ticket.id, other.agent1.id))).toBe('NOT_FOUND');
    expect(errorCode(await assign(tokens.otherAdmin, ticket.id, null))).toBe('NOT_FOUND');
  });

  it('lets an agent open a phone ticket for an existing customer', async () => {
    const created = (await gqlOk(server.url, CREATE_FOR, { input: input({ customerId: t.customer2.id, channel: 'PHONE' }) }, { token: tokens.agent1 })).createTicket;
    expect(created).toMatchObject({ channel: 'PHONE', customer: { id: t.customer2.id } });
    const mine = await gqlOk(server.url, `{ tickets(first: 50) { edges { node { id channel } } } }`, {}, { token: tokens.customer2 });
    expect(mine.tickets.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(created.id);
    expect(errorCode(await gql(server.url, CREATE_FOR, { input: input({}) }, { token: tokens.agent1 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(server.url, CREATE_FOR, { input: input({ customerId: t.agent2.id }) }, { token: tokens.agent1 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(server.url, CREATE_FOR, { input: input({ customerId: other.customer1.id }) }, { token: tokens.agent1 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(server.url, CREATE_FOR, { input: input({ customerId: t.customer1.id }) }, { token: tokens.customer2 }))).toBe('FORBIDDEN');
  });

  it('adds a new customer and opens the ticket for them in one transaction', async () => {
    const email = `caller-${Date.now()}@${t.slug}.test`;
    const created = (
      await gqlOk(server.url, CREATE_FOR, { input: input({ channel: 'PHONE', newCustomer: { name: '  Rina Caller ', email: email.toUpperCase() } }) }, { token: tokens.agent2 })
    ).createTicket;
    expect(created.customer).toMatchObject({ email, name: 'Rina Caller', role: 'CUSTOMER' });
    const members = (await gqlOk(server.url, USERS, {}, { token: tokens.admin })).users.edges.map((e: { node: unknown }) => e.node);
    expect(members).toContainEqual({ id: created.customer.id, email, role: 'CUSTOMER', active: true });
    expect(created.channel).toBe('PHONE');

    // The same e-mail again names the existing member instead of adding a second one.
    const twice = await gql(server.url, CREATE_FOR, { input: input({ newCustomer: { name: 'Rina', email } }) }, { token: tokens.agent2 });
    expect(twice.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'MEMBER_EXISTS', userId: created.customer.id });

    // A refused request adds no customer.
    const orphan = `orphan-${Date.now()}@${t.slug}.test`;
    const failed = await gql(server.url, CREATE_FOR, { input: input({ newCustomer: { name: 'Orphan', email: orphan }, customerId: t.customer1.id }) }, { token: tokens.agent2 });
    expect(errorCode(failed)).toBe('BAD_USER_INPUT');
    const idem = `idem-${Date.now()}`;
    const rolledBack = `rolled-${Date.now()}@${t.slug}.test`;
    const first = await gqlOk(server.url, CREATE_FOR, { input: input({ newCustomer: { name: 'Idem', email: rolledBack }, idempotencyKey: idem }) }, { token: tokens.agent2 });
    const repeat = await gqlOk(server.url, CREATE_FOR, { input: input({ newCustomer: { name: 'Idem', email: rolledBack }, idempotencyKey: idem }) }, { token: tokens.agent2 });
    expect(repeat.createTicket.id).toBe(first.createTicket.id);
    const after = (await gqlOk(server.url, USERS, {}, { token: tokens.admin })).users.edges.map((e: { node: { email: string } }) => e.node.email);
    expect(after).not.toContain(orphan);
    expect(after.filter((e: string) => e === rolledBack)).toHaveLength(1);
  });

  it('validates the new customer per field and keeps it to staff', async () => {
    const bad = await gql(server.url, CREATE_FOR, { input: input({ newCustomer: { name: ' ', email: 'not-an-email' } }) }, { token: tokens.agent1 });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(Object.keys(bad.errors![0].extensions!.fields!).sort()).toEqual(['newCustomer.email', 'newCustomer.name']);
    const byCustomer = await gql(server.url, CREATE_FOR, { input: input({ newCustomer: { name: 'Friend', email: `friend@${t.slug}.test` } }) }, { token: tokens.customer1 });
    expect(errorCode(byCustomer)).toBe('FORBIDDEN');
  });

  it('adds one customer when two agents race with the same new e-mail', async () => {
    const email = `race-${Date.now()}@${t.slug}.test`;
    const results = await Promise.all(
      [tokens.agent1, tokens.agent2].map((token) => gql(server.url, CREATE_FOR, { input: input({ newCustomer: { name: 'Racer', email } }) }, { token })),
    );
    const ok = results.filter((r) => !r.errors);
    expect(ok).toHaveLength(1);
    expect(results.map(errorCode).filter(Boolean)).toEqual(['CONFLICT']);
    const customerId = ok[0].data!.createTicket.customer.id;
    const theirs = await gqlOk(server.url, `query Q($c: ID!) { tickets(filter: { customerId: $c }) { totalCount } }`, { c: customerId }, { token: tokens.admin });
    expect(theirs.tickets.totalCount).toBe(1);
  });
});
