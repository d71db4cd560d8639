import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql, gqlOk } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, tokenFor, type TestTenant } from '../../../test/tenants.js';
import { activities, CLAIM, postMessage, postOk, UPDATE, walk, type Activity } from '../../conversation/__tests__/conversation.fixture.js';
import { createTicket, STATUS } from '../../ticket/__tests__/ticket.fixture.js';

const seqs = (events: Activity[]) => events.map((e) => e.seq);
const strictlyIncreasing = (values: number[]) => values.every((v, i) => i === 0 || v > values[i - 1]);

describe.each(await testDatabases())('activities on %s', (db) => {
  let server: TestServer;
  let t: TestTenant;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(db);
    t = await createTestTenant(server.app, 'act');
    for (const who of ['admin', 'agent1', 'agent2', 'customer1', 'customer2'] as const) tokens[who] = await tokenFor(server.url, t[who]);
  });
  afterAll(() => server?.stop());

  const all = async (ticketId: string, token = tokens.admin) => (await activities(server.url, token, ticketId, 100)).edges.map((e) => e.node);

  it('records each change as a typed event, in order, with actor, changes and summary', async () => {
    const ticket = await createTicket(server.url, tokens.customer1, { title: 'Printer on fire', tags: ['alpha', 'beta'] });
    const updated = await gqlOk(server.url, UPDATE, { id: ticket.id, input: { title: 'Printer still on fire', priority: 'HIGH' } }, { token: tokens.agent1 });
    expect(updated.updateTicket.version).toBe(2);
    await gqlOk(server.url, UPDATE, { id: ticket.id, input: { tags: ['gamma', 'beta', 'delta'] } }, { token: tokens.agent2 });
    await gqlOk(server.url, CLAIM, { id: ticket.id }, { token: tokens.agent1 });
    await gqlOk(server.url, STATUS, { id: ticket.id, status: 'IN_PROGRESS' }, { token: tokens.agent1 });
    const message = await postOk(server.url, tokens.agent1, ticket.id, 'Extinguisher on the way');

    // Customers see the same timeline without the staff triage data (tags and priority).
    const customerView = await activities(server.url, tokens.customer1, ticket.id, 50);
    expect(customerView.totalCount).toBe(5);
    expect(customerView.edges.map((e) => e.node.type)).toEqual(['TICKET_CREATED', 'TICKET_UPDATED', 'TICKET_CLAIMED', 'STATUS_CHANGED', 'MESSAGE_POSTED']);
    expect(customerView.edges[1].node.changes).toEqual([{ field: 'title', from: 'Printer on fire', to: 'Printer still on fire' }]);
    expect(customerView.edges[1].node.summary).not.toContain('priority');

    for (const token of [tokens.admin, tokens.agent2]) {
      const page = await activities(server.url, token, ticket.id, 50);
      const events = page.edges.map((e) => e.node);
      expect(page.totalCount).toBe(8);
      expect(events.map((e) => e.type)).toEqual([
        'TICKET_CREATED',
        'TICKET_UPDATED',
        'TAG_ADDED',
        'TAG_ADDED',
        'TAG_REMOVED',
        'TICKET_CLAIMED',
        'STATUS_CHANGED',
        'MESSAGE_POSTED',
      ]);
      expect(strictlyIncreasing(seqs(events))).toBe(true);
      expect(events.map((e) => e.actorId)).toEqual([t.customer1.id, t.agent1.id, t.agent2.id, t.agent2.id, t.agent2.id, t.agent1.id, t.agent1.id, t.agent1.id]);
      expect(events.every((e) => e.actor?.id === e.actorId)).toBe(true);
      expect(events.every((e) => e.summary.trim().length > 0)).toBe(true);
      expect(new Set(events.map((e) => e.id)).size).toBe(8);

      const [created, update, added1, added2, removed, claimed, status, posted] = events;
      expect(created.changes).toEqual([]);
      expect(update.changes).toEqual([
        { field: 'title', from: 'Printer on fire', to: 'Printer still on fire' },
        { field: 'priority', from: 'MEDIUM', to: 'HIGH' },
      ]);
      expect(update.summary).toContain('title');
      expect([added1.tag, added2.tag].sort()).toEqual(['delta', 'gamma']);
      expect(removed.tag).toBe('alpha');
      expect(removed.summary).toContain('alpha');
      expect(claimed.changes).toEqual([{ field: 'assigneeId', from: null, to: t.agent1.id }]);
      expect(status.changes).toEqual([{ field: 'status', from: 'OPEN', to: 'IN_PROGRESS' }]);
      expect(posted.messageId).toBe(message.id);
      expect(new Date(posted.createdAt).getTime()).toBeGreaterThanOrEqual(new Date(created.createdAt).getTime());
    }
  });

  it('records nothing for an update that changes nothing', async () => {
    const ticket = await createTicket(server.url, tokens.customer1, { tags: ['same'] });
    const before = await all(ticket.id);
    const result = await gqlOk(server.url, UPDATE, { id: ticket.id, input: { priority: 'MEDIUM', tags: ['same'] } }, { token: tokens.agent1 });
    expect(result.updateTicket.version).toBe(1);
    expect(await all(ticket.id)).toEqual(before);
  });

  it('numbers events per tenant: gap-free from 1, increasing across tickets', async () => {
    const fresh = await createTestTenant(server.app, 'act-fresh');
    const [customer, agent] = [await tokenFor(server.url, fresh.customer1), await tokenFor(server.url, fresh.agent1)];
    // Busy the main tenant first so a shared counter would show up in the fresh tenant.
    const noise = await createTicket(server.url, tokens.customer2);
    await postOk(server.url, tokens.customer2, noise.id, 'noise');

    const a = await createTicket(server.url, customer);
    expect(seqs(await all(a.id, agent))).toEqual([1]);
    const b = await createTicket(server.url, customer);
    await postOk(server.url, customer, a.id, 'first on a');
    await gqlOk(server.url, STATUS, { id: b.id, status: 'IN_PROGRESS' }, { token: agent });
    await postOk(server.url, agent, b.id, 'internal on b', { internal: true });
    await gqlOk(server.url, CLAIM, { id: a.id }, { token: agent });
    const eventsA = await all(a.id, agent);
    const eventsB = await all(b.id, agent);
    expect(seqs(eventsA)).toEqual([1, 3, 6]);
    expect(seqs(eventsB)).toEqual([2, 4, 5]);
    expect(eventsB.map((e) => e.type)).toEqual(['TICKET_CREATED', 'STATUS_CHANGED', 'MESSAGE_POSTED']);
    // The customer's view skips the internal note's event but keeps the numbering.
    expect(seqs(await all(b.id, customer))).toEqual([2, 4]);

    // Meanwhile the main tenant's sequence did not move: its next event follows its last one.
    const noiseSeqs = seqs(await all(noise.id));
    expect(noiseSeqs).toEqual([noiseSeqs[0], noiseSeqs[0] + 1]);
    await postOk(server.url, tokens.agent1, noise.id, 'more noise');
    expect(seqs(await all(noise.id))).toEqual([...noiseSeqs, noiseSeqs[1] + 1]);

    // Concurrent changes across tickets of one tenant still get distinct, gap-free numbers.
    const more = await Promise.all(Array.from({ length: 4 }, () => createTicket(server.url, customer)));
    await Promise.all(more.map((tk, i) => postOk(server.url, i % 2 ? agent : customer, tk.id, 'burst')));
    const every = (await Promise.all([a, b, ...more].map((tk) => all(tk.id, agent)))).flat();
    expect(seqs(every).sort((x, y) => x - y)).toEqual(Array.from({ length: 6 + 8 }, (_, i) => i + 1));
  });

  it('writes no event when a change is refused and rolled back', async () => {
    const ticket = await createTicket(server.url, tokens.customer1);
    await gqlOk(server.url, STATUS, { id: ticket.id, status: 'IN_PROGRESS' }, { token: tokens.agent1 });
    const before = await all(ticket.id);
    const lastSeq = before.at(-1)!.seq;

    const illegal = await gql(server.url, STATUS, { id: ticket.id, status: 'OPEN' }, { token: tokens.agent1 });
    expect(errorCode(illegal)).toBe('BAD_USER_INPUT');
    const stale = await gql(server.url, STATUS, { id: ticket.id, status: 'RESOLVED', v: 1 }, { token: tokens.agent1 });
    expect(errorCode(stale)).toBe('CONFLICT');
    const staleUpdate = await gql(server.url, UPDATE, { id: ticket.id, input: { title: 'Changed meanwhile' }, v: 1 }, { token: tokens.agent2 });
    expect(errorCode(staleUpdate)).toBe('CONFLICT');
    const forbidden = await gql(server.url, STATUS, { id: ticket.id, status: 'CLOSED' }, { token: tokens.agent1 });
    expect(errorCode(forbidden)).toBe('FORBIDDEN');
    const badAttachment = await postMessage(server.url, tokens.customer1, { ticketId: ticket.id, body: 'x', attachmentIds: ['00000000-0000-7000-8000-000000000000'] });
    expect(errorCode(badAttachment)).toBe('BAD_USER_INPUT');

    const after = await activities(server.url, tokens.admin, ticket.id, 100);
    expect(after.totalCount).toBe(before.length);
    expect(after.edges.map((e) => e.node)).toEqual(before);
    const ticketNow = await gqlOk(server.url, `query Q($id: ID!) { ticket(id: $id) { version status title } }`, { id: ticket.id }, { token: tokens.admin });
    expect(ticketNow.ticket).toMatchObject({ version: 2, status: 'IN_PROGRESS', title: 'Printer on fire' });

    // The refused tries used no sequence numbers either.
    await gqlOk(server.url, STATUS, { id: ticket.id, status: 'RESOLVED', v: 2 }, { token: tokens.agent1 });
    expect((await all(ticket.id)).at(-1)).toMatchObject({ type: 'STATUS_CHANGED', seq: lastSeq + 1 });
  });

  it('pages the timeline with first/after, in order and without duplicates', async () => {
    const ticket = await createTicket(server.url, tokens.customer1, { tags: ['one'] });
    for (let i = 0; i < 4; i++) await postOk(server.url, i % 2 ? tokens.agent1 : tokens.customer1, ticket.id, `reply ${i}`);
    const note = await postOk(server.url, tokens.agent1, ticket.id, 'note', { internal: true });
    await gqlOk(server.url, UPDATE, { id: ticket.id, input: { priority: 'LOW' } }, { token: tokens.agent1 });
    const full = await all(ticket.id);
    expect(full).toHaveLength(7);

    const pages = await walk((after) => activities(server.url, tokens.agent2, ticket.id, 3, after));
    expect(pages.map((p) => p.edges.length)).toEqual([3, 3, 1]);
    expect(pages.map((p) => p.pageInfo.hasPreviousPage)).toEqual([false, true, true]);
    expect(pages.every((p) => p.totalCount === 7)).toBe(true);
    expect(pages.flatMap((p) => p.edges.map((e) => e.node))).toEqual(full);
    for (const page of pages) expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);

    const customerPages = await walk((after) => activities(server.url, tokens.customer1, ticket.id, 3, after));
    const customerEvents = customerPages.flatMap((p) => p.edges.map((e) => e.node));
    // Customers see neither the internal note nor the priority-only update (staff triage data).
    expect(customerPages[0].totalCount).toBe(5);
    expect(full.filter((e) => e.messageId === note.id)).toHaveLength(1);
    expect(customerEvents).toEqual(full.filter((e) => e.messageId !== note.id && e.type !== 'TICKET_UPDATED'));
    expect(customerEvents).toHaveLength(5);

    const empty = await activities(server.url, tokens.admin, ticket.id, 3, pages.at(-1)!.pageInfo.endCursor);
    expect(empty.edges).toEqual([]);
    expect(empty.pageInfo.hasNextPage).toBe(false);
    expect(errorCode(await gql(server.url, `query Q($id: ID!) { ticket(id: $id) { activities(first: 2, after: "%%%") { totalCount } } }`, { id: ticket.id }, { token: tokens.admin }))).toBe('BAD_USER_INPUT');
  });
});
