import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql, gqlOk } from '../../../test/graphql.js';
import { useTenantPair } from '../../../test/tenant-pair.js';
import { tokenFor } from '../../../test/tenants.js';
import { createTicket } from '../../ticket/__tests__/ticket.fixture.js';

const MACRO = 'id name shared ownerId viewerCanManage actions { type status priority assigneeId tag cannedResponseId }';
const CREATE = `mutation C($i: MacroInput!) { createMacro(input: $i) { ${MACRO} } }`;
const UPDATE = `mutation U($id: ID!, $i: MacroInput!) { updateMacro(id: $id, input: $i) { ${MACRO} } }`;
const DELETE = `mutation D($id: ID!) { deleteMacro(id: $id) }`;
const LIST = `{ macros { ${MACRO} } }`;
const APPLY = `mutation A($i: ApplyMacroInput!) { applyMacro(input: $i) { tickets { id status priority tags version assignee { id } } } }`;
const CANNED = `mutation C($i: CreateCannedResponseInput!) { createCannedResponse(input: $i) { id } }`;
const STATE = `query S($id: ID!) { ticket(id: $id) { status priority tags version assignee { id }
  messages { edges { node { body internal } } }
  activities(first: 50) { edges { node { type macro changes { field from to } } } } } }`;
const ASSIGN = `mutation A($id: ID!, $a: ID) { assignTicket(id: $id, agentId: $a) { id } }`;

