import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { gqlOk } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { connectedWs, disposeAllWs } from '../../../test/ws.js';
import { ACTIVITIES, chatWorld, chatsOf, setCapacity, startChat } from './chat.fixture.js';

const databases = (await testDatabases()).filter((db) => db === 'mariadb');

describe.runIf(databases.length)('two API instances on MariaDB + Redis', () => {
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    a = await startTestServer('mariadb', { CHAT_STARTS_PER_KEY: '1000' });
    b = await startTestServer('mariadb', { ...a.env, PORT: '0' });
  });
  afterAll(async () => {
    await disposeAllWs();
    await b?.stop();
    await a?.stop();
  });

  it('never give one chat to two agents nor push an agent past capacity (concurrent starts)', async () => {
    const w = await chatWorld(a, 'twin');
    await setCapacity(a, w.tokens.admin, w.t.agent1.id, 3);
    await setCapacity(a, w.tokens.admin, w.t.agent2.id, 3);
    // Each agent is connected to a different instance; presence is shared through Redis.
    await connectedWs(a.url, w.tokens.agent1);
    await connectedWs(b.url, w.tokens.agent2);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => startChat(i % 2 ? b : a, w.key.key)));
    for (const r of results) expect(r.errors).toBeUndefined();
    const chats = await chatsOf(a, w.tokens.admin, ['WAITING', 'ACTIVE']);
    expect(chats).toHaveLength(10);
    const load = new Map<string, number>();
    for (const c of chats.filter((c) => c.agent)) load.set(c.agent!.id, (load.get(c.agent!.id) ?? 0) + 1);
    expect([...load.values()]).toEqual([3, 3]);
    expect(chats.filter((c) => c.state === 'WAITING')).toHaveLength(4);
    for (const c of chats) {
      const { ticket } = await gqlOk<{ ticket: { activities: { edges: Array<{ node: { type: string } }> } } }>(a.url, ACTIVITIES, { id: c.ticketId }, { token: w.tokens.admin });
      const assigned = ticket.activities.edges.filter((e) => e.node.type === 'CHAT_ASSIGNED').length;
      expect(assigned).toBe(c.agent ? 1 : 0);
    }
  });
});
