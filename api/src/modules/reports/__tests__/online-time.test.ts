import { afterEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { gqlOk } from '../../../test/graphql.js';
import { useTenantPair } from '../../../test/tenant-pair.js';
import { connectedWs, disposeAllWs } from '../../../test/ws.js';

const AGENTS = `query A($r: ReportRangeInput!) { agentStats(range: $r) { agentId ticketsHandled onlineMinutes } }`;
const SET_PRESENCE = 'mutation P($status: PresenceStatus!) { setPresence(status: $status) { status } }';
const STATUSES = '{ agents { user { id } status } }';
const MIN = 60_000;
const DAY = 86_400_000;

describe.each(await testDatabases())('time online in agentStats on %s', (db) => {
  // The presence history reads the server's clock, which this suite moves by hand.
  const start = Math.floor(Date.now() / MIN) * MIN - 3 * 60 * MIN;
  let clock = start;
  const { server, t, other, tokens } = useTenantPair(db, 'online', { build: { now: () => clock } });
  afterEach(() => disposeAllWs());

  const at = (minutes: number) => (clock = start + minutes * MIN);
  const range = (fromMinutes: number) => ({ from: new Date(start + fromMinutes * MIN).toISOString(), to: new Date(start + DAY).toISOString() });
  const stats = async (token: string, fromMinutes = -60) => (await gqlOk(server.url, AGENTS, { r: range(fromMinutes) }, { token })).agentStats;
  /** Waits until the change is visible to the tenant's admin, then until its interval is written. */
  const settled = async (token: string, userId: string, status: string) => {
    for (let i = 0; i < 100; i++) {
      const { agents } = await gqlOk(server.url, STATUSES, {}, { token });
      if (agents.find((a: any) => a.user.id === userId)?.status === status) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await server.app.workers.presence.idle();
  };
  const setPresence = async (token: string, status: string) => {
    await gqlOk(server.url, SET_PRESENCE, { status }, { token });
    await server.app.workers.presence.idle();
  };

  it('sums the ONLINE intervals of each agent within the range, in its own tenant only', async () => {
    at(0);
    const socket = await connectedWs(server.url, tokens.agent1);
    await settled(tokens.admin, t.agent1.id, 'ONLINE');
    at(90);
    await setPresence(tokens.agent1, 'AWAY');
    at(120);
    await setPresence(tokens.agent1, 'ONLINE');
    at(150);
    // 0–90 closed, 120–150 still open (counted until now); no tickets, still a row.
    expect(await stats(tokens.admin)).toEqual([{ agentId: t.agent1.id, ticketsHandled: 0, onlineMinutes: 120 }]);
    // Clipped to the range: 60–90 and 120–150.
    expect(await stats(tokens.admin, 60)).toEqual([{ agentId: t.agent1.id, ticketsHandled: 0, onlineMinutes: 60 }]);

    const stranger = await connectedWs(server.url, tokens.otherAgent);
    await settled(tokens.otherAdmin, other.agent1.id, 'ONLINE');
    at(160);
    expect(await stats(tokens.otherAdmin)).toEqual([{ agentId: other.agent1.id, ticketsHandled: 0, onlineMinutes: 10 }]);
    expect(await stats(tokens.admin)).toEqual([{ agentId: t.agent1.id, ticketsHandled: 0, onlineMinutes: 130 }]);

    // Closing the last socket ends the interval: later time does not count.
    await socket.dispose();
    await settled(tokens.admin, t.agent1.id, 'OFFLINE');
    at(200);
    expect(await stats(tokens.admin)).toEqual([{ agentId: t.agent1.id, ticketsHandled: 0, onlineMinutes: 130 }]);
    // An agent sees only their own row.
    expect(await stats(tokens.agent2)).toEqual([]);
    expect(await stats(tokens.agent1)).toEqual([{ agentId: t.agent1.id, ticketsHandled: 0, onlineMinutes: 130 }]);
    await stranger.dispose();
  });
});