describe.each(await testDatabases())('macros on %s', (db) => {
  const { server, t, other, tokens: tok } = useTenantPair(db, 'macro');
  let replyId: string;

  beforeAll(async () => {
    replyId = (await gqlOk(server.url, CANNED, { i: { title: 'Ack', body: 'Hi {{customer.name}}, #{{ticket.number}} is with us.', shared: true } }, { token: tok.admin }))
      .createCannedResponse.id;
  });

  const triage = () => ({
    name: 'Escalate billing',
    shared: true,
    actions: [
      { type: 'SET_STATUS', status: 'IN_PROGRESS' },
      { type: 'SET_PRIORITY', priority: 'HIGH' },
      { type: 'SET_ASSIGNEE', assigneeId: t.agent1.id },
      { type: 'ADD_TAG', tag: 'billing' },
      { type: 'POST_REPLY', cannedResponseId: replyId },
      { type: 'POST_NOTE', cannedResponseId: replyId },
    ],
  });

  it('applies every action to each ticket, recorded as one timeline entry per ticket', async () => {
    const macro = (await gqlOk(server.url, CREATE, { i: triage() }, { token: tok.admin })).createMacro;
    const tickets = [await createTicket(server.url, tok.customer1), await createTicket(server.url, tok.customer1), await createTicket(server.url, tok.customer1)];
    const applied = (await gqlOk(server.url, APPLY, { i: { macroId: macro.id, ticketIds: tickets.map((x) => x.id) } }, { token: tok.agent2 })).applyMacro.tickets;
    expect(applied.map((x: any) => x.id)).toEqual(tickets.map((x) => x.id));
    for (const ticket of tickets) {
      const s = (await gqlOk(server.url, STATE, { id: ticket.id }, { token: tok.agent1 })).ticket;
      expect(s).toMatchObject({ status: 'IN_PROGRESS', priority: 'HIGH', tags: ['billing'], assignee: { id: t.agent1.id } });
      const entries = s.activities.edges.map((e: any) => e.node).filter((n: any) => n.type === 'MACRO_APPLIED');
      expect(entries).toHaveLength(1);
      expect(entries[0].macro).toBe('Escalate billing');
      expect(entries[0].changes).toEqual(
        expect.arrayContaining([
          { field: 'status', from: 'OPEN', to: 'IN_PROGRESS' },
          { field: 'priority', from: 'MEDIUM', to: 'HIGH' },
          { field: 'assigneeId', from: null, to: t.agent1.id },
          { field: 'tags', from: null, to: 'billing' },
        ]),
      );
      // No separate status, assignment or tag entries: the macro is one change.
      const types = s.activities.edges.map((e: any) => e.node.type);
      expect(types.filter((x: string) => ['STATUS_CHANGED', 'TICKET_ASSIGNED', 'TAG_ADDED', 'TICKET_UPDATED'].includes(x))).toEqual([]);
      const bodies = s.messages.edges.map((e: any) => [e.node.body, e.node.internal]);
      expect(bodies).toEqual([
        [`Hi customer1 of ${t.slug}, #${ticket.number} is with us.`, false],
        [`Hi customer1 of ${t.slug}, #${ticket.number} is with us.`, true],
      ]);
    }
    // Customers see the reply but not the staff-only macro entry.
    const asCustomer = (await gqlOk(server.url, STATE, { id: tickets[0]!.id }, { token: tok.customer1 })).ticket;
    expect(asCustomer.activities.edges.map((e: any) => e.node.type)).not.toContain('MACRO_APPLIED');
    expect(asCustomer.messages.edges).toHaveLength(1);
  });

  it('is one transaction: when an action fails on one ticket, no ticket changes', async () => {
    const macro = (await gqlOk(server.url, CREATE, { i: { ...triage(), name: 'Take it', shared: false } }, { token: tok.agent1 })).createMacro;
    const free = await createTicket(server.url, tok.customer1);
    const held = await createTicket(server.url, tok.customer1);
    await gqlOk(server.url, ASSIGN, { id: held.id, a: t.agent2.id }, { token: tok.admin });
    const before = await Promise.all([free, held].map(async (x) => (await gqlOk(server.url, STATE, { id: x.id }, { token: tok.admin })).ticket));

    // Agent one may not reassign the ticket agent two holds: the whole application is refused.
    const refused = await gql(server.url, APPLY, { i: { macroId: macro.id, ticketIds: [free.id, held.id] } }, { token: tok.agent1 });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    const after = await Promise.all([free, held].map(async (x) => (await gqlOk(server.url, STATE, { id: x.id }, { token: tok.admin })).ticket));
    expect(after).toEqual(before);
    expect(after[0].messages.edges).toEqual([]);

    // Another tenant's ticket does not exist, and nothing changes either.
    const foreign = await createTicket(server.url, await tokenFor(server.url, other.customer1));
    expect(errorCode(await gql(server.url, APPLY, { i: { macroId: macro.id, ticketIds: [free.id, foreign.id] } }, { token: tok.agent1 }))).toBe('NOT_FOUND');
    expect((await gqlOk(server.url, STATE, { id: free.id }, { token: tok.admin })).ticket).toEqual(before[0]);
  });

  it('keeps private macros to their author, shared ones to admins to manage, and checks actions', async () => {
    const mine = (await gqlOk(server.url, CREATE, { i: { name: 'Mine', shared: false, actions: [{ type: 'ADD_TAG', tag: 'x' }] } }, { token: tok.agent1 })).createMacro;
    expect(mine.viewerCanManage).toBe(true);
    const names = async (token: string) => (await gqlOk(server.url, LIST, {}, { token })).macros.map((m: any) => m.name);
    expect(await names(tok.agent1)).toContain('Mine');
    expect(await names(tok.agent2)).not.toContain('Mine');
    expect(await names(tok.agent2)).toContain('Escalate billing');
    expect(await names(tok.otherAdmin)).toEqual([]);
    const ticket = await createTicket(server.url, tok.customer1);
    expect(errorCode(await gql(server.url, APPLY, { i: { macroId: mine.id, ticketIds: [ticket.id] } }, { token: tok.agent2 }))).toBe('NOT_FOUND');
    expect(errorCode(await gql(server.url, DELETE, { id: mine.id }, { token: tok.agent2 }))).toBe('NOT_FOUND');
    expect(errorCode(await gql(server.url, DELETE, { id: mine.id }, { token: tok.otherAdmin }))).toBe('NOT_FOUND');

    const shared = (await gqlOk(server.url, LIST, {}, { token: tok.agent1 })).macros.find((m: any) => m.name === 'Escalate billing');
    expect(shared.viewerCanManage).toBe(false);
    expect(errorCode(await gql(server.url, UPDATE, { id: shared.id, i: { ...triage(), name: 'Hijack' } }, { token: tok.agent1 }))).toBe('FORBIDDEN');
    expect(errorCode(await gql(server.url, CREATE, { i: { ...triage(), name: 'Team' } }, { token: tok.agent1 }))).toBe('FORBIDDEN');
    expect(errorCode(await gql(server.url, LIST, {}, { token: tok.customer1 }))).toBe('FORBIDDEN');

    const bad = await gql(server.url, CREATE, { i: { name: 'Bad', shared: false, actions: [{ type: 'SET_STATUS' }, { type: 'POST_REPLY', cannedResponseId: ticket.id }] } }, { token: tok.agent1 });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(Object.keys(bad.errors![0]!.extensions!.fields!).sort()).toEqual(['actions.0.status', 'actions.1.cannedResponseId']);

    const renamed = (await gqlOk(server.url, UPDATE, { id: mine.id, i: { name: 'Mine v2', shared: false, actions: [{ type: 'REMOVE_TAG', tag: 'x' }] } }, { token: tok.agent1 })).updateMacro;
    expect(renamed).toMatchObject({ name: 'Mine v2', actions: [{ type: 'REMOVE_TAG', tag: 'x' }] });
    expect((await gqlOk(server.url, DELETE, { id: mine.id }, { token: tok.agent1 })).deleteMacro).toBe(true);
  });
});
