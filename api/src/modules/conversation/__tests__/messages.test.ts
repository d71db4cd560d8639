import { describe, expect, it } from 'vitest';
import { TENANT_FILTER } from '../../../platform/db/base.entity.js';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql, gqlOk } from '../../../test/graphql.js';
import { useTenantPair } from '../../../test/tenant-pair.js';
import { createTicket, STATUS } from '../../ticket/__tests__/ticket.fixture.js';
import { Message } from '../message.entity.js';
import { activities, postMessage, postOk, viewTicket, walk, type MessagePage } from './conversation.fixture.js';

const TICKET_LIST = /* GraphQL */ `
  query List { tickets(first: 100) { edges { node { id messageCount lastMessage { id internal } } } } }
`;

describe.each(await testDatabases())('messages on %s', (db) => {
  const { server, t, tokens } = useTenantPair(db, 'msg');

  const setStatus = (id: string, status: string, token = tokens.admin) => gqlOk(server.url, STATUS, { id, status }, { token });

  it('lets a customer reply on their own ticket, authored by them', async () => {
    const ticket = await createTicket(server.url, tokens.customer1);
    const m = await postOk(server.url, tokens.customer1, ticket.id, '  Still smoking  ');
    expect(m).toMatchObject({ body: 'Still smoking', internal: false, author: { id: t.customer1.id }, attachments: [] });
    const agentReply = await postOk(server.url, tokens.agent1, ticket.id, 'On my way');
    expect(agentReply.author!.id).toBe(t.agent1.id);
    const view = await viewTicket(server.url, tokens.customer1, ticket.id);
    expect(view.messages.edges.map((e) => [e.node.id, e.node.author!.id])).toEqual([
      [m.id, t.customer1.id],
      [agentReply.id, t.agent1.id],
    ]);
    expect(view.messageCount).toBe(2);
    expect(view.lastMessage!.id).toBe(agentReply.id);
  });

  it('stamps firstResponseAt with the first public staff reply only', async () => {
    const ticket = await createTicket(server.url, tokens.customer1);
    await postOk(server.url, tokens.customer1, ticket.id, 'Hello?');
    expect((await viewTicket(server.url, tokens.admin, ticket.id)).firstResponseAt).toBeNull();
    await postOk(server.url, tokens.agent1, ticket.id, 'Looking into it quietly', { internal: true });
    expect((await viewTicket(server.url, tokens.admin, ticket.id)).firstResponseAt).toBeNull();

    const before = Date.now();
    await postOk(server.url, tokens.agent1, ticket.id, 'We are on it');
    const first = (await viewTicket(server.url, tokens.admin, ticket.id)).firstResponseAt;
    expect(first).not.toBeNull();
    expect(new Date(first!).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(new Date(first!).getTime()).toBeLessThanOrEqual(Date.now() + 1000);

    await new Promise((ok) => setTimeout(ok, 20));
    await postOk(server.url, tokens.agent2, ticket.id, 'Second reply');
    await postOk(server.url, tokens.customer1, ticket.id, 'Thanks');
    expect((await viewTicket(server.url, tokens.customer1, ticket.id)).firstResponseAt).toBe(first);
  });

  it('shows internal notes to staff only: messages, lastMessage, messageCount and activities', async () => {
    const ticket = await createTicket(server.url, tokens.customer1);
    await postOk(server.url, tokens.customer1, ticket.id, 'Public question');
    const publicReply = await postOk(server.url, tokens.agent1, ticket.id, 'Public answer');
    const note = await postOk(server.url, tokens.agent1, ticket.id, 'Customer seems confused', { internal: true });
    expect(note.internal).toBe(true);

    for (const token of [tokens.agent1, tokens.agent2, tokens.admin]) {
      const staff = await viewTicket(server.url, token, ticket.id);
      expect(staff.messageCount).toBe(3);
      expect(staff.messages.totalCount).toBe(3);
      expect(staff.lastMessage).toMatchObject({ id: note.id, internal: true });
      expect(staff.messages.edges.map((e) => e.node.id)).toContain(note.id);
      const staffEvents = (await activities(server.url, token, ticket.id)).edges.map((e) => e.node);
      expect(staffEvents.filter((e) => e.type === 'MESSAGE_POSTED').map((e) => e.messageId)).toContain(note.id);
    }

    const customer = await viewTicket(server.url, tokens.customer1, ticket.id);
    expect(customer.messageCount).toBe(2);
    expect(customer.messages.totalCount).toBe(2);
    expect(customer.lastMessage).toMatchObject({ id: publicReply.id, internal: false });
    expect(customer.messages.edges.map((e) => e.node.id)).not.toContain(note.id);
    expect(customer.messages.edges.every((e) => !e.node.internal)).toBe(true);
    const customerEvents = await activities(server.url, tokens.customer1, ticket.id);
    const posted = customerEvents.edges.map((e) => e.node).filter((e) => e.type === 'MESSAGE_POSTED');
    expect(posted).toHaveLength(2);
    expect(posted.map((e) => e.messageId)).not.toContain(note.id);
    expect(customerEvents.edges.some((e) => e.node.summary.includes('internal'))).toBe(false);

    // The batched list loaders apply the same rule.
    const list = await gqlOk(server.url, TICKET_LIST, {}, { token: tokens.customer1 });
    const row = list.tickets.edges.find((e: { node: { id: string } }) => e.node.id === ticket.id).node;
    expect(row).toMatchObject({ messageCount: 2, lastMessage: { id: publicReply.id, internal: false } });
    const staffList = await gqlOk(server.url, TICKET_LIST, {}, { token: tokens.agent1 });
    const staffRow = staffList.tickets.edges.find((e: { node: { id: string } }) => e.node.id === ticket.id).node;
    expect(staffRow).toMatchObject({ messageCount: 3, lastMessage: { id: note.id, internal: true } });

    // A customer cannot read a note by asking for it through another ticket list either.
    const customer2 = await gqlOk(server.url, TICKET_LIST, {}, { token: tokens.customer2 });
    expect(customer2.tickets.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(ticket.id);
  });

  it('refuses internal notes from customers', async () => {
    const ticket = await createTicket(server.url, tokens.customer1);
    const result = await postMessage(server.url, tokens.customer1, { ticketId: ticket.id, body: 'sneaky', internal: true });
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect((await viewTicket(server.url, tokens.admin, ticket.id)).messageCount).toBe(0);
  });

  it('reopens a resolved ticket when the customer replies, and records the status change', async () => {
    const ticket = await createTicket(server.url, tokens.customer1);
    await setStatus(ticket.id, 'IN_PROGRESS');
    const resolved = (await setStatus(ticket.id, 'RESOLVED')).changeTicketStatus;
    expect(resolved.resolvedAt).toBeTruthy();

    // A staff reply does not reopen it.
    await postOk(server.url, tokens.agent1, ticket.id, 'Fixed, please confirm');
    const stillResolved = await viewTicket(server.url, tokens.admin, ticket.id);
    expect(stillResolved.status).toBe('RESOLVED');
    expect(stillResolved.version).toBe(resolved.version);

    const reply = await postOk(server.url, tokens.customer1, ticket.id, 'It is not fixed');
    const reopened = await viewTicket(server.url, tokens.customer1, ticket.id);
    expect(reopened.status).toBe('IN_PROGRESS');
    expect(reopened.resolvedAt).toBeNull();
    expect(reopened.version).toBe(resolved.version + 1);

    const events = (await activities(server.url, tokens.customer1, ticket.id)).edges.map((e) => e.node);
    const [posted, changed] = events.slice(-2);
    expect(posted).toMatchObject({ type: 'MESSAGE_POSTED', messageId: reply.id, actorId: t.customer1.id });
    expect(changed).toMatchObject({ type: 'STATUS_CHANGED', actorId: t.customer1.id, changes: [{ field: 'status', from: 'RESOLVED', to: 'IN_PROGRESS' }] });
    expect(changed.seq).toBeGreaterThan(posted.seq);
  });

  it('refuses messages on a closed ticket', async () => {
    const ticket = await createTicket(server.url, tokens.customer1);
    await setStatus(ticket.id, 'CLOSED');
    for (const token of [tokens.customer1, tokens.agent1, tokens.admin]) {
      const result = await postMessage(server.url, token, { ticketId: ticket.id, body: 'Anyone there?' });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions!.fields!.ticketId).toBeTruthy();
    }
    expect(errorCode(await postMessage(server.url, tokens.agent1, { ticketId: ticket.id, body: 'note', internal: true }))).toBe('BAD_USER_INPUT');
    const view = await viewTicket(server.url, tokens.admin, ticket.id);
    expect(view.messageCount).toBe(0);
    expect(view.status).toBe('CLOSED');
  });

  it('answers NOT_FOUND for other customers’ tickets and other tenants', async () => {
    const ticket = await createTicket(server.url, tokens.customer1);
    for (const token of [tokens.customer2, tokens.otherAdmin, tokens.otherCustomer]) {
      expect(errorCode(await postMessage(server.url, token, { ticketId: ticket.id, body: 'Let me in' }))).toBe('NOT_FOUND');
    }
    expect(errorCode(await postMessage(server.url, tokens.otherAdmin, { ticketId: ticket.id, body: 'note', internal: true }))).toBe('NOT_FOUND');
    expect((await viewTicket(server.url, tokens.admin, ticket.id)).messageCount).toBe(0);
  });

  it('pages messages oldest first, ties broken by id, without duplicates', async () => {
    const ticket = await createTicket(server.url, tokens.customer1);
    const posted: Array<{ id: string; internal: boolean }> = [];
    for (let i = 0; i < 7; i++) {
      const internal = i === 3;
      const token = i % 2 === 0 ? tokens.customer1 : tokens.agent1;
      const m = await postOk(server.url, token, ticket.id, `message ${i}`, { internal });
      posted.push({ id: m.id, internal });
    }
    // Give messages 1..6 the same timestamp so the id must decide their order across page
    // boundaries and which one is the last message.
    const em = server.app.orm.em.fork();
    em.setFilterParams(TENANT_FILTER, { tenantId: t.id });
    const same = new Date(Date.now() + 60_000);
    const tied = posted.slice(1);
    await em.nativeUpdate(Message, { id: { $in: tied.map((p) => p.id) } }, { createdAt: same });
    const expectedOrder = [posted[0].id, ...tied.map((p) => p.id).sort()];

    const staffPages = await walk((after) => viewTicket(server.url, tokens.agent2, ticket.id, 3, after).then((v) => v.messages));
    expect(staffPages.map((p) => p.edges.length)).toEqual([3, 3, 1]);
    expect(staffPages.map((p) => p.pageInfo.hasPreviousPage)).toEqual([false, true, true]);
    expect(staffPages.every((p) => p.totalCount === 7)).toBe(true);
    const staffNodes = staffPages.flatMap((p: MessagePage) => p.edges.map((e) => e.node));
    expect(new Set(staffNodes.slice(1).map((n) => n.createdAt))).toEqual(new Set([same.toISOString()]));
    const staffIds = staffNodes.map((n) => n.id);
    expect(staffIds).toEqual(expectedOrder);
    const customerOrder = expectedOrder.filter((id) => id !== posted[3].id);
    expect((await viewTicket(server.url, tokens.agent2, ticket.id, 1)).lastMessage!.id).toBe(expectedOrder.at(-1));
    expect((await viewTicket(server.url, tokens.customer1, ticket.id, 1)).lastMessage!.id).toBe(customerOrder.at(-1));
    for (const page of staffPages) {
      expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
    }

    const customerPages = await walk((after) => viewTicket(server.url, tokens.customer1, ticket.id, 3, after).then((v) => v.messages));
    const customerIds = customerPages.flatMap((p) => p.edges.map((e) => e.node.id));
    expect(customerPages.map((p) => p.edges.length)).toEqual([3, 3]);
    expect(customerPages[0].totalCount).toBe(6);
    expect(customerIds).toEqual(customerOrder);
    expect(new Set(customerIds).size).toBe(customerIds.length);
  });

  it('walks messages posted at full speed with no duplicates or gaps', async () => {
    const ticket = await createTicket(server.url, tokens.customer1);
    const ids = await Promise.all(Array.from({ length: 7 }, (_, i) => postOk(server.url, i % 2 ? tokens.agent1 : tokens.customer1, ticket.id, `burst ${i}`).then((m) => m.id)));
    const pages = await walk((after) => viewTicket(server.url, tokens.customer1, ticket.id, 3, after).then((v) => v.messages));
    const nodes = pages.flatMap((p) => p.edges.map((e) => e.node));
    expect(nodes.map((n) => n.id).sort()).toEqual([...ids].sort());
    for (let i = 1; i < nodes.length; i++) {
      const [a, b] = [nodes[i - 1], nodes[i]];
      const ordered = a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);
      expect(ordered, `${a.id}@${a.createdAt} before ${b.id}@${b.createdAt}`).toBe(true);
    }
  });

  it('rejects an empty body with a field error', async () => {
    const ticket = await createTicket(server.url, tokens.customer1);
    for (const token of [tokens.customer1, tokens.agent1]) {
      const result = await postMessage(server.url, token, { ticketId: ticket.id, body: '' });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions!.fields!.body).toBeTruthy();
    }
    // A body of only whitespace would be stored as an empty message after trimming.
    const blank = await postMessage(server.url, tokens.customer1, { ticketId: ticket.id, body: ' \n\t ' });
    expect(errorCode(blank)).toBe('BAD_USER_INPUT');
    expect(blank.errors![0].extensions!.fields!.body).toBeTruthy();
    const tooLong = await postMessage(server.url, tokens.customer1, { ticketId: ticket.id, body: 'x'.repeat(20_001) });
    expect(tooLong.errors![0].extensions!.fields!.body).toBeTruthy();
    expect((await viewTicket(server.url, tokens.admin, ticket.id)).messageCount).toBe(0);
  });

  it('keeps the other tenant’s conversation separate', async () => {
    const mine = await createTicket(server.url, tokens.customer1);
    const theirs = await createTicket(server.url, tokens.otherCustomer);
    await postOk(server.url, tokens.customer1, mine.id, 'mine');
    await postOk(server.url, tokens.otherCustomer, theirs.id, 'theirs');
    expect(errorCode(await gql(server.url, `query Q($id: ID!) { ticket(id: $id) { messages { totalCount } } }`, { id: theirs.id }, { token: tokens.admin }))).toBe('NOT_FOUND');
    const view = await viewTicket(server.url, tokens.otherAdmin, theirs.id);
    expect(view.messages.edges.map((e) => e.node.body)).toEqual(['theirs']);
  });
});
