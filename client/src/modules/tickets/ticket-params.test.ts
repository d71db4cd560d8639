import { describe, expect, it } from 'vitest';
import { openBySlaParams, readFilterParams, readOrderParams, toggleOrderParams, toTicketFilter, writeFilterParam } from './ticket-params';

describe('ticket filters in the URL', () => {
  it('keep the SLA filter and turn it into the API filter', () => {
    const params = writeFilterParam(new URLSearchParams(), 'sla', 'BREACHED');
    expect(params.toString()).toBe('sla=BREACHED');
    const filters = readFilterParams(params);
    expect(filters.sla).toBe('BREACHED');
    expect(toTicketFilter(filters, 'me')).toEqual({ slaState: ['BREACHED'] });
    expect(readFilterParams(new URLSearchParams('sla=MET')).sla).toBeNull();
  });

  it('sort by SLA due time soonest first, then flip', () => {
    const first = toggleOrderParams(new URLSearchParams(), 'SLA_DUE');
    expect(first.toString()).toBe('sort=SLA_DUE&dir=ASC');
    expect(toggleOrderParams(first, 'SLA_DUE').toString()).toBe('sort=SLA_DUE&dir=DESC');
    expect(toggleOrderParams(first, 'PRIORITY').toString()).toBe('sort=PRIORITY&dir=DESC');
  });

  it('keep several statuses and ask the API for any of them', () => {
    const params = writeFilterParam(new URLSearchParams(), 'status', ['OPEN', 'RESOLVED']);
    expect(params.toString()).toBe('status=OPEN%2CRESOLVED');
    expect(toTicketFilter(readFilterParams(params), 'me')).toEqual({ status: ['OPEN', 'RESOLVED'] });
    expect(readFilterParams(new URLSearchParams('status=OPEN,NOPE')).status).toEqual(['OPEN']);
    expect(writeFilterParam(params, 'status', []).toString()).toBe('');
  });

  it('"open tickets by SLA" is open and in progress, soonest deadline first', () => {
    const params = openBySlaParams(new URLSearchParams('q=mail'));
    expect(toTicketFilter(readFilterParams(params), 'me')).toEqual({ text: 'mail', status: ['OPEN', 'IN_PROGRESS'] });
    expect(readOrderParams(params)).toEqual({ field: 'SLA_DUE', direction: 'ASC' });
  });
});
