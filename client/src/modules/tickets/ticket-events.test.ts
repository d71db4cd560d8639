import { describe, expect, it } from 'vitest';
import { createCache } from '../../app/cache';
import {
  TicketMessagesDocument,
  TicketsDocument,
  TicketByNumberDocument,
  type TicketDetailFragment,
  type TicketMessagesQuery,
  type TicketsQuery,
  type TicketsQueryVariables,
} from '../../generated/graphql';
import { applyTicketEvent, type TicketEvent } from './ticket-events';
import { NO_SLA } from '../../test/fixtures';

const agent = { __typename: 'User' as const, id: 'agent-1', name: 'Agent One', email: 'a1@x', role: 'AGENT' as const };

function ticket(id: string, overrides: Partial<TicketDetailFragment> = {}): TicketDetailFragment {
  const n = Number(id.replace(/\D/g, '')) || 1;
  return {
    __typename: 'Ticket',
    id,
    number: 1000 + n,
    title: `Ticket ${n}`,
    description: `About ${n}`,
    status: 'OPEN',
    priority: 'MEDIUM',
    category: 'TECHNICAL',
    channel: 'WEB',
    tags: [],
    version: 1,
    createdAt: new Date(Date.UTC(2030, 0, n)).toISOString(),
    updatedAt: new Date(Date.UTC(2030, 0, n)).toISOString(),
    messageCount: 0,
    viewerCanChangeStatusTo: [],
    viewerCanClaim: false,
    statusKey: 'OPEN',
    viewerCanChangeStatusKeyTo: [],
    customStatus: null,
    ...NO_SLA,
    assignee: null,
    customer: null,
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    ...overrides,
  };
}

function event(type: TicketEvent['type'], t: TicketDetailFragment, seq = 1): TicketEvent {
  return { id: `e${seq}`, seq, cursor: `c${seq}`, type, ticketId: t.id, createdAt: t.updatedAt, tag: null, changes: [], ticket: t, message: null };
}

function column(status: string, extra: TicketsQueryVariables['filter'] = {}): TicketsQueryVariables {
  return { filter: { ...extra, status: [status as 'OPEN'] }, orderBy: { field: 'CREATED_AT', direction: 'DESC' }, first: 20 };
}

function seed(cache: ReturnType<typeof createCache>, variables: TicketsQueryVariables, tickets: TicketDetailFragment[], hasNextPage = false) {
  cache.writeQuery<TicketsQuery, TicketsQueryVariables>({
    query: TicketsDocument,
    variables,
    data: {
      tickets: {
        __typename: 'TicketConnection',
        totalCount: tickets.length + (hasNextPage ? 10 : 0),
        pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: 'c' },
        edges: tickets.map((node) => ({ __typename: 'TicketEdge', cursor: `c-${node.id}`, node })),
      },
    } as TicketsQuery,
  });
}

function read(cache: ReturnType<typeof createCache>, variables: TicketsQueryVariables) {
  const data = cache.readQuery<TicketsQuery, TicketsQueryVariables>({ query: TicketsDocument, variables });
  return { ids: data?.tickets.edges.map((edge) => edge.node.id), total: data?.tickets.totalCount };
}

