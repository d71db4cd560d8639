import { describe, expect, it } from 'vitest';
import type { TicketStatusFieldsFragment } from '../../generated/graphql';
import { allowedStatusTargets, allowedTargets, mayMove, mayMoveToKey } from './transitions';

describe('status moves come from the API', () => {
  it('offers exactly what Ticket.viewerCanChangeStatusTo lists, in workflow order', () => {
    expect(allowedTargets({ status: 'RESOLVED', viewerCanChangeStatusTo: ['CLOSED', 'IN_PROGRESS'] })).toEqual(['IN_PROGRESS', 'CLOSED']);
    expect(allowedTargets({ status: 'OPEN', viewerCanChangeStatusTo: ['IN_PROGRESS'] })).toEqual(['IN_PROGRESS']);
    expect(allowedTargets({ status: 'CLOSED', viewerCanChangeStatusTo: [] })).toEqual([]);
  });

  it('never moves a ticket where it already is, nor anywhere unlisted', () => {
    const ticket = { status: 'OPEN', viewerCanChangeStatusTo: ['IN_PROGRESS', 'CLOSED'] } as const;
    expect(mayMove({ ...ticket, viewerCanChangeStatusTo: [...ticket.viewerCanChangeStatusTo] }, 'OPEN')).toBe(false);
    expect(mayMove({ ...ticket, viewerCanChangeStatusTo: [...ticket.viewerCanChangeStatusTo] }, 'RESOLVED')).toBe(false);
    expect(mayMove({ ...ticket, viewerCanChangeStatusTo: [...ticket.viewerCanChangeStatusTo] }, 'CLOSED')).toBe(true);
  });

  it('offers the statuses by key that Ticket.viewerCanChangeStatusKeyTo lists, in the workspace order', () => {
    const status = (key: string, category: TicketStatusFieldsFragment['category'], builtIn = false): TicketStatusFieldsFragment => ({
      __typename: 'TicketStatusDefinition',
      id: key,
      key,
      name: key,
      nameIndonesian: null,
      category,
      pausesSla: !builtIn,
      position: 0,
      active: true,
      builtIn,
    });
    const statuses = [status('OPEN', 'OPEN', true), status('IN_PROGRESS', 'IN_PROGRESS', true), status('waiting', 'IN_PROGRESS'), status('RESOLVED', 'RESOLVED', true)];
    const ticket = { statusKey: 'waiting', viewerCanChangeStatusKeyTo: ['RESOLVED', 'IN_PROGRESS'] };
    expect(allowedStatusTargets(ticket, statuses).map((s) => s.key)).toEqual(['IN_PROGRESS', 'RESOLVED']);
    expect(mayMoveToKey(ticket, 'waiting')).toBe(false);
    expect(mayMoveToKey(ticket, 'OPEN')).toBe(false);
  });
});
