import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql, gqlOk } from '../../../test/graphql.js';
import { useTenantPair } from '../../../test/tenant-pair.js';
import { createTicket, GET, POST, STATUS } from './ticket.fixture.js';

describe.each(await testDatabases())('tickets on %s', (db) => {
  const { server, t, other, tokens } = useTenantPair(db, 'tix');

  it('numbers tickets per tenant from 1001 and makes the customer the requester', async () => {
    const a = await createTicket(server.url, tokens.customer1);
    const b = await createTicket(server.url, tokens.customer2);
    const c = await createTicket(server.url, tokens.otherCustomer);
    expect(b.number).toBe(a.number + 1);
    expect(c.number).toBe(1001);
    // Priority is staff triage data: the customer who opened the ticket does not see it (by default).
    expect(a).toMatchObject({ status: 'OPEN', priority: null, channel: 'WEB', version: 1, escalationLevel: 0 });
    expect((await gqlOk(server.url, GET, { id: a.id }, { token: tokens.agent1 })).ticket.priority).toBe('MEDIUM');
    expect((a.customer as { id: string }).id).toBe(t.customer1.id);
  });

  it('gives unique numbers under concurrency', async () => {
    const created = await Promise.all(Array.from({ length: 12 }, () => createTicket(server.url, tokens.customer1)));
    const numbers = created.map((x) => x.number);
    expect(new Set(numbers).size).toBe(12);
  });

  it('lets staff open tickets for customers, naming the customer', async () => {
    const onBehalf = await createTicket(server.url, tokens.admin, { customerId: t.customer2.id, channel: 'EMAIL' });
    expect((onBehalf.customer as { id: string }).id).toBe(t.customer2.id);
    const agent = await gql(server.url, `mutation { createTicket(input: { title: "abc", description: "d", category: BILLING }) { id } }`, {}, { token: tokens.agent1 });
    expect(errorCode(agent)).toBe('BAD_USER_INPUT');
    const notCustomer = await gql(
      server.url,
      `mutation C($c: ID!) { createTicket(input: { title: "abc", description: "d", category: BILLING, customerId: $c }) { id } }`,
      { c: t.agent1.id },
      { token: tokens.admin },
    );
    expect(errorCode(notCustomer)).toBe('BAD_USER_INPUT');
    expect(notCustomer.errors![0].extensions!.fields!.customerId).toBeTruthy();
  });

  it('reports per-field validation errors on create', async () => {
    const bad = await gql(server.url, `mutation { createTicket(input: { title: "x", description: "", category: BILLING, tags: ["Not OK!"] }) { id } }`, {}, { token: tokens.customer1 });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(Object.keys(bad.errors![0].extensions!.fields!).sort()).toEqual(['description', 'tags', 'title']);
  });

  it('hides other customers’ tickets and answers NOT_FOUND across tenants', async () => {
    const mine = await createTicket(server.url, tokens.customer1);
    const theirs = await gql(server.url, GET, { id: mine.id }, { token: tokens.customer2 });
    expect(errorCode(theirs)).toBe('NOT_FOUND');
    for (const token of [tokens.otherAdmin, tokens.otherCustomer]) {
      expect(errorCode(await gql(server.url, GET, { id: mine.id }, { token }))).toBe('NOT_FOUND');
      expect(errorCode(await gql(server.url, STATUS, { id: mine.id, status: 'IN_PROGRESS' }, { token }))).toBe('NOT_FOUND');
      expect(errorCode(await gql(server.url, POST, { input: { ticketId: mine.id, body: 'hi' } }, { token }))).toBe('NOT_FOUND');
      expect(errorCode(await gql(server.url, `query N($n: Int!) { ticketByNumber(number: $n) { id title } }`, { n: mine.number }, { token }))).not.toBe(undefined);
    }
    const list = await gqlOk(server.url, `{ tickets(first: 100) { totalCount edges { node { id customer { id } } } } }`, {}, { token: tokens.customer2 });
    expect(list.tickets.edges.every((e: { node: { customer: { id: string } } }) => e.node.customer.id === t.customer2.id)).toBe(true);
    const otherList = await gqlOk(server.url, `{ tickets(first: 100) { edges { node { id } } } }`, {}, { token: tokens.otherAdmin });
    expect(otherList.tickets.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(mine.id);
  });

  it('enforces the state machine for every pair', async () => {
    const statuses = ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'];
    const legal = new Set(['OPEN>IN_PROGRESS', 'IN_PROGRESS>RESOLVED', 'RESOLVED>CLOSED', 'RESOLVED>IN_PROGRESS', 'OPEN>CLOSED', 'IN_PROGRESS>CLOSED']);
    const path: Record<string, string[]> = { OPEN: [], IN_PROGRESS: ['IN_PROGRESS'], RESOLVED: ['IN_PROGRESS', 'RESOLVED'], CLOSED: ['IN_PROGRESS', 'RESOLVED', 'CLOSED'] };
    for (const from of statuses) {
      for (const to of statuses) {
        const ticket = await createTicket(server.url, tokens.customer1);
        for (const step of path[from]) await gqlOk(server.url, STATUS, { id: ticket.id, status: step }, { token: tokens.admin });
        const result = await gql(server.url, STATUS, { id: ticket.id, status: to }, { token: tokens.admin });
        if (legal.has(`${from}>${to}`)) {
          expect(result.errors, `${from} → ${to}`).toBeUndefined();
          expect(result.data!.changeTicketStatus.status).toBe(to);
        } else {
          expect(errorCode(result), `${from} → ${to}`).toBe('BAD_USER_INPUT');
          expect(result.errors![0].message).toContain(`${from} → ${to}`);
        }
      }
    }
  });

  it('lets only admins close unresolved tickets, and customers only close their resolved ones', async () => {
    const a = await createTicket(server.url, tokens.customer1);
    expect(errorCode(await gql(server.url, STATUS, { id: a.id, status: 'CLOSED' }, { token: tokens.agent1 }))).toBe('FORBIDDEN');
    expect(errorCode(await gql(server.url, STATUS, { id: a.id, status: 'IN_PROGRESS' }, { token: tokens.customer1 }))).toBe('FORBIDDEN');
    await gqlOk(server.url, STATUS, { id: a.id, status: 'IN_PROGRESS' }, { token: tokens.agent1 });
    const resolved = (await gqlOk(server.url, STATUS, { id: a.id, status: 'RESOLVED' }, { token: tokens.agent1 })).changeTicketStatus;
    expect(resolved.resolvedAt).toBeTruthy();
    expect(errorCode(await gql(server.url, STATUS, { id: a.id, status: 'CLOSED' }, { token: tokens.customer2 }))).toBe('NOT_FOUND');
    const closed = (await gqlOk(server.url, STATUS, { id: a.id, status: 'CLOSED' }, { token: tokens.customer1 })).changeTicketStatus;
    expect(closed.status).toBe('CLOSED');
    expect(closed.closedAt).toBeTruthy();
  });

  it('answers CONFLICT on a stale expectedVersion', async () => {
    const a = await createTicket(server.url, tokens.customer1);
    const moved = (await gqlOk(server.url, STATUS, { id: a.id, status: 'IN_PROGRESS', v: 1 }, { token: tokens.agent1 })).changeTicketStatus;
    expect(moved.version).toBe(2);
    const stale = await gql(server.url, STATUS, { id: a.id, status: 'RESOLVED', v: 1 }, { token: tokens.agent2 });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors![0].extensions!.currentVersion).toBe(2);
    const staleUpdate = await gql(
      server.url,
      `mutation U($id: ID!) { updateTicket(id: $id, input: { priority: HIGH }, expectedVersion: 1) { id } }`,
      { id: a.id },
      { token: tokens.agent2 },
    );
    expect(errorCode(staleUpdate)).toBe('CONFLICT');
  });

  it('assigns (admin), claims (agent) and refuses agents reassigning a colleague’s ticket', async () => {
    const a = await createTicket(server.url, tokens.customer1);
    const ASSIGN = `mutation A($id: ID!, $agent: ID) { assignTicket(id: $id, agentId: $agent) { assignee { id } } }`;
    const CLAIM = `mutation C($id: ID!) { claimTicket(id: $id) { assignee { id } version } }`;
    const claimed = await gqlOk(server.url, CLAIM, { id: a.id }, { token: tokens.agent1 });
    expect(errorCode(await gql(server.url, ASSIGN, { id: a.id, agent: t.agent2.id }, { token: tokens.agent2 }))).toBe('FORBIDDEN');
    expect(claimed.claimTicket.assignee.id).toBe(t.agent1.id);
    expect(errorCode(await gql(server.url, CLAIM, { id: a.id }, { token: tokens.agent2 }))).toBe('BAD_USER_INPUT');
    const reassigned = await gqlOk(server.url, ASSIGN, { id: a.id, agent: t.agent2.id }, { token: tokens.admin });
    expect(reassigned.assignTicket.assignee.id).toBe(t.agent2.id);
    expect(errorCode(await gql(server.url, ASSIGN, { id: a.id, agent: t.customer1.id }, { token: tokens.admin }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(server.url, ASSIGN, { id: a.id, agent: other.agent1.id }, { token: tokens.admin }))).toBe('BAD_USER_INPUT');
    const unassigned = await gqlOk(server.url, ASSIGN, { id: a.id, agent: null }, { token: tokens.admin });
    expect(unassigned.assignTicket.assignee).toBeNull();
  });

  it('soft-deletes (admin only) and the ticket disappears', async () => {
    const a = await createTicket(server.url, tokens.customer1);
    const DEL = `mutation D($id: ID!) { deleteTicket(id: $id) { id } }`;
    expect(errorCode(await gql(server.url, DEL, { id: a.id }, { token: tokens.agent1 }))).toBe('FORBIDDEN');
    await gqlOk(server.url, DEL, { id: a.id }, { token: tokens.admin });
    expect(errorCode(await gql(server.url, GET, { id: a.id }, { token: tokens.admin }))).toBe('NOT_FOUND');
    const list = await gqlOk(server.url, `{ tickets(first: 100) { edges { node { id } } } }`, {}, { token: tokens.admin });
    expect(list.tickets.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(a.id);
  });

  it('returns the first result for a repeated idempotency key, even when the tries race', async () => {
    const key = `key-${Math.random()}`;
    const [x, y] = await Promise.all([
      createTicket(server.url, tokens.customer2, { idempotencyKey: key }),
      createTicket(server.url, tokens.customer2, { idempotencyKey: key }),
    ]);
    const z = await createTicket(server.url, tokens.customer2, { idempotencyKey: key });
    expect(new Set([x.id, y.id, z.id]).size).toBe(1);
    const other = await createTicket(server.url, tokens.customer1, { idempotencyKey: key });
    expect(other.id).not.toBe(x.id);

    const body = { ticketId: x.id, body: 'Any update?', idempotencyKey: key };
    const m1 = await gqlOk(server.url, POST, { input: body }, { token: tokens.customer2 });
    const m2 = await gqlOk(server.url, POST, { input: body }, { token: tokens.customer2 });
    expect(m2.postMessage.id).toBe(m1.postMessage.id);
    const count = await gqlOk(server.url, `query Q($id: ID!) { ticket(id: $id) { messageCount } }`, { id: x.id }, { token: tokens.admin });
    expect(count.ticket.messageCount).toBe(1);
  });
});
