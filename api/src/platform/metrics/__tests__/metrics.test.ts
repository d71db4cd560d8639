import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_ENDPOINT, Receiver } from '../../../modules/webhook/__tests__/receiver.fixture.js';
import { createTicket, mutate, TICKET_EVENTS, UPDATE } from '../../../modules/realtime/__tests__/realtime.fixture.js';
import { testDatabases } from '../../../test/databases.js';
import { gql, gqlOk } from '../../../test/graphql.js';
import { sample, scrape } from '../../../test/metrics.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, LOGIN, tokenFor, type TestTenant } from '../../../test/tenants.js';
import { connectedWs, disposeAllWs } from '../../../test/ws.js';

const SET_POLICY = `mutation S($i: SlaPolicyInput!) { setSlaPolicy(input: $i) { id } }`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(await testDatabases())('/metrics on %s', (db) => {
  let server: TestServer;
  let receiver: Receiver;
  let t: TestTenant;
  const METRICS_TOKEN = 'metrics-token-for-the-test-0123';

  beforeAll(async () => {
    receiver = await new Receiver().start();
    server = await startTestServer(db, { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_POLL_MS: '100', WEBHOOK_RETRY_BASE_MS: '60000', LOGIN_MAX_FAILURES_PER_EMAIL: '2', METRICS_TOKEN });
    t = await createTestTenant(server.app, 'metrics');
    await createTestTenant(server.app, 'metrics-other');
  });
  afterAll(async () => {
    await disposeAllWs();
    await server?.stop();
    await receiver?.stop();
  });

  it('needs the bearer token when METRICS_TOKEN is set', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(401);
    const text = await scrape(server.url, METRICS_TOKEN);
    expect(text).toContain('# TYPE sociodesk_graphql_operation_duration_seconds histogram');
  });

  it('moves every metric during a flow: HTTP, GraphQL, SQL, sockets, groups, dispatch lag, outbox, SLA lag, rate limits, Node', async () => {
    const before = await scrape(server.url, METRICS_TOKEN);
    const admin = await tokenFor(server.url, t.admin);
    const agent = await tokenFor(server.url, t.agent1);
    const customer = await tokenFor(server.url, t.customer1);

    // Two staff subscribers with the same document share one group.
    const socketA = await connectedWs(server.url, admin);
    const socketB = await connectedWs(server.url, admin);
    const subA = socketA.subscribe(TICKET_EVENTS, {});
    const subB = socketB.subscribe(TICKET_EVENTS, {});
    // A failing receiver keeps the delivery in the outbox.
    receiver.respond('/metrics-hook', 500);
    await gqlOk(server.url, CREATE_ENDPOINT, { input: { url: `${receiver.url}/metrics-hook`, eventTypes: ['TICKET_CREATED'] } }, { token: admin });
    await gqlOk(server.url, SET_POLICY, { i: { category: 'TECHNICAL', firstResponseMinutes: 10, resolutionMinutes: 60, businessHours: false } }, { token: admin });

    const ticket = await createTicket(server.url, customer, { title: 'Metrics flow' });
    await subA.waitFor((e: { ticketId: string }) => e.ticketId === ticket.id, 10_000);
    await subB.waitFor((e: { ticketId: string }) => e.ticketId === ticket.id, 10_000);
    await mutate(server.url, agent, UPDATE, { id: ticket.id, input: { title: 'Metrics flow, updated' } });
    await receiver.waitFor('/metrics-hook', 1);

    // Sign-in failures past the limit are refused with RATE_LIMITED.
    let limited = 0;
    for (let i = 0; i < 4; i++) {
      const r = await gql(server.url, LOGIN, { input: { email: t.agent2.email, password: 'wrong-password!' } }, { headers: { 'x-request-id': `metrics-login-${i}-abc` } });
      if (r.errors?.[0]?.extensions?.code === 'RATE_LIMITED') limited++;
    }
    expect(limited).toBeGreaterThan(0);
    // The SLA worker, run an hour after the first-response target: it is that late.
    await server.app.workers.sla.runOnce(new Date(Date.now() + 70 * 60_000));
    await sleep(50);

    const during = await scrape(server.url, METRICS_TOKEN);
    const moved = (name: string, labels: Record<string, string> = {}) => sample(during, name, labels) - (sample(before, name, labels) || 0);

    expect(moved('sociodesk_http_request_duration_seconds_count', { route: '/graphql', method: 'POST', status: '200' })).toBeGreaterThanOrEqual(5);
    expect(moved('sociodesk_graphql_operation_duration_seconds_count', { operation: 'Cr', type: 'mutation', outcome: 'ok' })).toBe(1);
    expect(moved('sociodesk_graphql_operation_duration_seconds_count', { operation: 'U', type: 'mutation', outcome: 'ok' })).toBe(1);
    expect(moved('sociodesk_graphql_operation_duration_seconds_count', { operation: 'Login', outcome: 'RATE_LIMITED' })).toBe(limited);
    expect(moved('sociodesk_rate_limit_rejections_total', { operation: 'Login' })).toBe(limited);
    expect(moved('sociodesk_graphql_operation_sql_statements_count', { operation: 'Cr' })).toBe(1);
    expect(moved('sociodesk_graphql_operation_sql_statements_sum', { operation: 'Cr' })).toBeGreaterThanOrEqual(3);
    expect(moved('sociodesk_graphql_operation_sql_seconds_count', { operation: 'U' })).toBe(1);
    expect(moved('sociodesk_sql_statement_duration_seconds_count', { statement: 'insert' })).toBeGreaterThanOrEqual(2);
    expect(moved('sociodesk_sql_statement_duration_seconds_count', { statement: 'select' })).toBeGreaterThanOrEqual(5);
    expect(sample(during, 'sociodesk_websocket_connections')).toBeGreaterThanOrEqual(2);
    expect(sample(during, 'sociodesk_websocket_subscriptions')).toBeGreaterThanOrEqual(2);
    expect(sample(during, 'sociodesk_subscription_groups')).toBeGreaterThanOrEqual(1);
    expect(moved('sociodesk_event_dispatch_lag_seconds_count', { stream: 'ticket_events' })).toBeGreaterThanOrEqual(2);
    expect(sample(during, 'sociodesk_outbox_depth', { outbox: 'webhook' })).toBeGreaterThanOrEqual(1);
    expect(sample(during, 'sociodesk_outbox_oldest_age_seconds', { outbox: 'webhook' })).toBeGreaterThan(0);
    expect(moved('sociodesk_webhook_delivery_attempts_total', { outcome: 'retry' })).toBeGreaterThanOrEqual(1);
    expect(moved('sociodesk_webhook_delivery_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(sample(during, 'sociodesk_sla_worker_lag_seconds')).toBeGreaterThan(50 * 60);
    expect(moved('sociodesk_sla_worker_runs_total', { result: 'changed' })).toBe(1);
    expect(sample(during, 'sociodesk_nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(sample(during, 'sociodesk_nodejs_heap_size_used_bytes')).not.toBe(sample(before, 'sociodesk_nodejs_heap_size_used_bytes'));
    expect(sample(during, 'sociodesk_nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(moved('sociodesk_process_cpu_seconds_total')).toBeGreaterThan(0);

    // Sockets gone: the gauges follow.
    await socketA.dispose();
    await socketB.dispose();
    await sleep(100);
    const after = await scrape(server.url, METRICS_TOKEN);
    expect(sample(after, 'sociodesk_websocket_connections')).toBe(sample(during, 'sociodesk_websocket_connections') - 2);
    expect(sample(after, 'sociodesk_subscription_groups')).toBeLessThan(sample(during, 'sociodesk_subscription_groups'));
  });
});
