import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql, gqlOk } from '../../../test/graphql.js';
import { useTenantPair } from '../../../test/tenant-pair.js';
import { createTicket, POST } from './ticket.fixture.js';

const STATUS_FIELDS = 'id key name nameIndonesian category pausesSla position active builtIn';
const LIST = `{ ticketStatuses { ${STATUS_FIELDS} } }`;
const CREATE = `mutation C($i: CreateTicketStatusInput!) { createTicketStatus(input: $i) { ${STATUS_FIELDS} } }`;
const UPDATE = `mutation U($id: ID!, $i: UpdateTicketStatusInput!) { updateTicketStatus(id: $id, input: $i) { ${STATUS_FIELDS} } }`;
const DELETE = `mutation D($id: ID!) { deleteTicketStatus(id: $id) }`;
const MOVE = `mutation M($id: ID!, $status: TicketStatus, $key: String) { changeTicketStatus(id: $id, status: $status, statusKey: $key) {
  status statusKey customStatus { key name } viewerCanChangeStatusTo viewerCanChangeStatusKeyTo } }`;
const STATE = `query S($id: ID!) { ticket(id: $id) { status statusKey resolutionDueAt customStatus { key }
  sla { resolution { state dueAt } } activities(first: 50) { edges { node { type changes { field from to } } } } } }`;
const SET_POLICY = `mutation S($i: SlaPolicyInput!) { setSlaPolicy(input: $i) { id } }`;
const KEY = `mutation K($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }`;
const FEED = `query F($after: String) { ticketEventFeed(after: $after, first: 100) { edges { node { type ticketId changes { field from to } ticket { status statusKey } } } } }`;

