import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql, gqlOk } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, tokenFor, type TestTenant } from '../../../test/tenants.js';
import { createTicket } from './ticket.fixture.js';

/** Forged cursors and LIKE wildcards in searches (defect 12). */
const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const FORGED = [
  cursor({}), cursor([]), cursor([{}, 'x']), cursor(['not a date', 'x']), cursor([null, null]), Buffer.from('[1e400, "x"]').toString('base64url'),
  cursor(['2026-01-01T00:00:00.000Z', 5]), cursor('plain string'), cursor(['a'.repeat(5000), 'x']), cursor(['x\u0000', 'y']),
  'not base64 at all!!', cursor([1, 2, 3, 4, 5]),
];

describe.each(await testDatabases())('hostile cursors and searches on %s', (db) => {
  let server: TestServer;
  let t: TestTenant;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer(db);
    t = await createTestTenant(server.app, 'search');
    await createTestTenant(server.app, 'search-other');
    admin = await tokenFor(server.url, t.admin);
  });
  afterAll(() => server?.stop());

  it('answers BAD_USER_INPUT for forged cursors on every paginated field', async () => {
    const customer = await tokenFor(server.url, t.customer1);
    const ticket = await createTicket(server.url, customer);
    const fields: Array<[string, string]> = [
      ['tickets(first: 5, after: $c) { totalCount }', 'after'],
      ['tickets(last: 5, before: $c) { totalCount }', 'before'],
      ['tickets(first: 5, after: $c, orderBy: { field: NUMBER, direction: ASC }) { totalCount }', 'after'],
      [`ticket(id: "${ticket.id}") { messages(first: 5, after: $c) { totalCount } activities(first: 5, after: $c) { totalCount } }`, 'after'],
      ['users(first: 5, after: $c) { totalCount }', 'after'],
      ['notifications(first: 5, after: $c) { totalCount }', 'after'],
      ['ticketEventFeed(first: 5, after: $c) { edges { cursor } }', 'after'],
    ];
    for (const [field, name] of fields) {
      for (const forged of FORGED) {
        const result = await gql(server.url, `query($c: String) { ${field} }`, { c: forged }, { token: admin });
        expect(errorCode(result), `${field} with ${forged.slice(0, 40)}`).toBe('BAD_USER_INPUT');
        expect(result.errors![0].extensions!.fields ?? {}, field).toHaveProperty(name);
      }
    }
  });

  it('matches % and _ literally in text search, and only them', async () => {
    const customer = await tokenFor(server.url, t.customer2);
    const percent = await createTicket(server.url, customer, { title: `Discount of 100% for ${db}` });
    const underscore = await createTicket(server.url, customer, { title: 'Field user_name is empty' });
    await createTicket(server.url, customer, { title: 'Discount of 1000 for all', description: 'username field' });
    const search = async (text: string) =>
      (await gqlOk(server.url, 'query($f: TicketFilter) { tickets(filter: $f, first: 50) { edges { node { id } } } }', { f: { text } }, { token: admin })).tickets.edges.map(
        (e: { node: { id: string } }) => e.node.id,
      );
    expect(await search('100%')).toEqual([percent.id]);
    expect(await search('user_name')).toEqual([underscore.id]);
    expect(await search('%')).toEqual([percent.id]);
    expect(await search('_')).toEqual([underscore.id]);
    // As a wildcard, _ would also match "username".
    expect(await search('r_n')).toEqual([underscore.id]);
    expect(await search('1000%')).toEqual([]);
  });

  it('filters by a tag holding _ exactly', async () => {
    const customer = await tokenFor(server.url, t.customer1);
    const tagged = await createTicket(server.url, customer, { title: 'Tagged', tags: ['vip_1'] });
    await createTicket(server.url, customer, { title: 'Other tag', tags: ['vipx1'] });
    const result = await gqlOk(server.url, '{ tickets(filter: { tag: "vip_1" }) { edges { node { id } } } }', {}, { token: admin });
    expect(result.tickets.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([tagged.id]);
  });
});
