import { describe, expect, it } from 'vitest';
import { allowedTargets, mayMove } from './transitions';

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
});
