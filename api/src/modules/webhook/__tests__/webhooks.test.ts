import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql, gqlOk } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, tokenFor } from '../../../test/tenants.js';
import { createTicket, mutate, post, UPDATE } from '../../realtime/__tests__/realtime.fixture.js';
import { CREATE_ENDPOINT, DELETE_ENDPOINT, DELIVERIES, ENABLE, ENDPOINTS, Receiver, REDELIVER } from './receiver.fixture.js';

const FAST_RETRIES = { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_POLL_MS: '100', WEBHOOK_RETRY_BASE_MS: '200', WEBHOOK_RETRY_MAX_DELAY_MS: '400' };

interface Delivery {
  id: string;
  eventSeq: number;
  eventType: string;
  status: string;
  attempts: number;
  responseStatus: number | null;
  latencyMs: number | null;
  error: string | null;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
}

describe.each(await testDatabases())('webhooks on %s', (db) => {
  let server: TestServer;
  let receiver: Receiver;
  let clockOffsetMs = 0;

  beforeAll(async () => {
    receiver = await new Receiver().start();
    server = await startTestServer(db, FAST_RETRIES, { now: () => Date.now() + clockOffsetMs });
  });
  afterAll(async () => {
    await server?.stop();
    await receiver?.stop();
  });

  async function setup(path: string, eventTypes?: string[]) {
    const t = await createTestTenant(server.app, 'hooks');
    const tokens = { admin: await tokenFor(server.url, t.admin), agent: await tokenFor(server.url, t.agent1), customer: await tokenFor(server.url, t.customer1) };
    const created = (await gqlOk(server.url, CREATE_ENDPOINT, { input: { url: `${receiver.url}${path}`, eventTypes } }, { token: tokens.admin })).createWebhookEndpoint;
    return { t, tokens, endpointId: created.endpoint.id as string, secret: created.secret as string };
  }

  const deliveries = async (token: string, endpointId: string): Promise<Delivery[]> =>
    (await gqlOk(server.url, DELIVERIES, { endpointId }, { token })).webhookDeliveries.edges.map((e: { node: Delivery }) => e.node);

  async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (ok(value)) return value;
      if (Date.now() > deadline) throw new Error(`Condition not met in time; last value: ${JSON.stringify(value)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('signs each delivery so that a receiver can verify it with node:crypto alone', async () => {
    const { tokens, secret, endpointId } = await setup('/signed', ['TICKET_CREATED', 'MESSAGE_POSTED']);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const ticket = await createTicket(server.url, tokens.customer);
    await mutate(server.url, tokens.admin, UPDATE, { id: ticket.id, input: { title: 'Not subscribed to updates' } });
    await post(server.url, tokens.agent, ticket.id, 'internal only', true);
    await post(server.url, tokens.agent, ticket.id, 'Public reply');
    const [created, replied] = await receiver.waitFor('/signed', 2);

    for (const request of [created, replied]) {
      const timestamp = request.headers['x-sociodesk-timestamp'] as string;
      const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${request.body}`).digest('hex')}`;
      expect(request.headers['x-sociodesk-signature']).toBe(expected);
      expect(Math.abs(Date.now() / 1000 - Number(timestamp))).toBeLessThan(60);
      expect(request.headers['x-sociodesk-delivery']).toMatch(/^[0-9a-f-]{36}$/);
      expect(request.headers['content-type']).toBe('application/json');
    }
    const body = JSON.parse(created.body);
    expect(created.headers['x-sociodesk-event']).toBe('TICKET_CREATED');
    expect(body).toMatchObject({ type: 'TICKET_CREATED', ticketId: ticket.id, seq: 1, data: { ticket: { id: ticket.id, status: 'OPEN' } } });
    expect(JSON.parse(replied.body)).toMatchObject({ type: 'MESSAGE_POSTED', data: { message: { body: 'Public reply', internal: false } } });
    // A tampered body no longer matches.
    const forged = createHmac('sha256', secret).update(`${created.headers['x-sociodesk-timestamp']}.${created.body.replace('OPEN', 'CLOSED')}`).digest('hex');
    expect(created.headers['x-sociodesk-signature']).not.toBe(`sha256=${forged}`);
    // Neither the update (not subscribed) nor the internal note was sent.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(receiver.on('/signed')).toHaveLength(2);
    const log = await deliveries(tokens.admin, endpointId);
    expect(log.map((d) => d.eventType)).toEqual(['MESSAGE_POSTED', 'TICKET_CREATED']);
  });

  it('retries with backoff until the receiver succeeds, keeping one delivery id, and logs each outcome', async () => {
    receiver.respond('/flaky', 500, 503, 200);
    const { tokens, endpointId } = await setup('/flaky', ['TICKET_CREATED']);
    await createTicket(server.url, tokens.customer);
    const attempts = await receiver.waitFor('/flaky', 3);
    expect(new Set(attempts.map((r) => r.headers['x-sociodesk-delivery'])).size).toBe(1);
    expect(attempts[2].at - attempts[1].at).toBeGreaterThanOrEqual(100);
    const [delivery] = await until(
      () => deliveries(tokens.admin, endpointId),
      (list) => list[0]?.status === 'SUCCEEDED',
    );
    expect(delivery).toMatchObject({ id: attempts[0].headers['x-sociodesk-delivery'], attempts: 3, responseStatus: 200, error: null, nextAttemptAt: null });
    expect(delivery.latencyMs).toBeGreaterThanOrEqual(0);
    expect(delivery.deliveredAt).not.toBeNull();
    const [endpoint] = (await gqlOk(server.url, ENDPOINTS, {}, { token: tokens.admin })).webhookEndpoints;
    expect(endpoint).toMatchObject({ enabled: true, failingSince: null });

    // Redelivery sends the same delivery again, with the same id.
    const again = (await gqlOk(server.url, REDELIVER, { id: delivery.id }, { token: tokens.admin })).redeliverWebhook;
    expect(again).toMatchObject({ id: delivery.id, status: 'PENDING' });
    const all = await receiver.waitFor('/flaky', 4);
    expect(all[3].headers['x-sociodesk-delivery']).toBe(delivery.id);
    await until(() => deliveries(tokens.admin, endpointId), (list) => list[0].status === 'SUCCEEDED' && list[0].attempts === 4);
    // Only admins of the tenant see and redeliver.
    expect(errorCode(await gql(server.url, REDELIVER, { id: delivery.id }, { token: tokens.agent }))).toBe('FORBIDDEN');
    const otherAdmin = await tokenFor(server.url, (await createTestTenant(server.app, 'hooks-other')).admin);
    expect(errorCode(await gql(server.url, REDELIVER, { id: delivery.id }, { token: otherAdmin }))).toBe('NOT_FOUND');
  });

  it('disables an endpoint that keeps failing past the retry window, and re-enables it on request', async () => {
    receiver.respond('/down', 500);
    const { tokens, endpointId } = await setup('/down', ['TICKET_CREATED']);
    await createTicket(server.url, tokens.customer);
    await receiver.waitFor('/down', 2);
    const failing = await until(() => gqlOk(server.url, ENDPOINTS, {}, { token: tokens.admin }), (d) => !!d.webhookEndpoints[0].failingSince);
    expect(failing.webhookEndpoints[0].enabled).toBe(true);
    clockOffsetMs = 25 * 3_600_000; // a day later, still failing
    try {
      const [endpoint] = (await until(() => gqlOk(server.url, ENDPOINTS, {}, { token: tokens.admin }), (d) => !d.webhookEndpoints[0].enabled)).webhookEndpoints;
      expect(endpoint.disabledReason).toMatch(/still failing after \d+ attempts \(HTTP 500\)/);
      expect(endpoint.disabledAt).not.toBeNull();
      const [delivery] = await deliveries(tokens.admin, endpointId);
      expect(delivery).toMatchObject({ status: 'FAILED', responseStatus: 500, error: 'HTTP 500', nextAttemptAt: null });
      // Disabled: new events wait; redelivery is refused until it is enabled again.
      const count = receiver.on('/down').length;
      await createTicket(server.url, tokens.customer);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(receiver.on('/down')).toHaveLength(count);
      expect(errorCode(await gql(server.url, REDELIVER, { id: delivery.id }, { token: tokens.admin }))).toBe('BAD_USER_INPUT');
      receiver.respond('/down', 200);
      expect((await gqlOk(server.url, ENABLE, { id: endpointId }, { token: tokens.admin })).enableWebhookEndpoint).toMatchObject({ enabled: true, disabledReason: null });
      // The event committed while it was disabled is delivered now.
      const sent = await receiver.waitFor('/down', count + 1);
      expect(JSON.parse(sent.at(-1)!.body).type).toBe('TICKET_CREATED');
    } finally {
      clockOffsetMs = 0;
    }
    expect(await gqlOk(server.url, DELETE_ENDPOINT, { id: endpointId }, { token: tokens.admin })).toEqual({ deleteWebhookEndpoint: true });
    expect((await gqlOk(server.url, ENDPOINTS, {}, { token: tokens.admin })).webhookEndpoints).toEqual([]);
  });

  it('refuses private, loopback and link-local targets unless they are allowed', async () => {
    const strict = await startTestServer(db, { WEBHOOK_POLL_MS: '0' });
    try {
      const t = await createTestTenant(strict.app, 'ssrf');
      const admin = await tokenFor(strict.url, t.admin);
      const port = new URL(receiver.url).port;
      for (const url of [
        `http://127.0.0.1:${port}/x`,
        `http://localhost:${port}/x`,
        'http://[::1]/x',
        'http://169.254.169.254/latest/meta-data',
        'http://10.1.2.3/x',
        'http://192.168.1.10/x',
        'http://[::ffff:127.0.0.1]/x',
        'http://0.0.0.0/x',
      ]) {
        const result = await gql(strict.url, CREATE_ENDPOINT, { input: { url } }, { token: admin });
        expect(errorCode(result), url).toBe('BAD_USER_INPUT');
        expect(result.errors![0].extensions!.fields!.url, url).toBeTruthy();
      }
      expect(errorCode(await gql(strict.url, CREATE_ENDPOINT, { input: { url: 'ftp://example.com/x' } }, { token: admin }))).toBe('BAD_USER_INPUT');
      expect((await gqlOk(strict.url, ENDPOINTS, {}, { token: admin })).webhookEndpoints).toEqual([]);
    } finally {
      await strict.stop();
    }
  });

  it.runIf(db === 'mariadb')('delivers each attempt exactly once with two instances working the same outbox', async () => {
    const second = await startTestServer(db, { ...FAST_RETRIES, DATABASE_URL: server.env.DATABASE_URL, REDIS_PREFIX: server.env.REDIS_PREFIX });
    receiver.delayMs = 50;
    try {
      const { tokens, endpointId } = await setup('/pair', ['TICKET_CREATED']);
      const tickets = await Promise.all(Array.from({ length: 16 }, (_, i) => createTicket(i % 2 ? second.url : server.url, tokens.customer)));
      const received = await receiver.waitFor('/pair', 16, 20_000);
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(receiver.on('/pair')).toHaveLength(16);
      expect(new Set(received.map((r) => r.headers['x-sociodesk-delivery'])).size).toBe(16);
      expect(new Set(received.map((r) => JSON.parse(r.body).ticketId))).toEqual(new Set(tickets.map((t) => t.id)));
      const log = await until(() => deliveries(tokens.admin, endpointId), (list) => list.length === 16 && list.every((d) => d.status === 'SUCCEEDED'));
      expect(log.every((d) => d.attempts === 1)).toBe(true);
    } finally {
      receiver.delayMs = 0;
      await second.stop();
    }
  });
});
