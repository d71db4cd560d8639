// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role, TicketCardFragment, TicketStatus } from '../../../../generated/graphql';
import { fakeApi, renderAs, type Handler } from '../../../../test/render';
import { CLOSE_UNDO_MS } from '../../hooks/useCloseWithUndo';
import { BoardPage } from './BoardPage';
import { API_MOVES, NO_SLA } from '../../../../test/fixtures';

function ticket(number: number, status: TicketStatus, version = 1, role: 'ADMIN' | 'AGENT' = 'ADMIN'): TicketCardFragment {
  return {
    __typename: 'Ticket',
    id: `t${number}`,
    number,
    title: `Ticket ${number}`,
    status,
    priority: 'MEDIUM',
    category: 'TECHNICAL',
    channel: 'WEB',
    tags: ['vip'],
    version,
    createdAt: new Date(Date.UTC(2030, 0, number - 1000)).toISOString(),
    updatedAt: new Date(Date.UTC(2030, 0, number - 1000)).toISOString(),
    messageCount: 0,
    viewerCanChangeStatusTo: API_MOVES[role][status],
    viewerCanClaim: false,
    statusKey: status,
    viewerCanChangeStatusKeyTo: [],
    customStatus: null,
    ...NO_SLA,
    assignee: null,
    customer: { __typename: 'User', id: 'c1', name: 'Customer One', email: 'c1@acme.example', role: 'CUSTOMER' },
  };
}

/** Holds the server's answer until the test has looked at the optimistic state. */
function gate() {
  let open = () => undefined as void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

/** A server with these tickets; board columns are answered from them by status. */
function server(tickets: TicketCardFragment[], changeStatus: Handler) {
  return fakeApi({
    Agents: () => ({ data: { agents: [] } }),
    Tickets: (variables) => {
      const statuses = (variables.filter as { status?: string[] }).status ?? [];
      const nodes = tickets.filter((t) => statuses.includes(t.status));
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
    ChangeTicketStatus: changeStatus,
    TicketByNumber: (variables) => ({
      data: { ticketByNumber: { ...tickets.find((t) => t.number === variables.number)!, description: '', escalationLevel: 0, firstResponseAt: null, resolvedAt: null, closedAt: null } },
    }),
  }, 30);
}

const column = (status: TicketStatus) => screen.getByTestId(`column-${status}`);
const cardIn = (status: TicketStatus, number: number) => within(column(status)).queryByText(`#${number}`);

async function moveMenuOptions(role: Role, status: TicketStatus): Promise<string[]> {
  cleanup();
  const { client } = server([ticket(1001, status, 1, role as 'ADMIN' | 'AGENT')], () => ({ data: null }));
  renderAs(role, <BoardPage />, client);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Move ticket #1001 to…' }));
  const menu = await screen.findByRole('menu');
  return within(menu).getAllByRole('menuitem').map((item) => item.textContent ?? '');
}

describe('board: which moves the UI offers per role', () => {
  it('lets an agent start, resolve, reopen and close resolved tickets, but not close unresolved ones', async () => {
    expect(await moveMenuOptions('AGENT', 'OPEN')).toEqual(['In progress']);
    expect(await moveMenuOptions('AGENT', 'IN_PROGRESS')).toEqual(['Resolved']);
    expect(await moveMenuOptions('AGENT', 'RESOLVED')).toEqual(['In progress', 'Closed']);
  });

  it('lets an admin close a ticket from any open state', async () => {
    expect(await moveMenuOptions('ADMIN', 'OPEN')).toEqual(['In progress', 'Closed']);
    expect(await moveMenuOptions('ADMIN', 'IN_PROGRESS')).toEqual(['Resolved', 'Closed']);
  });

  it('offers no move for a closed ticket', async () => {
    const { client } = server([ticket(1001, 'CLOSED')], () => ({ data: null }));
    renderAs('ADMIN', <BoardPage />, client);
    await screen.findByText('#1001');
    expect(screen.queryByRole('button', { name: 'Move ticket #1001 to…' })).toBeNull();
  });
});

describe('board: moving a card', () => {
  it('moves the card at once and keeps it there when the server agrees (sending the version seen)', async () => {
    const answer = gate();
    const { client, calls } = server([ticket(1001, 'OPEN', 4)], async (variables) => {
      await answer.opened;
      return { data: { changeTicketStatus: { ...ticket(1001, 'IN_PROGRESS', 5), id: variables.id } } };
    });
    renderAs('AGENT', <BoardPage />, client);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Move ticket #1001 to…' }));
    await user.click(await screen.findByRole('menuitem', { name: 'In progress' }));

    expect(cardIn('IN_PROGRESS', 1001)).not.toBeNull();
    expect(cardIn('OPEN', 1001)).toBeNull();
    expect(within(screen.getByTestId('count-IN_PROGRESS')).getByText('1')).toBeTruthy();
    await waitFor(() => expect(calls.some((call) => call.operationName === 'ChangeTicketStatus')).toBe(true));
    expect(calls.find((call) => call.operationName === 'ChangeTicketStatus')?.variables).toEqual({ id: 't1001', status: 'IN_PROGRESS', expectedVersion: 4 });
    answer.open();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(cardIn('IN_PROGRESS', 1001)).not.toBeNull();
  });

  it('puts the card back with a readable message when someone else changed the ticket (CONFLICT)', async () => {
    const answer = gate();
    const { client } = server([ticket(1001, 'OPEN', 1)], async () => {
      await answer.opened;
      return { data: null, errors: [{ message: 'Version mismatch', extensions: { code: 'CONFLICT', currentVersion: 2 } }] };
    });
    renderAs('AGENT', <BoardPage />, client);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Move ticket #1001 to…' }));
    await user.click(await screen.findByRole('menuitem', { name: 'In progress' }));

    expect(cardIn('IN_PROGRESS', 1001)).not.toBeNull();
    answer.open();
    await screen.findByText(/Ticket #1001 was changed by someone else meanwhile, so it was not moved/);
    expect(cardIn('OPEN', 1001)).not.toBeNull();
    expect(cardIn('IN_PROGRESS', 1001)).toBeNull();
    expect(within(screen.getByTestId('count-IN_PROGRESS')).getByText('0')).toBeTruthy();
  });

  it('puts the card back when the server calls the transition illegal (BAD_USER_INPUT)', async () => {
    const { client } = server([ticket(1001, 'OPEN')], () => ({
      data: null,
      errors: [
        {
          message: 'Illegal status transition CLOSED → CLOSED',
          extensions: { code: 'BAD_USER_INPUT', fields: { status: ['cannot change from CLOSED to CLOSED'] } },
        },
      ],
    }));
    renderAs('ADMIN', <BoardPage />, client);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Move ticket #1001 to…' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Closed' }));

    // Closing waits for its undo time, then the server's refusal puts the card back.
    await screen.findByText('Ticket #1001 cannot move from Open to Closed: the workflow does not allow it.', undefined, { timeout: CLOSE_UNDO_MS + 10_000 });
    expect(cardIn('OPEN', 1001)).not.toBeNull();
    expect(cardIn('CLOSED', 1001)).toBeNull();
  });
});
