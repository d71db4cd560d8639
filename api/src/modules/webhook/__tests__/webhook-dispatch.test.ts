import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestScope } from '../../../platform/logger.js';
import { testDatabases } from '../../../test/databases.js';
import { gqlOk } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, tokenFor } from '../../../test/tenants.js';
import { createTicket } from '../../realtime/__tests__/realtime.fixture.js';
import { CREATE_ENDPOINT, Receiver } from './receiver.fixture.js';

/** A webhook pass reads every tenant's endpoints; it must not read every tenant's events. */
describe.each(await testDatabases())('webhook dispatch across tenants on %s', (db) => {
  let server: TestServer;
  let receiver: Receiver;
  const tenants: Array<{ path: string; customer: string }> = [];

  beforeAll(async () => {
    receiver = await new Receiver().start();
    // No polling: the test runs each pass itself.
    server = await startTestServer(db, { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_POLL_MS: '0' });
  });
  afterAll(async () => {
    await server?.stop();
    await receiver?.stop();
  });

  const addTenants = async (count: number) => {
    for (let i = 0; i < count; i++) {
      const t = await createTestTenant(server.app, 'dispatch');
      const admin = await tokenFor(server.url, t.admin);
      const path = `/dispatch-${tenants.length}`;
      await gqlOk(server.url, CREATE_ENDPOINT, { input: { url: `${receiver.url}${path}`, eventTypes: ['TICKET_CREATED'] } }, { token: admin });
      tenants.push({ path, customer: await tokenFor(server.url, t.customer1) });
    }
  };

  /** Runs one pass and counts its SQL statements. */
  const pass = () => {
    const scope = { requestId: 'webhook-pass', sqlStatements: 0, sqlMs: 0 };
    return requestScope.run(scope, async () => {
      await server.app.workers.webhooks.runOnce();
      return scope.sqlStatements;
    });
  };

  it('costs the same statements with 2 or 8 tenants that have no new event, and sends only the new one', async () => {
    await addTenants(2);
    await pass(); // the endpoints' first look
    const idleWithTwo = await pass();
    await addTenants(6);
    await pass();
    const idleWithEight = await pass();
    expect(idleWithEight).toBe(idleWithTwo);

    const ticket = await createTicket(server.url, tenants[5]!.customer);
    const busy = await pass();
    // The one endpoint with an event: its events read, its cursor moved with the new delivery,
    // and the delivery claimed and sent in this same pass.
    expect(busy).toBeGreaterThan(idleWithEight);
    const [sent] = await receiver.waitFor(tenants[5]!.path, 1);
    expect(JSON.parse(sent!.body)).toMatchObject({ type: 'TICKET_CREATED', ticketId: ticket.id });
    expect(tenants.filter((_, i) => i !== 5).every((t) => receiver.on(t.path).length === 0)).toBe(true);
    expect(await pass()).toBe(idleWithEight);
  });
});
