import { describe, expect, it } from 'vitest';
import { SlaFilterState, TicketPriority, TicketStatus } from '../../generated/graphql';
import { isActiveView, paramsForView, viewFilterFromParams } from './view-params';

const empty = { status: null, priority: null, category: null, assignedToMe: null, unassigned: null, tag: null, text: null, slaState: null };

describe('saved view filters and the URL', () => {
  it('writes a view into the URL filters, keeping sorting, and reads it back', () => {
    const view = { ...empty, status: [TicketStatus.Open, TicketStatus.InProgress], priority: TicketPriority.High, assignedToMe: true, tag: 'vip', slaState: [SlaFilterState.AtRisk] };
    const params = paramsForView(new URLSearchParams('sort=PRIORITY&dir=DESC&q=old&category=BILLING'), view);
    expect(params.get('sort')).toBe('PRIORITY');
    expect(params.get('q')).toBeNull();
    expect(params.get('category')).toBeNull();
    expect(params.get('status')).toBe('OPEN,IN_PROGRESS');
    expect(params.get('assignee')).toBe('me');
    expect(viewFilterFromParams(params)).toEqual({ status: ['OPEN', 'IN_PROGRESS'], priority: 'HIGH', assignedToMe: true, tag: 'vip', slaState: ['AT_RISK'] });
    expect(isActiveView(params, view)).toBe(true);
    expect(isActiveView(params, { ...view, tag: 'other' })).toBe(false);
    expect(isActiveView(new URLSearchParams(), empty)).toBe(true);
  });
});
