// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import type { FormattedExecutionResult } from 'graphql';
import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { TicketDetailFragment, TicketEventType, TicketStatus } from '../../../generated/graphql';
import { fakeApi, renderAs } from '../../../test/render';
import { BoardPage } from '../components/board/BoardPage';
import { useTicketEventsSync } from './useTicketEventsSync';
import { NO_SLA } from '../../../test/fixtures';

function ticket(number: number, status: TicketStatus, version = 1): TicketDetailFragment {
  return {
    __typename: 'Ticket',
    id: `t${number}`,
    number,
    title: `Ticket ${number}`,
    description: 'Details',
    status,
    priority: 'MEDIUM',
    category: 'BILLING',
    channel: 'WEB',
    tags: [],
    version,
    createdAt: new Date(Date.UTC(2030, 0, number - 1000)).toISOString(),
    updatedAt: new Date(Date.UTC(2030, 0, number - 1000)).toISOString(),
    messageCount: 0,
    viewerCanChangeStatusTo: [],
    viewerCanClaim: false,
    statusKey: status,
    viewerCanChangeStatusKeyTo: [],
    customStatus: null,
    ...NO_SLA,
    assignee: null,
    customer: null,
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
  };
}

let seq = 0;
function event(type: TicketEventType, t: TicketDetailFragment): FormattedExecutionResult {
  seq += 1;
  return {
    data: {
      ticketEvents: { __typename: 'TicketEvent', id: `e${seq}`, seq, cursor: `c${seq}`, type, ticketId: t.id, createdAt: t.updatedAt, tag: null, changes: [], ticket: t, message: null },
    },
  };
}

function LiveBoard() {
  useTicketEventsSync();
  return <BoardPage />;
}

describe('live board: ticketEvents update the cache in place', () => {
  it('moves, adds and removes cards from events, without asking for the lists again', async () => {
    const events = new Subject<FormattedExecutionResult>();
    const initial = [ticket(1001, 'OPEN'), ticket(1002, 'OPEN')];
    const { client, calls } = fakeApi(
      {
        Agents: () => ({ data: { agents: [] } }),
        Tickets: (variables) => {
          const statuses = (variables.filter as { status: string[] }).status;
          const nodes = initial.filter((t) => statuses.includes(t.status));
          return {
            data: {
              tickets: {
                __typename: 'TicketConnection',
                totalCount: nodes.length,
                pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
                edges: nodes.map((node) => ({ __typename: 'TicketEdge', cursor: node.id, node })),
              },
            },
          };
        },
      },
      0,
      { TicketEvents: events },
    );
    renderAs('AGENT', <LiveBoard />, client);
    const column = (status: TicketStatus) => within(screen.getByTestId(`column-${status}`));
    await screen.findByText('#1002');
    const listRequests = calls.filter((call) => call.operationName === 'Tickets').length;

    act(() => events.next(event('STATUS_CHANGED', ticket(1001, 'IN_PROGRESS', 2))));
    await waitFor(() => expect(column('IN_PROGRESS').queryByText('#1001')).not.toBeNull());
    expect(column('OPEN').queryByText('#1001')).toBeNull();

    act(() => events.next(event('TICKET_CREATED', ticket(1003, 'OPEN'))));
    await waitFor(() => expect(column('OPEN').queryByText('#1003')).not.toBeNull());
    expect(column('OPEN').getAllByTestId('ticket-card').map((card) => card.dataset.ticketNumber)).toEqual(['1003', '1002']);
    expect(within(screen.getByTestId('count-OPEN')).getByText('2')).toBeTruthy();

    act(() => events.next(event('TICKET_UPDATED', { ...ticket(1003, 'OPEN', 2), title: 'Renamed live' })));
    await screen.findByText('Renamed live');

    act(() => events.next(event('TICKET_DELETED', ticket(1002, 'OPEN', 2))));
    await waitFor(() => expect(screen.queryByText('#1002')).toBeNull());
    expect(within(screen.getByTestId('count-OPEN')).getByText('1')).toBeTruthy();

    expect(calls.filter((call) => call.operationName === 'Tickets').length).toBe(listRequests);
  });
});
