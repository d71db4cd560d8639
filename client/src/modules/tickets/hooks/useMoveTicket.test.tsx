// @vitest-environment jsdom
import { ApolloProvider } from '@apollo/client/react';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { viewerFromMe, ViewerProvider } from '../../../app/viewer';
import type { Role, TicketCardFragment } from '../../../generated/graphql';
import { fakeApi, me } from '../../../test/render';
import { useMoveTicket } from './useMoveTicket';
import { API_MOVES, NO_SLA } from '../../../test/fixtures';

const open: TicketCardFragment = {
  __typename: 'Ticket',
  id: 't1',
  number: 1001,
  title: 'Printer on fire',
  status: 'OPEN',
  priority: 'HIGH',
  category: 'TECHNICAL',
  channel: 'WEB',
  tags: [],
  version: 3,
  createdAt: '2030-01-01T00:00:00Z',
  updatedAt: '2030-01-01T00:00:00Z',
  messageCount: 0,
  viewerCanChangeStatusTo: API_MOVES.AGENT.OPEN,
  viewerCanClaim: true,
  statusKey: 'OPEN',
  viewerCanChangeStatusKeyTo: [],
  customStatus: null,
  ...NO_SLA,
  assignee: null,
  customer: null,
};

function setup(role: Role) {
  const api = fakeApi({});
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ApolloProvider client={api.client}>
      <ViewerProvider viewer={viewerFromMe(me(role))}>{children}</ViewerProvider>
    </ApolloProvider>
  );
  const { result } = renderHook(() => useMoveTicket(), { wrapper });
  return { move: result.current, calls: api.calls };
}

describe('dropping a card on a column the API did not list for the viewer', () => {
  it('refuses at once with a message and sends nothing', async () => {
    const { move, calls } = setup('AGENT');
    await expect(move(open, 'CLOSED')).resolves.toEqual({ ok: false, message: 'You cannot move ticket #1001 from Open to Closed.' });
    await expect(move(open, 'RESOLVED')).resolves.toMatchObject({ ok: false });
    expect(calls).toEqual([]);
  });

  it('follows what the ticket says, not the role: an admin holding an agent’s answer is refused too', async () => {
    const { move, calls } = setup('ADMIN');
    const result = await move(open, 'CLOSED');
    expect(result).toEqual({ ok: false, message: `You cannot move ticket #${open.number} from Open to Closed.` });
    expect(calls).toEqual([]);
  });

  it('ignores a drop on the column the card came from', async () => {
    const { move, calls } = setup('ADMIN');
    await expect(move(open, 'OPEN')).resolves.toEqual({ ok: true });
    expect(calls).toEqual([]);
  });
});
