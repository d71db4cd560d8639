import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { gqlOk } from '../../../test/graphql.js';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../../../test/server.js';
import { createTestTenant, tokenFor, type TestTenant } from '../../../test/tenants.js';
import { connectedWs, connectWs, disposeAllWs, type WsSubscription } from '../../../test/ws.js';
import { createTicket, primeAll, SET_TYPING, TICKET_EVENTS, TYPING } from './realtime.fixture.js';

const TTL_MS = 400;

interface Typing {
  ticketId: string;
  userId: string;
  name: string;
  isTyping: boolean;
  expiresAt: string;
}

describe.each(await testDatabases())('WebSocket auth and typing on %s', (db) => {
  let server: TestServer;
  let t: TestTenant;
  let other: TestTenant;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(db, { TYPING_TTL_MS: String(TTL_MS) });
    t = await createTestTenant(server.app, 'ws-auth');
    other = await createTestTenant(server.app, 'ws-auth-other');
    for (const who of ['admin', 'agent1', 'agent2', 'customer1', 'customer2'] as const) tokens[who] = await tokenFor(server.url, t[who]);
    tokens.otherAdmin = await tokenFor(server.url, other.admin);
  });
  afterEach(() => disposeAllWs());
  afterAll(async () => {
    await disposeAllWs();
    await server?.stop();
  });

  const sign = (claims: Record<string, unknown>, expiresIn: number, secret = TEST_JWT_SECRET) =>
    jwt.sign({ sub: t.agent1.id, tid: t.id, role: 'AGENT', jti: randomUUID(), ...claims }, secret, { algorithm: 'HS256', issuer: 'sociodesk', expiresIn });

  describe('connection_init', () => {
    it('closes with 4401 for an expired token, saying so', async () => {
      const conn = connectWs(server.url, sign({}, -10));
      await expect(conn.connected).rejects.toThrow(/4401/);
      const closed = await conn.closed;
      expect(closed.code).toBe(4401);
      expect(closed.reason).toMatch(/expired/i);
    });

    it('closes with 4401 for garbage, a forged signature or a malformed header', async () => {
      for (const token of ['garbage', 'not.a.jwt', sign({}, 300, 'another-secret-that-is-long-enough-0123456789')]) {
        const closed = await connectWs(server.url, token).closed;
        expect(closed).toEqual({ code: 4401, reason: 'Invalid access token' });
      }
      const basic = await connectWs(server.url, null, { params: { authorization: 'Basic dXNlcjpwYXNz' } }).closed;
      expect(basic.code).toBe(4401);
    });

    it('closes with 4403 when X-Tenant-ID names another tenant', async () => {
      const closed = await connectWs(server.url, tokens.agent1, { params: { 'x-tenant-id': other.id } }).closed;
      expect(closed.code).toBe(4403);
      expect(closed.reason).toMatch(/X-Tenant-ID/);
      // The matching tenant is fine.
      await connectedWs(server.url, tokens.agent1, { params: { 'x-tenant-id': t.id } });
    });

    it('accepts a valid token that was signed by hand', async () => {
      const conn = await connectedWs(server.url, sign({}, 300));
      expect(conn.closeInfo).toBeNull();
    });
  });

  describe('operations', () => {
    it('lets an anonymous socket connect, but its subscriptions answer UNAUTHENTICATED', async () => {
      const conn = await connectedWs(server.url, null);
      for (const query of [TICKET_EVENTS, '{ __typename }']) {
        const sub = conn.subscribe(query);
        if (query === TICKET_EVENTS) {
          expect((await sub.failed()).map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
        } else {
          // Public introspection still works over the socket.
          expect(await sub.nextEvent()).toBe('Query');
        }
      }
      expect(conn.closeInfo).toBeNull();
    });

    it('answers FORBIDDEN to a customer subscribing to presenceChanged', async () => {
      const sub = connectWs(server.url, tokens.customer1).subscribe('subscription { presenceChanged { status } }');
      expect((await sub.failed()).map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(sub.events).toEqual([]);
    });
  });

  describe('typing', () => {
    let ticketId: string;
    const setTyping = (who: string, isTyping: boolean, internal = false) =>
      gqlOk(server.url, SET_TYPING, { ticketId, isTyping, internal }, { token: tokens[who] });
    /** A typing subscription that is known to be live (primed with the admin's "stopped typing"). */
    const typingOf = async (who: string): Promise<WsSubscription<Typing>> => {
      const sub = connectWs(server.url, tokens[who]).subscribe<Typing>(TYPING, { ticketId });
      await sub.prime(() => setTyping('admin', false), (e) => !e.isTyping);
      return sub;
    };

    beforeAll(async () => {
      ticketId = (await createTicket(server.url, tokens.customer1)).id;
    });

    it('reports an agent typing to the customer, and the stop after the TTL without renewal', async () => {
      const customer = await typingOf('customer1');
      const started = Date.now();
      await setTyping('agent1', true);
      const on = await customer.nextEvent();
      expect(on).toMatchObject({ ticketId, userId: t.agent1.id, name: `agent1 of ${t.slug}`, isTyping: true });
      expect(new Date(on.expiresAt).getTime()).toBeGreaterThan(started);

      const off = await customer.nextEvent(1500);
      const elapsed = Date.now() - started;
      expect(off).toMatchObject({ ticketId, userId: t.agent1.id, isTyping: false });
      expect(elapsed).toBeGreaterThanOrEqual(TTL_MS - 50);
      expect(elapsed).toBeLessThan(1500);
      await customer.expectNothing(TTL_MS + 200);
    });

    it('postpones the stop when the typist renews before the TTL', async () => {
      const customer = await typingOf('customer1');
      const first = Date.now();
      await setTyping('agent1', true);
      await new Promise((resolve) => setTimeout(resolve, TTL_MS / 2));
      const renewed = Date.now();
      await setTyping('agent1', true);
      const [a, b] = await customer.take(2);
      expect([a.isTyping, b.isTyping]).toEqual([true, true]);
      expect(new Date(b.expiresAt).getTime()).toBeGreaterThan(new Date(a.expiresAt).getTime());

      const off = await customer.nextEvent(2000);
      const stoppedAt = Date.now();
      expect(off).toMatchObject({ userId: t.agent1.id, isTyping: false });
      // The stop counts from the renewal, not from the first call.
      expect(stoppedAt - renewed).toBeGreaterThanOrEqual(TTL_MS - 50);
      expect(stoppedAt - first).toBeGreaterThanOrEqual(TTL_MS / 2 + TTL_MS - 50);
      await customer.expectNothing(TTL_MS + 200);
    });

    it('stops at once on setTyping(false)', async () => {
      const customer = await typingOf('customer1');
      await setTyping('agent2', true);
      expect((await customer.nextEvent()).isTyping).toBe(true);
      await setTyping('agent2', false);
      expect(await customer.nextEvent(300)).toMatchObject({ userId: t.agent2.id, isTyping: false });
      // No second "stopped" when the TTL would have run out.
      await customer.expectNothing(TTL_MS + 200);
    });

    it('shows internal typing to other agents but not to the customer', async () => {
      const customer = connectWs(server.url, tokens.customer1).subscribe<Typing>(TYPING, { ticketId });
      const agent2 = connectWs(server.url, tokens.agent2).subscribe<Typing>(TYPING, { ticketId });
      await primeAll([customer, agent2], () => setTyping('admin', false));
      await setTyping('agent1', true, true);
      expect(await agent2.nextEvent()).toMatchObject({ userId: t.agent1.id, isTyping: true });
      expect(await agent2.nextEvent(1500)).toMatchObject({ userId: t.agent1.id, isTyping: false });
      // Neither the start nor the stop of an internal note reaches the customer.
      await customer.expectNothing(300);
      // ...while a public one does, on the same subscription.
      await setTyping('agent1', true);
      expect(await customer.nextEvent()).toMatchObject({ userId: t.agent1.id, isTyping: true });
    });

    it('answers NOT_FOUND for typing in another customer’s ticket, over HTTP and WebSocket', async () => {
      const sub = connectWs(server.url, tokens.customer2).subscribe(TYPING, { ticketId });
      expect((await sub.failed()).map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.otherAdmin}` },
        body: JSON.stringify({ query: SET_TYPING, variables: { ticketId, isTyping: true } }),
      });
      expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('NOT_FOUND');
    });
  });
});
