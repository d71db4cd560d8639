import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql, gqlOk } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, tokenFor, type TestTenant } from '../../../test/tenants.js';
import { connectWs, disposeAllWs } from '../../../test/ws.js';
import { createTicket, POST } from '../../ticket/__tests__/ticket.fixture.js';
import { ALL_SCOPES, API_KEYS, CREATE_KEY, issueKey, revokeKey, sleep } from './partner.fixture.js';

const TICKETS = `query { tickets(first: 50) { totalCount edges { node { id customer { id } } } } }`;
const WITH_MESSAGES = `query T($id: ID!) { ticket(id: $id) { id messages { edges { node { body internal } } } } }`;
const CREATE = `mutation C($input: CreateTicketInput!) { createTicket(input: $input) { id channel customer { id } } }`;
const FEED = `query F($after: String) { ticketEventFeed(after: $after, first: 100) { edges { cursor node { seq type } } } }`;
const EVENTS = `subscription { ticketEvents { seq type ticketId } }`;

describe.each(await testDatabases())('API keys on %s', (db) => {
  let server: TestServer;
  let t: TestTenant;
  let other: TestTenant;
  let clockOffsetMs = 0;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(db, {}, { now: () => Date.now() + clockOffsetMs });
    t = await createTestTenant(server.app, 'keys');
    other = await createTestTenant(server.app, 'keys-other');
    for (const who of ['admin', 'agent1', 'customer1', 'customer2'] as const) tokens[who] = await tokenFor(server.url, t[who]);
    tokens.otherAdmin = await tokenFor(server.url, other.admin);
  });
  afterEach(async () => {
    clockOffsetMs = 0;
    await disposeAllWs();
  });
  afterAll(async () => {
    await disposeAllWs();
    await server?.stop();
  });

  it('issues a key whose secret is shown once, stored hashed and listed by prefix', async () => {
    const created = await gqlOk(server.url, CREATE_KEY, { input: { name: 'CRM sync', scopes: ['TICKETS_READ', 'TICKETS_READ', 'EVENTS_READ'] } }, { token: tokens.admin });
    const { secret, apiKey } = created.createApiKey;
    expect(secret).toMatch(/^sdk_live_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(`${apiKey.prefix}_`)).toBe(true);
    expect(apiKey).toMatchObject({ name: 'CRM sync', scopes: ['EVENTS_READ', 'TICKETS_READ'], lastUsedAt: null, revokedAt: null, expiresAt: null });
    await gqlOk(server.url, TICKETS, {}, { token: secret });
    const listed = (await gqlOk(server.url, API_KEYS, {}, { token: tokens.admin })).apiKeys;
    const mine = listed.find((k: { id: string }) => k.id === apiKey.id);
    expect(mine.prefix).toBe(apiKey.prefix);
    expect(mine.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(secret.slice(apiKey.prefix.length + 1));
    // Another tenant's admin sees none of them; agents may not manage keys.
    expect((await gqlOk(server.url, API_KEYS, {}, { token: tokens.otherAdmin })).apiKeys).toEqual([]);
    expect(errorCode(await gql(server.url, API_KEYS, {}, { token: tokens.agent1 }))).toBe('FORBIDDEN');
    const bad = await gql(server.url, CREATE_KEY, { input: { name: 'x', scopes: ['TICKETS_ADMIN'] } }, { token: tokens.admin });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
  });

  it('updates lastUsedAt at most once a minute', async () => {
    const key = await issueKey(server.url, tokens.admin, ['tickets:read']);
    const lastUsed = async () => (await gqlOk(server.url, API_KEYS, {}, { token: tokens.admin })).apiKeys.find((k: { id: string }) => k.id === key.id).lastUsedAt;
    await gqlOk(server.url, TICKETS, {}, { token: key.secret });
    await sleep(100);
    const first = await lastUsed();
    await gqlOk(server.url, TICKETS, {}, { token: key.secret });
    await sleep(100);
    expect(await lastUsed()).toBe(first);
    clockOffsetMs = 61_000;
    await gqlOk(server.url, TICKETS, {}, { token: key.secret });
    await sleep(100);
    expect(new Date(await lastUsed()).getTime()).toBeGreaterThan(new Date(first).getTime() + 60_000);
  });

  it('reads every ticket of its own tenant with tickets:read, and nothing more', async () => {
    const a = await createTicket(server.url, tokens.customer1);
    const b = await createTicket(server.url, tokens.customer2);
    await createTicket(server.url, await tokenFor(server.url, other.customer1));
    const key = await issueKey(server.url, tokens.admin, ['tickets:read']);
    const seen = (await gqlOk(server.url, TICKETS, {}, { token: key.secret })).tickets.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(seen).toEqual(expect.arrayContaining([a.id, b.id]));
    const all = (await gqlOk(server.url, TICKETS, {}, { token: tokens.admin })).tickets.totalCount;
    expect(seen.length).toBe(all);
    // Without the scope for it: messages, writes, feed, and fields not open to keys at all.
    const messages = await gql(server.url, WITH_MESSAGES, { id: a.id }, { token: key.secret });
    expect(errorCode(messages)).toBe('FORBIDDEN');
    const create = await gql(server.url, CREATE, { input: { title: 'abc', description: 'd', category: 'BILLING', customerId: t.customer1.id } }, { token: key.secret });
    expect(create.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', missingScopes: ['tickets:write'] });
    expect(errorCode(await gql(server.url, FEED, {}, { token: key.secret }))).toBe('FORBIDDEN');
    for (const q of ['{ users { totalCount } }', '{ me { user { id } } }', '{ apiKeys { id } }', '{ agents { status } }']) {
      expect(errorCode(await gql(server.url, q, {}, { token: key.secret })), q).toBe('FORBIDDEN');
    }
  });

  it('reads public messages with messages:read, never internal notes', async () => {
    const ticket = await createTicket(server.url, tokens.customer1);
    await gqlOk(server.url, POST, { input: { ticketId: ticket.id, body: 'Public reply' } }, { token: tokens.agent1 });
    await gqlOk(server.url, POST, { input: { ticketId: ticket.id, body: 'Secret note', internal: true } }, { token: tokens.agent1 });
    const key = await issueKey(server.url, tokens.admin, ['tickets:read', 'messages:read']);
    const data = await gqlOk(server.url, WITH_MESSAGES, { id: ticket.id }, { token: key.secret });
    expect(data.ticket.messages.edges.map((e: { node: { body: string } }) => e.node.body)).toEqual(['Public reply']);
  });

  it('opens API-channel tickets for a customer, updates them and replies with write scopes', async () => {
    const key = await issueKey(server.url, tokens.admin, ['tickets:write', 'messages:write']);
    const input = { title: 'From the CRM', description: 'Synced', category: 'BILLING', customerId: t.customer2.id };
    const created = (await gqlOk(server.url, CREATE, { input }, { token: key.secret })).createTicket;
    expect(created).toMatchObject({ channel: 'API', customer: { id: t.customer2.id } });
    const noCustomer = await gql(server.url, CREATE, { input: { ...input, customerId: undefined } }, { token: key.secret });
    expect(noCustomer.errors?.[0].extensions?.fields?.customerId).toBeTruthy();
    const wrongChannel = await gql(server.url, CREATE, { input: { ...input, channel: 'WEB' } }, { token: key.secret });
    expect(wrongChannel.errors?.[0].extensions?.fields?.channel).toBeTruthy();
    const notCustomer = await gql(server.url, CREATE, { input: { ...input, customerId: t.agent1.id } }, { token: key.secret });
    expect(errorCode(notCustomer)).toBe('BAD_USER_INPUT');
    const foreign = await gql(server.url, CREATE, { input: { ...input, customerId: other.customer1.id } }, { token: key.secret });
    expect(errorCode(foreign)).toBe('BAD_USER_INPUT');

    const updated = await gqlOk(server.url, `mutation { updateTicket(id: "${created.id}", input: { priority: HIGH }) { priority } }`, {}, { token: key.secret });
    expect(updated.updateTicket.priority).toBe('HIGH');
    const moved = await gqlOk(server.url, `mutation { changeTicketStatus(id: "${created.id}", status: IN_PROGRESS) { status } }`, {}, { token: key.secret });
    expect(moved.changeTicketStatus.status).toBe('IN_PROGRESS');
    const reply = await gqlOk(server.url, POST, { input: { ticketId: created.id, body: 'Update from the CRM' } }, { token: key.secret });
    expect(reply.postMessage).toMatchObject({ internal: false, author: null });
    const internal = await gql(server.url, POST, { input: { ticketId: created.id, body: 'psst', internal: true } }, { token: key.secret });
    expect(errorCode(internal)).toBe('FORBIDDEN');
    // Not opened to keys: assignment and deletion stay with staff.
    expect(errorCode(await gql(server.url, `mutation { deleteTicket(id: "${created.id}") { id } }`, {}, { token: key.secret }))).toBe('FORBIDDEN');
  });

  it('rejects revoked and expired keys on HTTP with UNAUTHENTICATED', async () => {
    const revoked = await issueKey(server.url, tokens.admin, ['tickets:read']);
    await gqlOk(server.url, TICKETS, {}, { token: revoked.secret });
    await revokeKey(server.url, tokens.admin, revoked.id);
    const afterRevoke = await gql(server.url, TICKETS, {}, { token: revoked.secret });
    expect(afterRevoke.status).toBe(401);
    expect(afterRevoke.errors?.[0]).toMatchObject({ message: 'API key revoked', extensions: { code: 'UNAUTHENTICATED' } });

    const expiring = await issueKey(server.url, tokens.admin, ['tickets:read'], { expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    await gqlOk(server.url, TICKETS, {}, { token: expiring.secret });
    clockOffsetMs = 2 * 3_600_000;
    const afterExpiry = await gql(server.url, TICKETS, {}, { token: expiring.secret });
    expect(afterExpiry.status).toBe(401);
    expect(afterExpiry.errors?.[0]).toMatchObject({ message: 'API key expired', extensions: { code: 'UNAUTHENTICATED' } });

    const forged = `${expiring.prefix}_${'A'.repeat(43)}`;
    expect((await gql(server.url, TICKETS, {}, { token: forged })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // Another tenant header than the key's is refused.
    const live = await issueKey(server.url, tokens.admin, ['tickets:read']);
    clockOffsetMs = 0;
    expect((await gql(server.url, TICKETS, {}, { token: live.secret, headers: { 'x-tenant-id': other.id } })).status).toBe(403);
  });

  it('authenticates WebSockets with a key, refuses revoked and expired ones with 4401, and closes open ones on revoke', async () => {
    const key = await issueKey(server.url, tokens.admin, ['events:read']);
    const conn = connectWs(server.url, key.secret);
    await conn.connected;
    const sub = conn.subscribe(EVENTS);
    await sub.prime(() => createTicket(server.url, tokens.customer1));
    await revokeKey(server.url, tokens.admin, key.id);
    expect(await conn.closed).toEqual({ code: 4401, reason: 'API key revoked' });
    const again = connectWs(server.url, key.secret);
    expect(await again.closed).toMatchObject({ code: 4401, reason: 'API key revoked' });

    const noEvents = await issueKey(server.url, tokens.admin, ['tickets:read']);
    const denied = (await connectWs(server.url, noEvents.secret)).subscribe(EVENTS);
    expect((await denied.failed()).map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);

    const expiring = await issueKey(server.url, tokens.admin, ['events:read'], { expiresAt: new Date(Date.now() + 60_000).toISOString() });
    clockOffsetMs = 120_000;
    expect(await connectWs(server.url, expiring.secret).closed).toMatchObject({ code: 4401, reason: 'API key expired' });
  });

  it.runIf(db === 'mariadb')('closes a revoked key’s sockets on every instance', async () => {
    const second = await startTestServer(db, { DATABASE_URL: server.env.DATABASE_URL, REDIS_PREFIX: server.env.REDIS_PREFIX });
    try {
      const key = await issueKey(server.url, tokens.admin, ['events:read']);
      const elsewhere = connectWs(second.url, key.secret);
      await elsewhere.connected;
      await revokeKey(server.url, tokens.admin, key.id);
      expect(await elsewhere.closed).toEqual({ code: 4401, reason: 'API key revoked' });
    } finally {
      await disposeAllWs();
      await second.stop();
    }
  });

  it('keeps PARTNER for API keys: it is not a role a member can be given', async () => {
    const created = await gql(server.url, `mutation { createUser(input: { email: "p@example.test", name: "P", role: PARTNER }) { user { id } } }`, {}, { token: tokens.admin });
    expect(errorCode(created)).toBe('BAD_USER_INPUT');
    const changed = await gql(server.url, `mutation { updateUserRole(userId: "${t.agent1.id}", role: PARTNER) { id } }`, {}, { token: tokens.admin });
    expect(errorCode(changed)).toBe('BAD_USER_INPUT');
    expect(ALL_SCOPES).toHaveLength(5);
  });
});
