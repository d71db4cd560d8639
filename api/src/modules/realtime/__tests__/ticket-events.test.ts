import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { useTenantPair } from '../../../test/tenant-pair.js';
import { connectWs, disposeAllWs, type WsSubscription } from '../../../test/ws.js';
import {
  ASSIGN,
  boardState,
  CLAIM,
  code,
  createTicket,
  DELETE,
  GET,
  gql,
  MESSAGE_ADDED,
  mutate,
  post,
  primeAll,
  STATUS,
  TICKET_EVENTS,
  UPDATE,
  type TicketEventData,
  type TicketState,
} from './realtime.fixture.js';

describe.each(await testDatabases())('ticket events over WebSocket on %s', (db) => {
  const { server, t, tokens } = useTenantPair(db, 'rt');
  afterEach(() => disposeAllWs());
  afterAll(async () => {
    await disposeAllWs();
  });

  const events = (token: string, filter?: Record<string, unknown>): WsSubscription<TicketEventData> =>
    connectWs(server.url, token).subscribe<TicketEventData>(TICKET_EVENTS, filter ? { filter } : {});
  const primed = async (token: string, trigger: () => Promise<unknown>, filter?: Record<string, unknown>) => {
    const sub = events(token, filter);
    await sub.prime(trigger);
    return sub;
  };
  const newTicket = (who = 'customer1', input: Record<string, unknown> = {}) => createTicket(server.url, tokens[who], input);
  const expectSeqsIncreasing = (list: TicketEventData[]) => {
    for (let i = 1; i < list.length; i++) expect(list[i].seq).toBeGreaterThan(list[i - 1].seq);
  };

  it('delivers every event type with its seq and the ticket as it is after the change', async () => {
    const staff = await primed(tokens.admin, () => newTicket());
    const received: TicketEventData[] = [];
    /** The next event must be of `type` for `ticket` and carry exactly the state the mutation returned. */
    const expectEvent = async (type: string, state: TicketState) => {
      const e = await staff.nextEvent();
      received.push(e);
      expect(e).toMatchObject({ type, ticketId: state.id });
      expect(boardState(e.ticket)).toEqual(boardState(state));
      return e;
    };

    // Opened by an admin for the customer: the answer then shows the tags (customers never see them).
    const created = await newTicket('admin', { tags: ['alpha'], customerId: t.customer1.id });
    expect((await expectEvent('TICKET_CREATED', created)).ticket).toMatchObject({ status: 'OPEN', version: 1, tags: ['alpha'], customer: { id: t.customer1.id } });

    const updated = await mutate(server.url, tokens.admin, UPDATE, { id: created.id, input: { title: 'Printer still on fire', priority: 'HIGH' } });
    const update = await expectEvent('TICKET_UPDATED', updated);
    expect(update.changes).toEqual([
      { field: 'title', from: 'Live ticket', to: 'Printer still on fire' },
      { field: 'priority', from: 'MEDIUM', to: 'HIGH' },
    ]);

    const assigned = await mutate(server.url, tokens.admin, ASSIGN, { id: created.id, agentId: t.agent1.id });
    expect((await expectEvent('TICKET_ASSIGNED', assigned)).ticket.assignee).toEqual({ id: t.agent1.id });
    const unassigned = await mutate(server.url, tokens.admin, ASSIGN, { id: created.id, agentId: null });
    expect((await expectEvent('TICKET_ASSIGNED', unassigned)).ticket.assignee).toBeNull();

    const claimed = await mutate(server.url, tokens.agent2, CLAIM, { id: created.id });
    expect((await expectEvent('TICKET_CLAIMED', claimed)).ticket.assignee).toEqual({ id: t.agent2.id });

    const started = await mutate(server.url, tokens.agent2, STATUS, { id: created.id, status: 'IN_PROGRESS' });
    const status = await expectEvent('STATUS_CHANGED', started);
    expect(status.changes).toEqual([{ field: 'status', from: 'OPEN', to: 'IN_PROGRESS' }]);

    const message = await post(server.url, tokens.agent2, created.id, 'We are on it');
    const afterMessage = await mutate(server.url, tokens.agent2, GET, { id: created.id });
    const posted = await expectEvent('MESSAGE_POSTED', afterMessage);
    expect(posted.message).toEqual({ id: message.id, body: 'We are on it', internal: false });

    // One update that adds a tag and removes one: two events of the same (new) version.
    const retagged = await mutate(server.url, tokens.agent1, UPDATE, { id: created.id, input: { tags: ['beta'] } });
    expect((await expectEvent('TAG_ADDED', retagged)).tag).toBe('beta');
    expect((await expectEvent('TAG_REMOVED', retagged)).tag).toBe('alpha');

    const deleted = await mutate(server.url, tokens.admin, DELETE, { id: created.id });
    await expectEvent('TICKET_DELETED', deleted);

    expectSeqsIncreasing(received);
    // Nothing else happened in this tenant meanwhile: the seqs are gap-free.
    expect(received.at(-1)!.seq - received[0].seq).toBe(received.length - 1);
    await staff.expectNothing(300);
  });

  it('keeps seqs strictly increasing when 10 changes to one ticket race', async () => {
    const ticket = await newTicket();
    const staff = await primed(tokens.agent1, () => mutate(server.url, tokens.agent1, UPDATE, { id: ticket.id, input: { title: `Warm-up ${Math.random()}` } }));
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => mutate(server.url, i % 2 ? tokens.agent1 : tokens.admin, UPDATE, { id: ticket.id, input: { title: `Racing change ${i}` } })),
    );
    const got = await staff.take(10, 10_000);
    expect(got.every((e) => e.type === 'TICKET_UPDATED' && e.ticketId === ticket.id)).toBe(true);
    expectSeqsIncreasing(got);
    expect(got[9].seq - got[0].seq).toBe(9);
    // Arrival order is commit order: every event carries the next version of the ticket.
    const versions = got.map((e) => e.ticket.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions)).toEqual(new Set(results.map((r) => r.version)));
    await staff.expectNothing(300);
  });

  it('never sends one tenant’s events to another tenant', async () => {
    const mine = await primed(tokens.admin, () => newTicket());
    const theirs = await primed(tokens.otherAdmin, () => createTicket(server.url, tokens.otherCustomer));
    const ticket = await newTicket();
    await mutate(server.url, tokens.admin, UPDATE, { id: ticket.id, input: { priority: 'LOW' } });
    await post(server.url, tokens.agent1, ticket.id, 'A public reply');
    await post(server.url, tokens.agent1, ticket.id, 'An internal note', true);
    expect((await mine.take(4)).map((e) => e.type)).toEqual(['TICKET_CREATED', 'TICKET_UPDATED', 'MESSAGE_POSTED', 'MESSAGE_POSTED']);
    await theirs.expectNothing(500);
  });

  it('sends customers only their own tickets and never internal notes', async () => {
    const own = await newTicket('customer1');
    const cust1 = await primed(tokens.customer1, () => mutate(server.url, tokens.agent1, UPDATE, { id: own.id, input: { title: `Own ticket ${Math.random()}` } }));
    // customer2 runs the identical document: grouped execution must still keep them apart.
    const staff = events(tokens.agent1);
    const cust2 = events(tokens.customer2);
    await primeAll([staff, cust2], () => newTicket('customer2'));
    const foreign = await newTicket('customer2');
    await post(server.url, tokens.agent1, foreign.id, 'Reply to customer 2');
    await post(server.url, tokens.agent1, own.id, 'Reply to customer 1');
    const note = await post(server.url, tokens.agent1, own.id, 'Internal: customer 1 is grumpy', true);
    await mutate(server.url, tokens.agent1, STATUS, { id: own.id, status: 'IN_PROGRESS' });

    expect((await staff.take(4)).map((e) => [e.type, e.ticketId, e.message?.internal ?? null])).toEqual([
      ['TICKET_CREATED', foreign.id, null],
      ['MESSAGE_POSTED', foreign.id, false],
      ['MESSAGE_POSTED', own.id, false],
      ['MESSAGE_POSTED', own.id, true],
    ]);
    expect((await staff.nextEvent()).type).toBe('STATUS_CHANGED');

    const reply = await cust1.nextEvent();
    expect(reply).toMatchObject({ type: 'MESSAGE_POSTED', ticketId: own.id, message: { body: 'Reply to customer 1', internal: false } });
    // The internal note is skipped: the next event is the status change.
    expect(await cust1.nextEvent()).toMatchObject({ type: 'STATUS_CHANGED', ticketId: own.id });
    await cust1.expectNothing(500);
    expect(cust1.events.some((e) => e.message?.id === note.id || e.ticketId === foreign.id)).toBe(false);
    expect((await cust2.take(2)).map((e) => [e.type, e.ticketId])).toEqual([
      ['TICKET_CREATED', foreign.id],
      ['MESSAGE_POSTED', foreign.id],
    ]);
    await cust2.expectNothing(100);
  });

  it('messageAdded: public messages for the customer, internal notes for staff only', async () => {
    const ticket = await newTicket('customer1');
    const customer = connectWs(server.url, tokens.customer1).subscribe(MESSAGE_ADDED, { ticketId: ticket.id });
    const agent = connectWs(server.url, tokens.agent1).subscribe(MESSAGE_ADDED, { ticketId: ticket.id });
    await primeAll([customer, agent], () => post(server.url, tokens.customer1, ticket.id, 'Hello?'));

    await post(server.url, tokens.agent1, ticket.id, 'Hi, how can we help?');
    await post(server.url, tokens.agent1, ticket.id, 'Note: VIP customer', true);
    await post(server.url, tokens.customer1, ticket.id, 'My printer is on fire');

    expect((await agent.take(3)).map((m) => [m.body, m.internal, m.ticketId])).toEqual([
      ['Hi, how can we help?', false, ticket.id],
      ['Note: VIP customer', true, ticket.id],
      ['My printer is on fire', false, ticket.id],
    ]);
    expect((await customer.take(2)).map((m) => m.body)).toEqual(['Hi, how can we help?', 'My printer is on fire']);
    await customer.expectNothing(300);
  });

  it('messageAdded answers NOT_FOUND for another customer’s or another tenant’s ticket', async () => {
    const ticket = await newTicket('customer1');
    for (const token of [tokens.customer2, tokens.otherAdmin, tokens.otherCustomer]) {
      const conn = connectWs(server.url, token);
      const sub = conn.subscribe(MESSAGE_ADDED, { ticketId: ticket.id });
      // graphql-ws reports an error of the subscribe step as a `next` with errors plus
      // `complete` (an `error` message would be accepted too); either way no data.
      const errors = await sub.failed();
      expect(errors.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
      expect(errors[0].message).toBe('Ticket not found');
      expect(sub.events).toEqual([]);
      expect(sub.ended === 'complete' || sub.ended === 'error').toBe(true);
      // Nothing leaks afterwards either.
      await post(server.url, tokens.customer1, ticket.id, 'Only for me');
      await sub.expectNothing(300);
      // The socket survives the failed operation.
      expect(conn.closeInfo).toBeNull();
    }
  });

  it('publishes nothing for a change that rolls back', async () => {
    const ticket = await newTicket();
    const staff = await primed(tokens.admin, () => mutate(server.url, tokens.admin, UPDATE, { id: ticket.id, input: { title: `Warm-up ${Math.random()}` } }));
    const last = staff.events.at(-1)!;
    const current = await mutate(server.url, tokens.admin, GET, { id: ticket.id });

    const illegal = await gql(server.url, STATUS, { id: ticket.id, status: 'RESOLVED' }, { token: tokens.admin });
    expect(code(illegal)).toBe('BAD_USER_INPUT');
    const stale = await gql(server.url, UPDATE, { id: ticket.id, input: { title: 'Lost update' }, v: current.version - 1 }, { token: tokens.agent1 });
    expect(code(stale)).toBe('CONFLICT');
    await staff.expectNothing(500);

    const legal = await mutate(server.url, tokens.admin, STATUS, { id: ticket.id, status: 'IN_PROGRESS', v: current.version });
    const next = await staff.nextEvent();
    expect(next).toMatchObject({ type: 'STATUS_CHANGED', ticketId: ticket.id, seq: last.seq + 1 });
    expect(boardState(next.ticket)).toEqual(boardState(legal));
    expect(next.ticket.version).toBe(current.version + 1);
  });

  it('gives 20 identical subscribers the identical payload from one shared execution', async () => {
    const ticket = await newTicket();
    const groupsBefore = server.app.subscriptionGroups();
    const filter = { ticketId: ticket.id, types: ['STATUS_CHANGED', 'TICKET_UPDATED'] };
    const subs = Array.from({ length: 20 }, (_, i) => events(i % 2 ? tokens.agent1 : tokens.agent2, filter));
    await primeAll(subs, () => mutate(server.url, tokens.admin, UPDATE, { id: ticket.id, input: { title: `Warm-up ${Math.random()}` } }));

    const changed = await mutate(server.url, tokens.admin, STATUS, { id: ticket.id, status: 'IN_PROGRESS' });
    const got = await Promise.all(subs.map((s) => s.nextEvent()));
    expect(boardState(got[0].ticket)).toEqual(boardState(changed));
    for (const e of got) expect(e).toEqual(got[0]);
    await Promise.all(subs.map((s) => s.expectNothing(200)));
    // Agents share a role, so the 20 subscriptions run as a single execution.
    expect(server.app.subscriptionGroups() - groupsBefore).toBe(1);
  });
  it('runs a document that asks what the viewer may do once per viewer, so each agent reads their own answer', async () => {
    const ticket = await newTicket();
    const PER_VIEWER = /* GraphQL */ `
      subscription Mine($filter: TicketEventFilter) { ticketEvents(filter: $filter) { id type ticket { id viewerCanAssign viewerCanClaim } } }
    `;
    type Mine = { id: string; type: string; ticket: { id: string; viewerCanAssign: boolean; viewerCanClaim: boolean } };
    const filter = { ticketId: ticket.id };
    const groupsBefore = server.app.subscriptionGroups();
    const holder = connectWs(server.url, tokens.agent1).subscribe<Mine>(PER_VIEWER, { filter });
    const colleague = connectWs(server.url, tokens.agent2).subscribe<Mine>(PER_VIEWER, { filter });
    await primeAll([holder, colleague], () => mutate(server.url, tokens.admin, UPDATE, { id: ticket.id, input: { title: `Warm-up ${Math.random()}` } }));
    // Two agents, one role, yet two executions: the answer depends on who asks.
    expect(server.app.subscriptionGroups() - groupsBefore).toBe(2);

    await mutate(server.url, tokens.admin, ASSIGN, { id: ticket.id, agentId: t.agent1.id });
    const [mine, theirs] = await Promise.all([holder.nextEvent(), colleague.nextEvent()]);
    expect(mine).toMatchObject({ type: 'TICKET_ASSIGNED', ticket: { viewerCanAssign: true, viewerCanClaim: false } });
    expect(theirs).toMatchObject({ type: 'TICKET_ASSIGNED', ticket: { viewerCanAssign: false, viewerCanClaim: false } });
  });
});
