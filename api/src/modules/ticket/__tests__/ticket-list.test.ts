import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql, gqlOk } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, tokenFor, type TestTenant } from '../../../test/tenants.js';
import { createTicket, POST, type TicketData } from './ticket.fixture.js';

const PAGE = `query Page($first: Int, $after: String, $last: Int, $before: String, $filter: TicketFilter, $orderBy: TicketOrder) {
  tickets(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id number priority } }
  }
}`;

interface PageResult {
  tickets: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null; startCursor: string | null };
    edges: Array<{ node: { id: string; number: number; priority: string } }>;
  };
}

describe.each(await testDatabases())('ticket lists on %s', (db) => {
  let server: TestServer;
  let t: TestTenant;
  let admin: string;
  let customer: string;
  let agent: string;
  const created: TicketData[] = [];

  beforeAll(async () => {
    server = await startTestServer(db);
    t = await createTestTenant(server.app, 'list');
    const other = await createTestTenant(server.app, 'noise');
    admin = await tokenFor(server.url, t.admin);
    customer = await tokenFor(server.url, t.customer1);
    agent = await tokenFor(server.url, t.agent1);
    const priorities = ['LOW', 'MEDIUM', 'HIGH'];
    for (let i = 0; i < 100; i++) {
      const ticket = await createTicket(server.url, customer, {
        title: i % 10 === 0 ? `Refund request ${i}` : `Issue ${i}`,
        priority: priorities[i % 3],
        category: i % 2 ? 'BILLING' : 'TECHNICAL',
        tags: i % 4 === 0 ? ['vip'] : [],
      });
      created.push(ticket);
      await gqlOk(server.url, POST, { input: { ticketId: ticket.id, body: `Reply ${i}` } }, { token: agent });
      if (i % 2 === 0) await gqlOk(server.url, `mutation C($id: ID!) { claimTicket(id: $id) { id } }`, { id: ticket.id }, { token: agent });
    }
    const noise = await tokenFor(server.url, other.customer1);
    for (let i = 0; i < 3; i++) await createTicket(server.url, noise);
  }, 240_000);
  afterAll(() => server?.stop());

  it('runs the same small number of SQL statements for 10, 50 and 100 tickets', async () => {
    const query = `query Board($first: Int!) {
      tickets(first: $first) {
        totalCount
        edges { node { id number title tags messageCount
          assignee { id name } customer { id name email }
          lastMessage { id body author { id name } } } }
      }
    }`;
    const counts: number[] = [];
    for (const first of [10, 50, 100]) {
      const result = await gql(server.url, query, { first }, { token: admin });
      expect(result.errors).toBeUndefined();
      expect(result.data!.tickets.edges).toHaveLength(first);
      const withAuthor = result.data!.tickets.edges.filter((e: any) => e.node.lastMessage?.author?.id === t.agent1.id);
      expect(withAuthor).toHaveLength(first);
      expect(result.data!.tickets.edges.some((e: any) => e.node.assignee?.id === t.agent1.id)).toBe(true);
      counts.push(result.extensions!.sqlStatements);
    }
    console.log(`sql statements for 10/50/100 tickets: ${counts.join("/")}`);
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBeLessThanOrEqual(6);
  });

  it('walks every page forward with no gap or duplicate while tickets are being created', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    const inserts: Promise<unknown>[] = [];
    do {
      const data: PageResult = await gqlOk<PageResult>(server.url, PAGE, { first: 7, after }, { token: admin });
      seen.push(...data.tickets.edges.map((e) => e.node.id));
      after = data.tickets.pageInfo.hasNextPage ? data.tickets.pageInfo.endCursor : null;
      // New tickets land at the head (newest first) while we walk towards the tail.
      inserts.push(createTicket(server.url, customer, { title: `Concurrent ${pages}` }));
      pages++;
    } while (after);
    const newOnes = await Promise.all(inserts);
    expect(new Set(seen).size).toBe(seen.length);
    for (const ticket of created) expect(seen).toContain(ticket.id);
    expect(pages).toBeGreaterThanOrEqual(15);
    created.push(...(newOnes as TicketData[]));
  });

  it('walks backward with last/before and agrees with the forward order', async () => {
    const forward: string[] = [];
    let after: string | null = null;
    do {
      const data: PageResult = await gqlOk<PageResult>(server.url, PAGE, { first: 25, after, orderBy: { field: 'NUMBER', direction: 'ASC' } }, { token: admin });
      forward.push(...data.tickets.edges.map((e) => e.node.id));
      after = data.tickets.pageInfo.hasNextPage ? data.tickets.pageInfo.endCursor : null;
    } while (after);
    const backward: string[] = [];
    let before: string | null = null;
    do {
      const data: PageResult = await gqlOk<PageResult>(server.url, PAGE, { last: 9, before, orderBy: { field: 'NUMBER', direction: 'ASC' } }, { token: admin });
      backward.unshift(...data.tickets.edges.map((e) => e.node.id));
      before = data.tickets.pageInfo.hasPreviousPage ? data.tickets.pageInfo.startCursor : null;
    } while (before);
    expect(backward).toEqual(forward);
  });

  it('orders by priority with ties broken by id, stable across pages', async () => {
    const all: Array<{ id: string; priority: string }> = [];
    let after: string | null = null;
    do {
      const data: PageResult = await gqlOk<PageResult>(server.url, PAGE, { first: 11, after, orderBy: { field: 'PRIORITY', direction: 'DESC' } }, { token: admin });
      all.push(...data.tickets.edges.map((e) => e.node));
      after = data.tickets.pageInfo.hasNextPage ? data.tickets.pageInfo.endCursor : null;
    } while (after);
    const rank = { HIGH: 3, MEDIUM: 2, LOW: 1 } as Record<string, number>;
    for (let i = 1; i < all.length; i++) {
      const a = all[i - 1];
      const b = all[i];
      expect(rank[a.priority] > rank[b.priority] || (rank[a.priority] === rank[b.priority] && a.id > b.id)).toBe(true);
    }
    expect(new Set(all.map((x) => x.id)).size).toBe(all.length);
  });

  it('filters by status, priority, category, assignee, unassigned, customer, tag, text and dates', async () => {
    const count = async (filter: Record<string, unknown>) => (await gqlOk<PageResult>(server.url, PAGE, { first: 1, filter }, { token: admin })).tickets.totalCount;
    const total = await count({});
    expect(total).toBe(created.length);
    expect(await count({ tag: 'vip' })).toBe(25);
    expect(await count({ text: 'refund' })).toBe(10);
    expect(await count({ assigneeId: t.agent1.id })).toBe(50);
    expect(await count({ unassigned: true })).toBe(total - 50);
    expect(await count({ priority: 'HIGH', category: 'BILLING' })).toBe(created.filter((_, i) => i < 100 && i % 3 === 2 && i % 2 === 1).length);
    expect(await count({ status: ['OPEN'] })).toBe(total);
    expect(await count({ status: ['CLOSED', 'RESOLVED'] })).toBe(0);
    expect(await count({ customerId: t.customer2.id })).toBe(0);
    expect(await count({ createdAfter: new Date(Date.now() + 60_000).toISOString() })).toBe(0);
    expect(await count({ createdBefore: new Date(Date.now() + 60_000).toISOString() })).toBe(total);
  });

  it('caps page size and rejects malformed cursors', async () => {
    expect(errorCode(await gql(server.url, PAGE, { first: 101 }, { token: admin }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(server.url, PAGE, { first: 5, after: 'garbage' }, { token: admin }))).toBe('BAD_USER_INPUT');
  });
});
