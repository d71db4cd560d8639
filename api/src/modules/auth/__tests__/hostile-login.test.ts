import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql, type GraphQLResult } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, LOGIN, login, TEST_PASSWORD, type TestTenant } from '../../../test/tenants.js';
import { connectedWs, disposeAllWs } from '../../../test/ws.js';
import { User } from '../../user/user.entity.js';
import { createTicket } from '../../ticket/__tests__/ticket.fixture.js';
import { MESSAGE_ADDED, POST } from '../../realtime/__tests__/realtime.fixture.js';
import { download, upload, uploadOk } from '../../attachment/__tests__/attachment.fixture.js';

/**
 * A hostile client against sign-in and the temporary-password rule: racing the lockout,
 * spelling an address differently, and reaching data through the paths GraphQL's
 * directive doesn't wrap (grouped subscriptions, uploads, downloads).
 */
const LIMITS = { LOGIN_MAX_FAILURES_PER_EMAIL: '5', LOGIN_MAX_FAILURES_PER_IP: '1000' };
const attempt = (url: string, email: string, password: string) => gql(url, LOGIN, { input: { email, password } });
const codes = (results: GraphQLResult[]) => results.map((r) => errorCode(r) ?? 'OK');

describe.each(await testDatabases())('hostile sign-in and temporary passwords on %s', (db) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(db, LIMITS);
  });
  afterAll(async () => {
    await disposeAllWs();
    await server?.stop();
  });

  async function withTemporaryPassword(t: TestTenant, email: string): Promise<string> {
    await server.app.orm.em.fork().nativeUpdate(User, { email }, { mustChangePassword: true });
    return (await login(server.url, email)).accessToken;
  }

  describe('defect 7: the lockout cannot be raced', () => {
    it('lets at most the limit of 25 concurrent wrong guesses reach the password check', async () => {
      const t = await createTestTenant(server.app, 'race');
      const results = await Promise.all(Array.from({ length: 25 }, () => attempt(server.url, t.agent1.email, 'wrong-password-1')));
      const counted = codes(results);
      expect(counted.filter((c) => c === 'UNAUTHENTICATED').length).toBeLessThanOrEqual(5);
      expect(counted.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(20);
      // Locked now, even with the right password.
      expect(errorCode(await attempt(server.url, t.agent1.email, TEST_PASSWORD))).toBe('RATE_LIMITED');
    });

    it('does not reset the counter for the others when one attempt of a burst succeeds', async () => {
      const t = await createTestTenant(server.app, 'burst');
      const burst = await Promise.all([
        attempt(server.url, t.agent2.email, TEST_PASSWORD),
        ...Array.from({ length: 4 }, () => attempt(server.url, t.agent2.email, 'wrong-password-2')),
      ]);
      expect(codes(burst).sort()).toEqual(['OK', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
      // Four failures are still on record: one more guess, then the lock.
      const after = [];
      for (let i = 0; i < 3; i++) after.push(await attempt(server.url, t.agent2.email, 'wrong-password-3'));
      expect(codes(after)).toEqual(['UNAUTHENTICATED', 'RATE_LIMITED', 'RATE_LIMITED']);
    });
  });

  describe('defect 8: one account, one spelling', () => {
    it('stores emails normalised and compares them exactly', async () => {
      const t = await createTestTenant(server.app, 'norm');
      const admin = (await login(server.url, t.admin.email)).accessToken;
      // "Zoë" typed decomposed (e + combining diaeresis) and in capitals.
      const typed = `Zoe\u0308.Visitor@${t.slug}.TEST`;
      const created = await gql(server.url, 'mutation($i: CreateUserInput!) { createUser(input: $i) { user { email } temporaryPassword } }', {
        i: { email: typed, name: 'Zoë', role: 'AGENT' },
      }, { token: admin });
      expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
      expect(created.data!.createUser.user.email).toBe(`zo\u00eb.visitor@${t.slug}.test`);
      const password = created.data!.createUser.temporaryPassword as string;
      // Any spelling that normalises to it signs in: composed, decomposed, upper case.
      for (const spelling of [`zo\u00eb.visitor@${t.slug}.test`, `ZOE\u0308.VISITOR@${t.slug}.TEST`]) {
        expect(errorCode(await attempt(server.url, spelling, password)), spelling).toBeUndefined();
      }
      // An accented variant of a plain address is another address, not this account.
      expect(errorCode(await attempt(server.url, t.agent1.email.replace('agent1', '\u00e1gent1'), TEST_PASSWORD))).toBe('UNAUTHENTICATED');
    });

    it('keeps an account locked whatever spelling of its address is used', async () => {
      const t = await createTestTenant(server.app, 'lock');
      const email = t.agent2.email;
      for (let i = 0; i < 5; i++) expect(errorCode(await attempt(server.url, email, 'wrong-password-4'))).toBe('UNAUTHENTICATED');
      expect(errorCode(await attempt(server.url, email, TEST_PASSWORD))).toBe('RATE_LIMITED');
      expect(errorCode(await attempt(server.url, email.toUpperCase(), TEST_PASSWORD))).toBe('RATE_LIMITED');
      // The accented variant does not sign in as the locked account (it did under an accent-insensitive collation).
      const variant = await attempt(server.url, email.replace('agent2', '\u00e1gent2'), TEST_PASSWORD);
      expect(variant.data?.login ?? null).toBeNull();
      expect(['UNAUTHENTICATED', 'RATE_LIMITED']).toContain(errorCode(variant));
    });
  });

  describe('defect 9: every subscriber of a grouped subscription is checked', () => {
    it('refuses a temporary-password user even when an agent already holds the same subscription', async () => {
      const t = await createTestTenant(server.app, 'group');
      const agent = (await login(server.url, t.agent1.email)).accessToken;
      const customer = (await login(server.url, t.customer1.email)).accessToken;
      const ticket = await createTicket(server.url, customer);
      const held = (await connectedWs(server.url, agent)).subscribe(MESSAGE_ADDED, { ticketId: ticket.id });
      await held.prime(() => gql(server.url, POST, { input: { ticketId: ticket.id, body: 'prime', internal: true } }, { token: agent }));

      const temporary = await withTemporaryPassword(t, t.agent2.email);
      const joiner = (await connectedWs(server.url, temporary)).subscribe(MESSAGE_ADDED, { ticketId: ticket.id });
      const errors = await joiner.failed();
      expect(errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED' });
      await gql(server.url, POST, { input: { ticketId: ticket.id, body: 'Internal: refund approved', internal: true } }, { token: agent });
      expect((await held.nextEvent()).body).toBe('Internal: refund approved');
      expect(joiner.events).toEqual([]);
    });
  });

  describe('defect 10: uploads and downloads follow the temporary-password rule', () => {
    it('refuses POST /uploads and GET /attachments/:id until the password is changed', async () => {
      const t = await createTestTenant(server.app, 'files');
      const before = (await login(server.url, t.agent2.email)).accessToken;
      const file = await uploadOk(server.url, before, new TextEncoder().encode('hello'), 'a.txt', 'text/plain');
      const temporary = await withTemporaryPassword(t, t.agent2.email);
      const refused = await upload(server.url, temporary, new TextEncoder().encode('hello'), 'b.txt', 'text/plain');
      expect(refused.status).toBe(403);
      expect(refused.body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED' });
      const fetched = await download(server.url, temporary, file.url);
      expect(fetched.status).toBe(403);
      expect(fetched.bytes.toString()).not.toContain('hello');
    });
  });
});
