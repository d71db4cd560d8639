import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_SCOPES, issueKey } from '../../../modules/apikey/__tests__/partner.fixture.js';
import { CREATE_ENDPOINT, Receiver } from '../../../modules/webhook/__tests__/receiver.fixture.js';
import { testDatabases } from '../../../test/databases.js';
import { gql, gqlOk } from '../../../test/graphql.js';
import { startApiProcess, type ApiProcess } from '../../../test/process.js';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../../../test/server.js';
import { createTestTenant, login, TEST_PASSWORD, type TestTenant } from '../../../test/tenants.js';

const hasMariaDb = (await testDatabases()).includes('mariadb');
const REFRESH = `mutation R($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;

/** A full flow against a real API process at LOG_LEVEL=debug, then the captured log is searched for every secret it saw. */
describe.skipIf(!hasMariaDb)('request logs of a full flow', () => {
  let owner: TestServer;
  let api: ApiProcess;
  let receiver: Receiver;
  let t: TestTenant;

  beforeAll(async () => {
    receiver = await new Receiver().start();
    owner = await startTestServer('mariadb', { WEBHOOK_POLL_MS: '0' });
    t = await createTestTenant(owner.app, 'logs');
    api = await startApiProcess(owner.env, { LOG_LEVEL: 'debug', WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_POLL_MS: '100' });
  }, 180_000);
  afterAll(async () => {
    await api?.stop();
    await owner?.stop();
    await receiver?.stop();
  });

  it('names the operation and the principal kind, and contains no password, token, key or secret', { timeout: 60_000 }, async () => {
    const secrets: string[] = [TEST_PASSWORD, TEST_JWT_SECRET];
    const wrong = 'not-the-password-7f3a9c';
    secrets.push(wrong);
    expect((await gql(api.url, 'mutation Login($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email: t.admin.email, password: wrong } })).errors).toBeTruthy();

    const session = await login(api.url, t.admin.email);
    secrets.push(session.accessToken, session.refreshToken);
    const refreshed = (await gqlOk(api.url, REFRESH, { t: session.refreshToken })).refreshSession;
    secrets.push(refreshed.accessToken, refreshed.refreshToken);
    const admin = refreshed.accessToken as string;

    const key = await issueKey(api.url, admin, ALL_SCOPES);
    secrets.push(key.secret);
    const hook = (await gqlOk(api.url, CREATE_ENDPOINT, { input: { url: `${receiver.url}/logged`, eventTypes: ['TICKET_CREATED'] } }, { token: admin })).createWebhookEndpoint;
    secrets.push(hook.secret);
    // The partner creates a ticket with its key; the webhook is signed with the secret.
    await gqlOk(api.url, 'mutation PartnerCreate($i: CreateTicketInput!) { createTicket(input: $i) { id } }', {
      i: { title: 'From the partner', description: 'Logged flow', category: 'TECHNICAL', customerId: t.customer1.id },
    }, { token: key.secret });
    const [delivery] = await receiver.waitFor('/logged', 1);
    secrets.push(String(delivery.headers['x-sociodesk-signature']).replace(/^sha256=/, ''));
    // A bad credential is refused (and must not be echoed into the log either).
    const forged = `${key.secret.slice(0, -4)}abcd`;
    secrets.push(forged);
    expect((await gql(api.url, '{ tickets(first: 1) { totalCount } }', {}, { token: forged })).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const log = api.output();
    const lines = log.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    const requests = lines.filter((l) => l.msg === 'request' && l.path === '/graphql');
    expect(requests.length).toBeGreaterThanOrEqual(6);
    expect(requests).toEqual(expect.arrayContaining([
      expect.objectContaining({ operation: 'Login', principal: 'anonymous', requestId: expect.any(String) }),
      expect.objectContaining({ operation: 'CreateEndpoint', principal: 'user' }),
      expect.objectContaining({ operation: 'PartnerCreate', principal: 'apiKey' }),
    ]));
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThanOrEqual(16);
      expect(log.includes(secret), `the log contains a secret (${secret.slice(0, 6)}…)`).toBe(false);
    }
    // Not even a recognizable part of a token (a JWT's signature, a key's secret half).
    for (const token of [session.accessToken, refreshed.accessToken]) expect(log.includes(token.split('.')[2])).toBe(false);
    expect(log.includes(key.secret.split('_').at(-1)!)).toBe(false);
  });
});
