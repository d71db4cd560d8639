import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { gqlOk } from '../../../test/graphql.js';
import { useTenantPair } from '../../../test/tenant-pair.js';
import { createTicket } from '../../ticket/__tests__/ticket.fixture.js';
import { CREATE_ENDPOINT, Receiver } from '../../webhook/__tests__/receiver.fixture.js';

const FAST_WEBHOOKS = { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_POLL_MS: '100' };
const CREATE_MACRO = `mutation C($i: MacroInput!) { createMacro(input: $i) { id } }`;
const APPLY = `mutation A($i: ApplyMacroInput!) { applyMacro(input: $i) { tickets { id status } } }`;
const TIMELINE = `query T($id: ID!) { ticket(id: $id) { activities(first: 50) { edges { node { type macro summary changes { field from to } } } } } }`;
const FEED = `{ ticketEventFeed(first: 100) { edges { node { type ticketId changes { field from to } } } } }`;
const NOTES = `{ notifications(first: 50) { edges { node { type ticketId } } } }`;

interface Change {
  field: string;
  from: string | null;
  to: string | null;
}
interface Node {
  type: string;
  ticketId?: string;
  macro?: string | null;
  summary?: string;
  changes: Change[];
}

describe.each(await testDatabases())('what a macro application shows to whom on %s', (db) => {
  const { server, t, tokens: tok } = useTenantPair(db, 'macvis', { env: FAST_WEBHOOKS });
  let receiver: Receiver;
  let partner: string;
  let triage: string;
  let tagsOnly: string;

  beforeAll(async () => {
    receiver = await new Receiver().start();
    await gqlOk(server.url, CREATE_ENDPOINT, { input: { url: `${receiver.url}/status`, eventTypes: ['STATUS_CHANGED'] } }, { token: tok.admin });
    partner = (
      await gqlOk(server.url, `mutation K($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }`, { i: { name: 'CRM', scopes: ['TICKETS_READ', 'EVENTS_READ'] } }, { token: tok.admin })
    ).createApiKey.secret;
    const actions = [
      { type: 'SET_STATUS', status: 'IN_PROGRESS' },
      { type: 'SET_PRIORITY', priority: 'HIGH' },
      { type: 'SET_ASSIGNEE', assigneeId: t.agent1.id },
      { type: 'ADD_TAG', tag: 'vip' },
    ];
    triage = (await gqlOk(server.url, CREATE_MACRO, { i: { name: 'Secret triage', shared: true, actions } }, { token: tok.admin })).createMacro.id;
    tagsOnly = (await gqlOk(server.url, CREATE_MACRO, { i: { name: 'Tag it', shared: true, actions: [{ type: 'ADD_TAG', tag: 'internal-only' }] } }, { token: tok.admin })).createMacro.id;
  });
  afterAll(async () => {
    await receiver?.stop();
  });

  const nodes = (data: { edges: Array<{ node: Node }> }, ticketId?: string) => data.edges.map((e) => e.node).filter((n) => !ticketId || !n.ticketId || n.ticketId === ticketId);

  it('keeps one timeline entry for staff while partners, webhooks and the customer get the public parts of each change', async () => {
    const ticket = await createTicket(server.url, tok.customer1);
    await gqlOk(server.url, APPLY, { i: { macroId: triage, ticketIds: [ticket.id] } }, { token: tok.agent2 });

    // Staff: one entry with the macro's name and every change.
    const staff = nodes((await gqlOk(server.url, TIMELINE, { id: ticket.id }, { token: tok.agent1 })).ticket.activities);
    const entries = staff.filter((n) => n.type === 'MACRO_APPLIED');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.macro).toBe('Secret triage');
    expect(entries[0]!.changes.map((c) => c.field).sort()).toEqual(['assigneeId', 'priority', 'status', 'tags']);

    // The partner's change feed: the event and all its changes (API keys see triage data).
    const feed = nodes((await gqlOk(server.url, FEED, {}, { token: partner })).ticketEventFeed, ticket.id).filter((n) => n.ticketId === ticket.id);
    const applied = feed.find((n) => n.type === 'MACRO_APPLIED')!;
    expect(applied.changes).toEqual(
      expect.arrayContaining([
        { field: 'status', from: 'OPEN', to: 'IN_PROGRESS' },
        { field: 'priority', from: 'MEDIUM', to: 'HIGH' },
        { field: 'assigneeId', from: null, to: t.agent1.id },
      ]),
    );

    // A webhook asking for STATUS_CHANGED receives the macro's status change.
    const [delivered] = await receiver.waitFor('/status', 1);
    const body = JSON.parse(delivered!.body);
    expect(body).toMatchObject({ type: 'MACRO_APPLIED', ticketId: ticket.id });
    expect(body.data.changes).toContainEqual({ field: 'status', from: 'OPEN', to: 'IN_PROGRESS' });
    expect(body.data.ticket).toMatchObject({ status: 'IN_PROGRESS', statusKey: 'IN_PROGRESS' });

    // The customer: an update of status and assignee, without the macro, its priority or its tags.
    const customer = nodes((await gqlOk(server.url, TIMELINE, { id: ticket.id }, { token: tok.customer1 })).ticket.activities);
    expect(customer.map((n) => n.type)).toEqual(['TICKET_CREATED', 'TICKET_UPDATED']);
    expect(customer[1]!.macro).toBeNull();
    expect(customer[1]!.changes.map((c) => c.field).sort()).toEqual(['assigneeId', 'status']);
    const customerFeed = nodes((await gqlOk(server.url, FEED, {}, { token: tok.customer1 })).ticketEventFeed).filter((n) => n.ticketId === ticket.id);
    expect(customerFeed.map((n) => n.type)).toEqual(['TICKET_CREATED', 'TICKET_UPDATED']);
    expect(JSON.stringify([customer, customerFeed])).not.toMatch(/Secret triage|vip|HIGH|"field":"priority"|"field":"tags"/);
    // …and is told the status changed, as for any status change.
    const notes = nodes((await gqlOk(server.url, NOTES, {}, { token: tok.customer1 })).notifications).filter((n) => n.ticketId === ticket.id);
    expect(notes.map((n) => n.type)).toContain('STATUS_CHANGED');
  });

  it('leaves a macro that only tags out of the customer timeline and feed, not out of the partner feed', async () => {
    const ticket = await createTicket(server.url, tok.customer1);
    await gqlOk(server.url, APPLY, { i: { macroId: tagsOnly, ticketIds: [ticket.id] } }, { token: tok.agent1 });
    const customer = nodes((await gqlOk(server.url, TIMELINE, { id: ticket.id }, { token: tok.customer1 })).ticket.activities);
    expect(customer.map((n) => n.type)).toEqual(['TICKET_CREATED']);
    const customerFeed = nodes((await gqlOk(server.url, FEED, {}, { token: tok.customer1 })).ticketEventFeed).filter((n) => n.ticketId === ticket.id);
    expect(customerFeed.map((n) => n.type)).toEqual(['TICKET_CREATED']);
    const partnerFeed = nodes((await gqlOk(server.url, FEED, {}, { token: partner })).ticketEventFeed).filter((n) => n.ticketId === ticket.id);
    expect(partnerFeed.map((n) => n.type)).toEqual(['TICKET_CREATED', 'MACRO_APPLIED']);
  });
});
