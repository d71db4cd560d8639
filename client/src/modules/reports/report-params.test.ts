import { describe, expect, it } from 'vitest';
import { filterOf, groupByOf, rangeOf, readReportParams, ticketListLink, writeReportParam } from './report-params';

describe('report params', () => {
  it('reads the URL, ignoring values it does not know', () => {
    const p = readReportParams(new URLSearchParams('period=90&category=BILLING&priority=LOUD&channel=CHAT&department=Billing&bh=1&agent=a1'));
    expect(p).toMatchObject({ period: '90', category: 'BILLING', priority: null, channel: 'CHAT', department: 'Billing', businessHours: true, agent: 'a1' });
    expect(filterOf(p)).toEqual({ category: 'BILLING', channel: 'CHAT', department: 'Billing', assigneeId: 'a1' });
    // A custom period without valid dates falls back to the default.
    expect(readReportParams(new URLSearchParams('period=custom&from=2026-03-09&to=2026-03-01')).period).toBe('30');
  });

  it('writes short URLs: defaults are left out', () => {
    let q = writeReportParam(new URLSearchParams(), 'period', '7');
    q = writeReportParam(q, 'businessHours', true);
    expect(q.toString()).toBe('period=7&bh=1');
    expect(writeReportParam(q, 'period', '30').toString()).toBe('bh=1');
    expect(writeReportParam(q, 'department', 'Support').toString()).toBe('period=7&bh=1&department=Support');
  });

  it('turns a period into whole local days, today included', () => {
    const now = new Date(2026, 2, 10, 15, 30);
    const r = rangeOf(readReportParams(new URLSearchParams('period=7')), now);
    expect(new Date(r.to).getTime()).toBe(new Date(2026, 2, 11).getTime());
    expect(new Date(r.from).getTime()).toBe(new Date(2026, 2, 4).getTime());
    expect(groupByOf(r)).toBe('DAY');
    const custom = rangeOf(readReportParams(new URLSearchParams('period=custom&from=2025-01-01&to=2026-01-31')));
    expect(groupByOf(custom)).toBe('MONTH');
  });

  it('links a chart segment to the ticket list with the page filters', () => {
    const p = readReportParams(new URLSearchParams('priority=HIGH'));
    expect(ticketListLink(p, { status: 'OPEN' })).toBe('/tickets?status=OPEN&priority=HIGH');
    expect(ticketListLink(p, { sla: 'BREACHED' })).toBe('/tickets?priority=HIGH&sla=BREACHED');
  });
});
