// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role, TicketCardFragment, TicketStatus } from '../../../../generated/graphql';
import { fakeApi, renderAs } from '../../../../test/render';
import { CLOSE_UNDO_MS, isClosePending } from '../../hooks/useCloseWithUndo';
import { STATUSES } from '../../transitions';
import { BoardPage } from './BoardPage';
import { API_MOVES, NO_SLA } from '../../../../test/fixtures';

// jsdom has no layout and no PointerEvent: columns get side-by-side boxes, cards sit inside
// theirs, and the drag overlay (outside the columns) starts where the card is, in the first column.
const COLUMN_WIDTH = 300;
const originalRect = Element.prototype.getBoundingClientRect;

beforeEach(() => {
  if (!('PointerEvent' in window)) {
    (window as unknown as { PointerEvent: unknown }).PointerEvent = class extends MouseEvent {
      readonly pointerId: number;
      readonly isPrimary: boolean;
      constructor(type: string, init: PointerEventInit = {}) {
        super(type, init);
        this.pointerId = init.pointerId ?? 1;
        this.isPrimary = init.isPrimary ?? true;
      }
    };
  }
  Element.prototype.getBoundingClientRect = function (this: Element) {
    const column = this.closest('[data-testid^="column-"]') as HTMLElement | null;
    const index = column ? STATUSES.indexOf(column.dataset.testid!.slice('column-'.length) as TicketStatus) : -1;
    if (index < 0) return new DOMRect(10, 50, COLUMN_WIDTH - 40, 100);
    if (this === column) return new DOMRect(index * COLUMN_WIDTH, 0, COLUMN_WIDTH - 20, 600);
    return new DOMRect(index * COLUMN_WIDTH + 10, 50, COLUMN_WIDTH - 40, 100);
  };
});
afterEach(() => {
  Element.prototype.getBoundingClientRect = originalRect;
});

function ticket(status: TicketStatus, role: Role = 'ADMIN'): TicketCardFragment {
  return {
    __typename: 'Ticket',
    id: 't1',
    number: 1001,
    title: 'Printer on fire',
    status,
    priority: 'HIGH',
    category: 'TECHNICAL',
    channel: 'WEB',
    tags: [],
    version: 7,
    createdAt: '2030-01-01T00:00:00Z',
    updatedAt: '2030-01-01T00:00:00Z',
    messageCount: 0,
    viewerCanChangeStatusTo: API_MOVES[role as 'ADMIN' | 'AGENT'][status],
    viewerCanClaim: false,
    statusKey: status,
    viewerCanChangeStatusKeyTo: [],
    customStatus: null,
    ...NO_SLA,
    assignee: null,
    customer: null,
  };
}

function renderBoard(role: Role, status: TicketStatus) {
  const api = fakeApi({
    Agents: () => ({ data: { agents: [] } }),
    Tickets: (variables) => {
      const nodes = (variables.filter as { status: string[] }).status.includes(status) ? [ticket(status, role)] : [];
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
    ChangeTicketStatus: (variables) => ({ data: { changeTicketStatus: { ...ticket(variables.status as TicketStatus), version: 8 } } }),
  });
  renderAs(role, <BoardPage />, api.client);
  return api;
}

/** Presses on the card, moves over the target column in steps, and lets go. */
async function dragTo(target: TicketStatus) {
  const card = (await screen.findByText('#1001')).closest('.draggable-card') as HTMLElement;
  const start = card.getBoundingClientRect();
  const end = screen.getByTestId(`column-${target}`).getBoundingClientRect();
  const at = (x: number, y: number) => ({ clientX: x, clientY: y, button: 0, isPrimary: true, pointerId: 1, bubbles: true });
  fireEvent.pointerDown(card, at(start.x + 20, start.y + 20));
  for (let step = 1; step <= 5; step += 1) {
    const x = start.x + 20 + ((end.x + end.width / 2 - start.x - 20) * step) / 5;
    act(() => {
      document.dispatchEvent(new PointerEvent('pointermove', at(x, 300)));
    });
  }
  act(() => {
    document.dispatchEvent(new PointerEvent('pointerup', at(end.x + end.width / 2, 300)));
  });
}

describe('board: dragging cards between columns', () => {
  it('moves an agent’s card to In progress, sending the version it saw', async () => {
    const { calls } = renderBoard('AGENT', 'OPEN');
    await dragTo('IN_PROGRESS');
    await waitFor(() => expect(within(screen.getByTestId('column-IN_PROGRESS')).queryByText('#1001')).not.toBeNull());
    expect(calls.find((call) => call.operationName === 'ChangeTicketStatus')?.variables).toEqual({ id: 't1', status: 'IN_PROGRESS', expectedVersion: 7 });
  });

  it('refuses a drop the role may not make, without asking the server', async () => {
    const { calls } = renderBoard('AGENT', 'OPEN');
    await dragTo('CLOSED');
    await screen.findByText('You cannot move ticket #1001 from Open to Closed.');
    expect(within(screen.getByTestId('column-OPEN')).queryByText('#1001')).not.toBeNull();
    expect(calls.some((call) => call.operationName === 'ChangeTicketStatus')).toBe(false);
  });

  it('lets an admin drop the same card on Closed, sent only once the undo time is over', async () => {
    const { calls } = renderBoard('ADMIN', 'OPEN');
    await dragTo('CLOSED');
    await screen.findByTestId('close-undo');
    expect(calls.some((call) => call.operationName === 'ChangeTicketStatus')).toBe(false);
    await waitFor(() => expect(within(screen.getByTestId('column-CLOSED')).queryByText('#1001')).not.toBeNull(), { timeout: CLOSE_UNDO_MS + 10_000 });
    expect(calls.find((call) => call.operationName === 'ChangeTicketStatus')?.variables).toMatchObject({ status: 'CLOSED' });
  });

  it('keeps the card open when the close is undone', async () => {
    const { calls } = renderBoard('ADMIN', 'OPEN');
    await dragTo('CLOSED');
    const toast = await screen.findByTestId('close-undo');
    expect(isClosePending('t1')).toBe(true);
    await userEvent.click(within(toast).getByRole('button', { name: 'Undo' }));
    await screen.findByText('Ticket #1001 stays open.');
    expect(isClosePending('t1')).toBe(false);
    expect(within(screen.getByTestId('column-OPEN')).queryByText('#1001')).not.toBeNull();
    expect(calls.some((call) => call.operationName === 'ChangeTicketStatus')).toBe(false);
  });
});
