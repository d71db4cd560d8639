import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { gql } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, tokenFor, type TestTenant } from '../../../test/tenants.js';
import { createTicket } from './ticket.fixture.js';

const CREATE = `mutation C($input: CreateTicketInput!) { createTicket(input: $input) { id number } }`;
const POST = `mutation P($input: PostMessageInput!) { postMessage(input: $input) { id } }`;
const STATUS = `mutation S($id: ID!, $status: TicketStatus!) { changeTicketStatus(id: $id, status: $status) { id status } }`;

/** The write path stays short: every statement counted, the transaction included. */
describe.each(await testDatabases())('statements per write on %s', (db) => {
  let server: TestServer;
  let t: TestTenant;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer(db);
    t = await createTestTenant(server.app, 'writes');
    await createTestTenant(server.app, 'writes-other');
    admin = await tokenFor(server.url, t.admin);
  });
  afterAll(() => server?.stop());

  const statements = async (query: string, variables: Record<string, unknown>) => {
    const result = await gql(server.url, query, variables, { token: admin });
    expect(result.errors).toBeUndefined();
    return result.extensions!.sqlStatements as number;
  };

  it('createTicket, postMessage and changeTicketStatus send at most 8 statements each', async () => {
    const create = await statements(CREATE, { input: { title: 'Counted ticket', description: 'd', category: 'TECHNICAL', customerId: t.customer1.id } });
    const ticket = await createTicket(server.url, admin, { customerId: t.customer1.id });
    await statements(POST, { input: { ticketId: ticket.id, body: 'first reply' } });
    const post = await statements(POST, { input: { ticketId: ticket.id, body: 'second reply' } });
    const status = await statements(STATUS, { id: ticket.id, status: 'IN_PROGRESS' });
    console.log(`statements on ${db}: createTicket ${create}, postMessage ${post}, changeTicketStatus ${status}`);
    for (const n of [create, post, status]) expect(n).toBeLessThanOrEqual(8);
  });

  it('a reply writes only the rows it changes: the tenant, the author and the membership stay untouched', async () => {
    const ticket = await createTicket(server.url, admin, { customerId: t.customer1.id });
    await statements(POST, { input: { ticketId: ticket.id, body: 'first reply' } });
    // Let the metrics writer (which loads the tenant for its timezone) settle first.
    await server.app.workers.metrics.idle();
    const stamps = async () => {
      const connection = server.app.orm.em.getConnection();
      const one = async (sql: string, params: string[]) => String(((await connection.execute(sql, params)) as Array<{ updated_at: unknown }>)[0].updated_at);
      return [
        await one('select updated_at from tenants where id = ?', [t.id]),
        await one('select updated_at from users where id = ?', [t.admin.id]),
        await one('select updated_at from memberships where tenant_id = ? and user_id = ?', [t.id, t.admin.id]),
      ];
    };
    const before = await stamps();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await statements(POST, { input: { ticketId: ticket.id, body: 'second reply' } });
    await server.app.workers.metrics.idle();
    expect(await stamps()).toEqual(before);
  });
});
