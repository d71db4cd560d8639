import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql, gqlOk } from '../../../test/graphql.js';
import { useTenantPair } from '../../../test/tenant-pair.js';
import { createTicket, GET } from '../../ticket/__tests__/ticket.fixture.js';

const BULK = `mutation B($i: BulkUpdateTicketsInput!) { bulkUpdateTickets(input: $i) {
  updated { id status priority tags assignee { id } } failures { id code message } } }`;
const ACTIVITIES = `query A($id: ID!) { ticket(id: $id) { activities(first: 50) { edges { node { type changes { field from to } tag } } } } }`;
const ASSIGN = `mutation A($id: ID!, $a: ID) { assignTicket(id: $id, agentId: $a) { id } }`;

describe.each(await testDatabases())('bulk ticket updates on %s', (db) => {
  const { server, t, tokens: tok } = useTenantPair(db, 'bulk');

  it('changes every ticket through the ticket rules, with the usual events', async () => {
    const a = await createTicket(server.url, tok.customer1, { tags: ['old'] });
    const b = await createTicket(server.url, tok.customer1);
    const result = (
      await gqlOk(server.url, BULK, { i: { ids: [a.id, b.id], status: 'IN_PROGRESS', priority: 'HIGH', assigneeId: t.agent1.id, addTags: ['vip', 'billing'], removeTags: ['old'] } }, { token: tok.agent1 })
    ).bulkUpdateTickets;
    expect(result.failures).toEqual([]);
    expect(result.updated.map((x: any) => x.id)).toEqual([a.id, b.id]);
    for (const x of result.updated) {
      expect(x).toMatchObject({ status: 'IN_PROGRESS', priority: 'HIGH', tags: ['billing', 'vip'], assignee: { id: t.agent1.id } });
    }
    const types = (await gqlOk(server.url, ACTIVITIES, { id: a.id }, { token: tok.agent1 })).ticket.activities.edges.map((e: any) => e.node.type);
    expect(types).toEqual(expect.arrayContaining(['STATUS_CHANGED', 'TICKET_UPDATED', 'TICKET_ASSIGNED', 'TAG_ADDED', 'TAG_REMOVED']));
  });

  it("respects each ticket's permissions and reports the refused ones, changing the rest", async () => {
    const held = await createTicket(server.url, tok.customer1);
    await gqlOk(server.url, ASSIGN, { id: held.id, a: t.agent2.id }, { token: tok.admin });
    const free = await createTicket(server.url, tok.customer1);
    const closed = await createTicket(server.url, tok.customer1);
    await gqlOk(server.url, `mutation S($id: ID!) { changeTicketStatus(id: $id, status: CLOSED) { id } }`, { id: closed.id }, { token: tok.admin });
    const foreign = await createTicket(server.url, tok.otherCustomer, { customerId: undefined });

    // Agent one may not take a ticket agent two holds, nor reopen a closed one; another tenant's ticket does not exist.
    const result = (
      await gqlOk(server.url, BULK, { i: { ids: [held.id, free.id, closed.id, foreign.id], status: 'IN_PROGRESS', assigneeId: t.agent1.id } }, { token: tok.agent1 })
    ).bulkUpdateTickets;
    expect(result.updated.map((x: any) => x.id)).toEqual([free.id]);
    const byId = Object.fromEntries(result.failures.map((f: any) => [f.id, f.code]));
    expect(byId).toEqual({ [held.id]: 'FORBIDDEN', [closed.id]: 'BAD_USER_INPUT', [foreign.id]: 'NOT_FOUND' });

    // A refused ticket changed nothing at all (its status change rolled back with the assignment).
    const heldNow = (await gqlOk(server.url, GET, { id: held.id }, { token: tok.admin })).ticket;
    expect(heldNow).toMatchObject({ status: 'OPEN', assignee: { id: t.agent2.id } });
    const foreignNow = (await gqlOk(server.url, GET, { id: foreign.id }, { token: tok.otherCustomer })).ticket;
    expect(foreignNow.status).toBe('OPEN');
  });

  it('refuses customers, and bad input per field', async () => {
    const mine = await createTicket(server.url, tok.customer1);
    expect(errorCode(await gql(server.url, BULK, { i: { ids: [mine.id], status: 'CLOSED' } }, { token: tok.customer1 }))).toBe('FORBIDDEN');
    const bad = await gql(server.url, BULK, { i: { ids: [], addTags: ['Not a tag!'] } }, { token: tok.agent1 });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(Object.keys(bad.errors![0]!.extensions!.fields!)).toEqual(expect.arrayContaining(['ids', 'addTags']));
    const unknownAgent = (await gqlOk(server.url, BULK, { i: { ids: [mine.id], assigneeId: t.customer1.id } }, { token: tok.admin })).bulkUpdateTickets;
    expect(unknownAgent.failures).toEqual([{ id: mine.id, code: 'BAD_USER_INPUT', message: expect.stringContaining('assigneeId') }]);
  });
});