describe.each(await testDatabases())('custom ticket statuses on %s', (db) => {
  const { server, tokens: tok } = useTenantPair(db, 'status');
  let waiting: { id: string; key: string };

  const move = (token: string, id: string, vars: { status?: string; key?: string }) => gql(server.url, MOVE, { id, ...vars }, { token });

  beforeAll(async () => {
    waiting = (
      await gqlOk(
        server.url,
        CREATE,
        { i: { key: 'waiting-on-customer', name: 'Waiting on customer', nameIndonesian: 'Menunggu pelanggan', category: 'IN_PROGRESS', pausesSla: true } },
        { token: tok.admin },
      )
    ).createTicketStatus;
    await gqlOk(server.url, SET_POLICY, { i: { category: 'TECHNICAL', firstResponseMinutes: 60, resolutionMinutes: 600, businessHours: false } }, { token: tok.admin });
  });

  it('lists the built-in statuses with the workspace ones under their category, and validates input per field', async () => {
    const list = (await gqlOk(server.url, LIST, {}, { token: tok.agent1 })).ticketStatuses;
    expect(list.map((s: { key: string }) => s.key)).toEqual(['OPEN', 'IN_PROGRESS', 'waiting-on-customer', 'RESOLVED', 'CLOSED']);
    expect(list[2]).toMatchObject({ name: 'Waiting on customer', nameIndonesian: 'Menunggu pelanggan', category: 'IN_PROGRESS', pausesSla: true, builtIn: false, active: true });
    expect(list[0]).toMatchObject({ key: 'OPEN', builtIn: true, category: 'OPEN' });

    const bad = await gql(server.url, CREATE, { i: { key: 'Bad Key', name: ' ', category: 'OPEN' } }, { token: tok.admin });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(Object.keys(bad.errors![0]!.extensions!.fields!).sort()).toEqual(['key', 'name']);
    const taken = await gql(server.url, CREATE, { i: { key: 'waiting-on-customer', name: 'Again', category: 'OPEN' } }, { token: tok.admin });
    expect(errorCode(taken)).toBe('BAD_USER_INPUT');
    expect(taken.errors![0]!.extensions!.fields).toEqual({ key: ['is already used by another status'] });
    // The other tenant has none of this workspace's statuses, and may use the same key for its own.
    expect((await gqlOk(server.url, LIST, {}, { token: tok.otherAdmin })).ticketStatuses.map((s: { key: string }) => s.key)).toEqual(['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED']);
    await gqlOk(server.url, CREATE, { i: { key: 'waiting-on-customer', name: 'Theirs', category: 'OPEN' } }, { token: tok.otherAdmin });
  });

  it('lets only admins manage statuses; another tenant gets NOT_FOUND', async () => {
    const draft = (await gqlOk(server.url, CREATE, { i: { key: 'triage', name: 'Triage', category: 'OPEN' } }, { token: tok.admin })).createTicketStatus;
    expect(errorCode(await gql(server.url, CREATE, { i: { key: 'mine', name: 'Mine', category: 'OPEN' } }, { token: tok.agent1 }))).toBe('FORBIDDEN');
    expect(errorCode(await gql(server.url, UPDATE, { id: draft.id, i: { name: 'X' } }, { token: tok.agent1 }))).toBe('FORBIDDEN');
    expect(errorCode(await gql(server.url, DELETE, { id: draft.id }, { token: tok.customer1 }))).toBe('FORBIDDEN');
    expect(errorCode(await gql(server.url, UPDATE, { id: draft.id, i: { name: 'Stolen' } }, { token: tok.otherAdmin }))).toBe('NOT_FOUND');
    expect(errorCode(await gql(server.url, DELETE, { id: draft.id }, { token: tok.otherAdmin }))).toBe('NOT_FOUND');
    expect(errorCode(await gql(server.url, UPDATE, { id: 'OPEN', i: { name: 'Renamed' } }, { token: tok.admin }))).toBe('NOT_FOUND');

    const renamed = (await gqlOk(server.url, UPDATE, { id: draft.id, i: { name: 'First look', position: 5, category: 'IN_PROGRESS' } }, { token: tok.admin })).updateTicketStatus;
    expect(renamed).toMatchObject({ key: 'triage', name: 'First look', category: 'IN_PROGRESS' });
    // Used by a ticket: the category is fixed and deleting is refused; it can still be made inactive.
    const ticket = await createTicket(server.url, tok.customer1);
    expect((await move(tok.agent1, ticket.id, { key: 'triage' })).data!.changeTicketStatus.statusKey).toBe('triage');
    expect(errorCode(await gql(server.url, UPDATE, { id: draft.id, i: { category: 'OPEN' } }, { token: tok.admin }))).toBe('CONFLICT');
    expect(errorCode(await gql(server.url, DELETE, { id: draft.id }, { token: tok.admin }))).toBe('CONFLICT');
    await gqlOk(server.url, UPDATE, { id: draft.id, i: { active: false } }, { token: tok.admin });
    const other = await createTicket(server.url, tok.customer1);
    const refused = await move(tok.agent1, other.id, { key: 'triage' });
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    const unused = (await gqlOk(server.url, CREATE, { i: { key: 'spare', name: 'Spare', category: 'RESOLVED' } }, { token: tok.admin })).createTicketStatus;
    expect((await gqlOk(server.url, DELETE, { id: unused.id }, { token: tok.admin })).deleteTicketStatus).toBe(true);
  });

  it('keeps the four-category state machine: a status runs the transition of its category', async () => {
    const ticket = await createTicket(server.url, tok.customer1);
    // OPEN → waiting-on-customer is OPEN → IN_PROGRESS: allowed, and offered.
    const offered = (await gqlOk(server.url, `query Q($id: ID!) { ticket(id: $id) { viewerCanChangeStatusKeyTo } }`, { id: ticket.id }, { token: tok.agent1 })).ticket;
    expect(offered.viewerCanChangeStatusKeyTo).toContain('waiting-on-customer');
    expect(offered.viewerCanChangeStatusKeyTo).not.toContain('RESOLVED');
    const moved = (await move(tok.agent1, ticket.id, { key: 'waiting-on-customer' })).data!.changeTicketStatus;
    expect(moved).toMatchObject({ status: 'IN_PROGRESS', statusKey: 'waiting-on-customer', customStatus: { key: 'waiting-on-customer', name: 'Waiting on customer' } });
    expect(moved.viewerCanChangeStatusKeyTo).toEqual(expect.arrayContaining(['IN_PROGRESS', 'RESOLVED']));
    expect(moved.viewerCanChangeStatusKeyTo).not.toContain('waiting-on-customer');
    // Within the category: back to the built-in IN_PROGRESS.
    expect((await move(tok.agent1, ticket.id, { key: 'IN_PROGRESS' })).data!.changeTicketStatus).toMatchObject({ status: 'IN_PROGRESS', statusKey: 'IN_PROGRESS', customStatus: null });
    // A key and a category that disagree, an unknown key, an illegal transition.
    expect(errorCode(await move(tok.agent1, ticket.id, { status: 'RESOLVED', key: 'waiting-on-customer' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await move(tok.agent1, ticket.id, { key: 'nope' }))).toBe('BAD_USER_INPUT');
    await gqlOk(server.url, MOVE, { id: ticket.id, status: 'RESOLVED' }, { token: tok.agent1 });
    await gqlOk(server.url, MOVE, { id: ticket.id, status: 'CLOSED' }, { token: tok.agent1 });
    const closed = await move(tok.agent1, ticket.id, { key: 'waiting-on-customer' });
    expect(errorCode(closed)).toBe('BAD_USER_INPUT');
    expect(closed.errors![0]!.message).toContain('CLOSED → IN_PROGRESS');

    // Customers may not move a ticket between statuses of one category; changing the category clears the status.
    const second = await createTicket(server.url, tok.customer1);
    await gqlOk(server.url, MOVE, { id: second.id, key: 'waiting-on-customer' }, { token: tok.agent1 });
    expect(errorCode(await move(tok.customer1, second.id, { key: 'IN_PROGRESS' }))).toBe('FORBIDDEN');
    expect((await move(tok.agent1, second.id, { status: 'RESOLVED' })).data!.changeTicketStatus).toMatchObject({ status: 'RESOLVED', statusKey: 'RESOLVED', customStatus: null });
    // Another tenant's ticket does not exist.
    expect(errorCode(await move(tok.otherAdmin, second.id, { key: 'IN_PROGRESS' }))).toBe('NOT_FOUND');
  });

  it('pauses the resolution clock while in a pausing status and resumes it after; a customer reply ends the wait', async () => {
    const ticket = await createTicket(server.url, tok.customer1);
    await gqlOk(server.url, MOVE, { id: ticket.id, status: 'IN_PROGRESS' }, { token: tok.agent1 });
    await gqlOk(server.url, POST, { input: { ticketId: ticket.id, body: 'Which error do you see?' } }, { token: tok.agent1 });
    const running = (await gqlOk(server.url, STATE, { id: ticket.id }, { token: tok.agent1 })).ticket;
    expect(running.sla.resolution.state).toBe('ON_TRACK');

    await gqlOk(server.url, MOVE, { id: ticket.id, key: 'waiting-on-customer' }, { token: tok.agent1 });
    const paused = (await gqlOk(server.url, STATE, { id: ticket.id }, { token: tok.agent1 })).ticket;
    expect(paused.sla.resolution.state).toBe('PAUSED');
    // Only its resolution clock was pending: a paused ticket has no live SLA state to filter by.
    const pausedFeed = (await gqlOk(server.url, `query L { tickets(filter: { slaState: [ON_TRACK, AT_RISK, BREACHED] }, first: 100) { edges { node { id } } } }`, {}, { token: tok.agent1 })).tickets;
    expect(pausedFeed.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(ticket.id);

    // The customer answers: back to IN_PROGRESS itself, the clock running again with the paused time added.
    await gqlOk(server.url, POST, { input: { ticketId: ticket.id, body: 'Here is the error message.' } }, { token: tok.customer1 });
    const resumed = (await gqlOk(server.url, STATE, { id: ticket.id }, { token: tok.agent1 })).ticket;
    expect(resumed).toMatchObject({ status: 'IN_PROGRESS', statusKey: 'IN_PROGRESS', customStatus: null });
    expect(resumed.sla.resolution.state).toBe('ON_TRACK');
    expect(new Date(resumed.resolutionDueAt).getTime()).toBeGreaterThanOrEqual(new Date(running.resolutionDueAt).getTime());
    const last = resumed.activities.edges.map((e: { node: unknown }) => e.node).filter((n: { type: string }) => n.type === 'STATUS_CHANGED').at(-1);
    expect(last.changes).toEqual([{ field: 'statusKey', from: 'waiting-on-customer', to: 'IN_PROGRESS' }]);

    // Turning the flag off resumes the clocks of the tickets in the status.
    await gqlOk(server.url, MOVE, { id: ticket.id, key: 'waiting-on-customer' }, { token: tok.agent1 });
    expect((await gqlOk(server.url, STATE, { id: ticket.id }, { token: tok.agent1 })).ticket.sla.resolution.state).toBe('PAUSED');
    await gqlOk(server.url, UPDATE, { id: waiting.id, i: { pausesSla: false } }, { token: tok.admin });
    await server.app.workers.slaRecompute.idle(); // the status's tickets follow after the write, in batches
    expect((await gqlOk(server.url, STATE, { id: ticket.id }, { token: tok.agent1 })).ticket.sla.resolution.state).toBe('ON_TRACK');
    await gqlOk(server.url, UPDATE, { id: waiting.id, i: { pausesSla: true } }, { token: tok.admin });
    await server.app.workers.slaRecompute.idle();
    expect((await gqlOk(server.url, STATE, { id: ticket.id }, { token: tok.agent1 })).ticket.sla.resolution.state).toBe('PAUSED');
  });

  it('sets statuses by key from bulk changes and macros', async () => {
    const [a, b] = [await createTicket(server.url, tok.customer1), await createTicket(server.url, tok.customer1)];
    const bulk = (
      await gqlOk(
        server.url,
        `mutation B($i: BulkUpdateTicketsInput!) { bulkUpdateTickets(input: $i) { updated { id statusKey } failures { id code } } }`,
        { i: { ids: [a.id, b.id], statusKey: 'waiting-on-customer' } },
        { token: tok.agent1 },
      )
    ).bulkUpdateTickets;
    expect(bulk.failures).toEqual([]);
    expect(bulk.updated.map((x: { statusKey: string }) => x.statusKey)).toEqual(['waiting-on-customer', 'waiting-on-customer']);
    const macro = (
      await gqlOk(
        server.url,
        `mutation C($i: MacroInput!) { createMacro(input: $i) { id actions { type statusKey } } }`,
        { i: { name: 'Back to work', shared: false, actions: [{ type: 'SET_STATUS', statusKey: 'IN_PROGRESS' }] } },
        { token: tok.agent1 },
      )
    ).createMacro;
    expect(macro.actions).toEqual([{ type: 'SET_STATUS', statusKey: 'IN_PROGRESS' }]);
    const bad = await gql(server.url, `mutation C($i: MacroInput!) { createMacro(input: $i) { id } }`, { i: { name: 'Bad', shared: false, actions: [{ type: 'SET_STATUS', statusKey: 'nope' }] } }, { token: tok.agent1 });
    expect(bad.errors![0]!.extensions!.fields).toEqual({ 'actions.0.statusKey': ['no status has the key nope'] });
    const applied = (await gqlOk(server.url, `mutation A($i: ApplyMacroInput!) { applyMacro(input: $i) { tickets { statusKey status } } }`, { i: { macroId: macro.id, ticketIds: [a.id] } }, { token: tok.agent1 })).applyMacro;
    expect(applied.tickets).toEqual([{ statusKey: 'IN_PROGRESS', status: 'IN_PROGRESS' }]);
  });

  it('gives a partner API key the category and the key, on the ticket and in the change feed', async () => {
    const key = (await gqlOk(server.url, KEY, { i: { name: 'CRM', scopes: ['TICKETS_READ', 'TICKETS_WRITE', 'EVENTS_READ'] } }, { token: tok.admin })).createApiKey.secret;
    const ticket = await createTicket(server.url, tok.customer1);
    const moved = (await move(key, ticket.id, { key: 'waiting-on-customer' })).data!.changeTicketStatus;
    expect(moved).toMatchObject({ status: 'IN_PROGRESS', statusKey: 'waiting-on-customer' });
    const statuses = (await gqlOk(server.url, LIST, {}, { token: key })).ticketStatuses;
    expect(statuses.find((s: { key: string }) => s.key === 'waiting-on-customer')).toMatchObject({ category: 'IN_PROGRESS', pausesSla: true });
    const events = (await gqlOk(server.url, FEED, {}, { token: key })).ticketEventFeed.edges.map((e: { node: unknown }) => e.node).filter((n: { ticketId: string }) => n.ticketId === ticket.id);
    const change = events.find((n: { type: string }) => n.type === 'STATUS_CHANGED');
    expect(change.changes).toEqual([
      { field: 'status', from: 'OPEN', to: 'IN_PROGRESS' },
      { field: 'statusKey', from: 'OPEN', to: 'waiting-on-customer' },
    ]);
    expect(change.ticket).toEqual({ status: 'IN_PROGRESS', statusKey: 'waiting-on-customer' });
    // Filtering by key: a category key matches only the tickets without a status of the workspace.
    const byKey = async (keys: string[]) =>
      (await gqlOk(server.url, `query L($f: TicketFilter) { tickets(filter: $f, first: 100) { edges { node { id } } } }`, { f: { statusKey: keys } }, { token: key })).tickets.edges.map(
        (e: { node: { id: string } }) => e.node.id,
      );
    expect(await byKey(['waiting-on-customer'])).toContain(ticket.id);
    expect(await byKey(['IN_PROGRESS'])).not.toContain(ticket.id);
  });

  it('answers the board query with the same number of SQL statements whatever the page size', async () => {
    for (let i = 0; i < 12; i++) {
      const x = await createTicket(server.url, tok.customer2);
      if (i % 3 === 0) await gqlOk(server.url, MOVE, { id: x.id, key: 'waiting-on-customer' }, { token: tok.agent1 });
    }
    const board = `query B($first: Int!) { tickets(first: $first) { edges { node { id status statusKey customStatus { key name nameIndonesian pausesSla }
      viewerCanChangeStatusTo viewerCanChangeStatusKeyTo assignee { id } customer { id } } } } }`;
    const counts: number[] = [];
    for (const first of [3, 12]) {
      const result = await gql(server.url, board, { first }, { token: tok.agent1 });
      expect(result.errors).toBeUndefined();
      expect(result.data!.tickets.edges).toHaveLength(first);
      counts.push(result.extensions!.sqlStatements as number);
    }
    expect(counts[0]).toBe(counts[1]);
  });
});