describe('ticket events update the cache in place', () => {
  it('moves a ticket between board columns when its status changes', () => {
    const cache = createCache();
    seed(cache, column('OPEN'), [ticket('t3'), ticket('t2'), ticket('t1')]);
    seed(cache, column('IN_PROGRESS'), [ticket('t4', { status: 'IN_PROGRESS' })]);
    applyTicketEvent(cache, event('STATUS_CHANGED', ticket('t2', { status: 'IN_PROGRESS', version: 2 })));
    expect(read(cache, column('OPEN'))).toEqual({ ids: ['t3', 't1'], total: 2 });
    expect(read(cache, column('IN_PROGRESS'))).toEqual({ ids: ['t4', 't2'], total: 2 });
  });

  it('adds a new ticket to the lists it matches, in order, and counts it', () => {
    const cache = createCache();
    seed(cache, column('OPEN'), [ticket('t3'), ticket('t1')]);
    seed(cache, column('OPEN', { priority: 'HIGH' }), []);
    applyTicketEvent(cache, event('TICKET_CREATED', ticket('t2')));
    expect(read(cache, column('OPEN'))).toEqual({ ids: ['t3', 't2', 't1'], total: 3 });
    expect(read(cache, column('OPEN', { priority: 'HIGH' }))).toEqual({ ids: [], total: 0 });
  });

  it('leaves a ticket that sorts after the loaded page to that page, but counts it', () => {
    const cache = createCache();
    seed(cache, column('OPEN'), [ticket('t9'), ticket('t8')], true);
    applyTicketEvent(cache, event('TICKET_CREATED', ticket('t1')));
    expect(read(cache, column('OPEN'))).toEqual({ ids: ['t9', 't8'], total: 13 });
  });

  it('takes a ticket out of a filtered list when it no longer matches', () => {
    const cache = createCache();
    const mine = column('OPEN', { assigneeId: agent.id });
    const unassigned = column('OPEN', { unassigned: true });
    seed(cache, mine, []);
    seed(cache, unassigned, [ticket('t1')]);
    applyTicketEvent(cache, event('TICKET_CLAIMED', ticket('t1', { assignee: agent, version: 2 })));
    expect(read(cache, mine)).toEqual({ ids: ['t1'], total: 1 });
    expect(read(cache, unassigned)).toEqual({ ids: [], total: 0 });
  });

  it('matches text and tag filters the way the API does', () => {
    const cache = createCache();
    const printer = column('OPEN', { text: 'PRINTER', tag: 'hardware' });
    seed(cache, printer, []);
    applyTicketEvent(cache, event('TICKET_CREATED', ticket('t1', { description: 'the printer is on fire', tags: ['hardware'] })));
    applyTicketEvent(cache, event('TICKET_CREATED', ticket('t2', { description: 'printer', tags: ['other'] }), 2));
    applyTicketEvent(cache, event('TICKET_CREATED', ticket('t3', { tags: ['hardware'] }), 3));
    expect(read(cache, printer)).toEqual({ ids: ['t1'], total: 1 });
  });

  it('puts tickets into the SLA-filtered lists and the SLA order the way the API does', () => {
    const soon = new Date(Date.now() + 5 * 60_000).toISOString();
    const later = new Date(Date.now() + 90 * 60_000).toISOString();
    const past = new Date(Date.now() - 10 * 60_000).toISOString();
    const sla = (state: 'ON_TRACK' | 'AT_RISK', dueAt: string) => ({
      ...NO_SLA,
      sla: {
        __typename: 'TicketSla' as const,
        businessHours: false,
        firstResponse: { __typename: 'SlaClock' as const, dueAt, state, remainingMinutes: 1 },
        resolution: { __typename: 'SlaClock' as const, dueAt: later, state: 'ON_TRACK' as const, remainingMinutes: 90 },
      },
    });
    const cache = createCache();
    const breached = column('OPEN', { slaState: ['BREACHED'] });
    const byDue = { ...column('OPEN'), orderBy: { field: 'SLA_DUE' as const, direction: 'ASC' as const } };
    seed(cache, breached, []);
    seed(cache, byDue, [ticket('t1', sla('ON_TRACK', later))]);
    // Due in the past: breached on screen even though the API said on track when it was read.
    applyTicketEvent(cache, event('TICKET_UPDATED', ticket('t2', sla('ON_TRACK', past))));
    applyTicketEvent(cache, event('TICKET_UPDATED', ticket('t3', sla('AT_RISK', soon)), 2));
    applyTicketEvent(cache, event('TICKET_UPDATED', ticket('t4'), 3));
    expect(read(cache, breached)).toEqual({ ids: ['t2'], total: 1 });
    // Soonest due first; tickets without a running clock last.
    expect(read(cache, byDue)).toEqual({ ids: ['t2', 't3', 't1', 't4'], total: 4 });
  });

  it('updates a ticket shown elsewhere (the detail) without touching the lists', () => {
    const cache = createCache();
    cache.writeQuery({ query: TicketByNumberDocument, variables: { number: 1001 }, data: { ticketByNumber: ticket('t1') } });
    applyTicketEvent(cache, event('TICKET_UPDATED', ticket('t1', { title: 'Renamed', version: 2 })));
    const detail = cache.readQuery<{ ticketByNumber: TicketDetailFragment }>({ query: TicketByNumberDocument, variables: { number: 1001 } });
    expect(detail?.ticketByNumber).toMatchObject({ title: 'Renamed', version: 2 });
  });

  it('removes a deleted ticket from every list', () => {
    const cache = createCache();
    seed(cache, column('OPEN'), [ticket('t2'), ticket('t1')]);
    applyTicketEvent(cache, event('TICKET_DELETED', ticket('t2')));
    expect(read(cache, column('OPEN'))).toEqual({ ids: ['t1'], total: 1 });
  });

  it('applies the same event twice without duplicating the ticket', () => {
    const cache = createCache();
    seed(cache, column('OPEN'), [ticket('t1')]);
    applyTicketEvent(cache, event('TICKET_CREATED', ticket('t2')));
    applyTicketEvent(cache, event('TICKET_CREATED', ticket('t2')));
    expect(read(cache, column('OPEN'))).toEqual({ ids: ['t2', 't1'], total: 2 });
  });

  it('adds the message of a MESSAGE_POSTED event to the open thread, once', () => {
    const cache = createCache();
    const t1 = ticket('t1');
    cache.writeQuery({
      query: TicketMessagesDocument,
      variables: { id: 't1', first: 50 },
      data: {
        ticket: {
          __typename: 'Ticket',
          id: 't1',
          messages: { __typename: 'MessageConnection', totalCount: 0, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, edges: [] },
        },
      } as TicketMessagesQuery,
    });
    const message = {
      __typename: 'Message' as const,
      id: 'm1',
      ticketId: 't1',
      body: 'Any news?',
      internal: false,
      kind: 'TEXT' as const,
      createdAt: t1.updatedAt,
      author: { __typename: 'User' as const, id: 'c1', name: 'Customer', email: 'c@x', role: 'CUSTOMER' as const },
      attachments: [],
    };
    const posted = { ...event('MESSAGE_POSTED', { ...t1, messageCount: 1, version: 2 }), message };
    applyTicketEvent(cache, posted);
    applyTicketEvent(cache, posted);
    const thread = cache.readQuery<{ ticket: { messages: { totalCount: number; edges: Array<{ node: { body: string } }> } } }>({
      query: TicketMessagesDocument,
      variables: { id: 't1', first: 50 },
    });
    expect(thread?.ticket.messages.edges.map((edge) => edge.node.body)).toEqual(['Any news?']);
    expect(thread?.ticket.messages.totalCount).toBe(1);
  });
});
