import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql, gqlOk } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, tokenFor, type TestTenant } from '../../../test/tenants.js';
import { connectedWs, connectWs, disposeAllWs, type WsSubscription } from '../../../test/ws.js';

const PRESENCE_CHANGED = 'subscription { presenceChanged { user { id role } status updatedAt } }';
const AGENTS = '{ agents { user { id } status } }';
const SET_PRESENCE = 'mutation P($status: PresenceStatus!) { setPresence(status: $status) { user { id } status } }';

interface Presence {
  user: { id: string; role: string };
  status: string;
  updatedAt: string;
}

describe.each(await testDatabases())('agent presence on %s', (db) => {
  let server: TestServer;
  let t: TestTenant;
  let other: TestTenant;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(db);
    t = await createTestTenant(server.app, 'presence');
    other = await createTestTenant(server.app, 'presence-other');
    for (const who of ['admin', 'agent1', 'agent2', 'customer1'] as const) tokens[who] = await tokenFor(server.url, t[who]);
    tokens.otherAdmin = await tokenFor(server.url, other.admin);
  });
  afterEach(() => disposeAllWs());
  afterAll(async () => {
    await disposeAllWs();
    await server?.stop();
  });

  const setPresence = (token: string, status: string) => gql(server.url, SET_PRESENCE, { status }, { token });
  const statusOf = async (userId: string, token = tokens.admin) => {
    const { agents } = await gqlOk<{ agents: Array<{ user: { id: string }; status: string }> }>(server.url, AGENTS, {}, { token });
    return agents.find((a) => a.user.id === userId)?.status;
  };
  /** A presenceChanged subscriber known to be live: its own setPresence(ONLINE) came through. */
  const watch = async (token: string, selfId: string): Promise<WsSubscription<Presence>> => {
    const sub = connectWs(server.url, token).subscribe<Presence>(PRESENCE_CHANGED);
    await sub.prime(() => setPresence(token, 'ONLINE'), (e) => e.user.id === selfId && e.status === 'ONLINE');
    return sub;
  };
  const isAgent1 = (status: string) => (e: Presence) => e.user.id === t.agent1.id && e.status === status;

  it('follows an agent from first connection through BUSY to the close of the last socket', async () => {
    const admin = await watch(tokens.admin, t.admin.id);
    const stranger = await watch(tokens.otherAdmin, other.admin.id);
    expect(await statusOf(t.agent1.id)).toBe('OFFLINE');

    const first = await connectedWs(server.url, tokens.agent1);
    const online = await admin.nextEvent();
    expect(online).toMatchObject({ user: { id: t.agent1.id, role: 'AGENT' }, status: 'ONLINE' });
    expect(await statusOf(t.agent1.id)).toBe('ONLINE');

    const busy = await setPresence(tokens.agent1, 'BUSY');
    expect(busy.data?.setPresence).toEqual({ user: { id: t.agent1.id }, status: 'BUSY' });
    expect(await admin.nextEvent()).toMatchObject({ user: { id: t.agent1.id }, status: 'BUSY' });
    expect(await statusOf(t.agent1.id)).toBe('BUSY');
    // Agents see the same list.
    expect(await statusOf(t.agent1.id, tokens.agent2)).toBe('BUSY');

    // A second socket changes nothing, and closing one of two keeps the agent BUSY.
    const second = await connectedWs(server.url, tokens.agent1);
    await admin.expectNothing(300);
    expect(await statusOf(t.agent1.id)).toBe('BUSY');
    expect((await first.dispose()).code).toBe(1000);
    await admin.expectNothing(500);
    expect(await statusOf(t.agent1.id)).toBe('BUSY');

    // Closing the last socket makes the agent OFFLINE.
    await second.dispose();
    expect(await admin.nextEvent()).toMatchObject({ user: { id: t.agent1.id }, status: 'OFFLINE' });
    expect(await statusOf(t.agent1.id)).toBe('OFFLINE');
    await admin.expectNothing(300);

    // The other tenant's admin saw none of it.
    await stranger.expectNothing(100);
    expect(stranger.events.filter((e) => e.user.id === t.agent1.id)).toEqual([]);
  });

  it('refuses setPresence(OFFLINE) with BAD_USER_INPUT and publishes nothing', async () => {
    const admin = await watch(tokens.admin, t.admin.id);
    await connectedWs(server.url, tokens.agent1);
    await admin.waitFor(isAgent1('ONLINE'));
    const offline = await setPresence(tokens.agent1, 'OFFLINE');
    expect(errorCode(offline)).toBe('BAD_USER_INPUT');
    expect(offline.errors![0].extensions!.fields).toHaveProperty('status');
    await admin.expectNothing(500);
    expect(await statusOf(t.agent1.id)).not.toBe('OFFLINE');
  });

  it('counts every socket, also when several open and close at once', async () => {
    const admin = await watch(tokens.admin, t.admin.id);
    const sockets = await Promise.all(Array.from({ length: 5 }, () => connectedWs(server.url, tokens.agent2)));
    expect(await admin.waitFor((e) => e.user.id === t.agent2.id)).toMatchObject({ status: 'ONLINE' });
    await Promise.all(sockets.slice(1).map((s) => s.dispose()));
    await admin.expectNothing(500);
    expect(await statusOf(t.agent2.id)).toBe('ONLINE');
    await sockets[0].dispose();
    expect(await admin.nextEvent()).toMatchObject({ user: { id: t.agent2.id }, status: 'OFFLINE' });
    expect(await statusOf(t.agent2.id)).toBe('OFFLINE');
  });

  it('ignores customers’ sockets and keeps presence to staff', async () => {
    const admin = await watch(tokens.admin, t.admin.id);
    await connectedWs(server.url, tokens.customer1);
    await admin.expectNothing(500);
    const agents = await gql(server.url, AGENTS, {}, { token: tokens.customer1 });
    expect(errorCode(agents)).toBe('FORBIDDEN');
    expect(errorCode(await setPresence(tokens.customer1, 'BUSY'))).toBe('FORBIDDEN');
    const { agents: list } = await gqlOk<{ agents: Array<{ user: { id: string } }> }>(server.url, AGENTS, {}, { token: tokens.admin });
    expect(list.map((a) => a.user.id).sort()).toEqual([t.admin.id, t.agent1.id, t.agent2.id].sort());
  });
});
