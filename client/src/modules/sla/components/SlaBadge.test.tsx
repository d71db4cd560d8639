// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useNow } from '../../../app/hooks';
import { theme } from '../../../app/theme';
import type { SlaTicket } from '../sla-clock';
import { SlaBadge } from './SlaBadge';

const START = Date.parse('2030-03-04T10:00:00Z');

function ticket(state: 'ON_TRACK' | 'AT_RISK' | 'MET' | 'PAUSED', dueInMinutes: number, status: SlaTicket['status'] = 'OPEN'): SlaTicket {
  const dueAt = new Date(START + dueInMinutes * 60_000).toISOString();
  const clock = { __typename: 'SlaClock' as const, dueAt, state, remainingMinutes: state === 'MET' ? null : dueInMinutes };
  return { status, sla: { __typename: 'TicketSla', businessHours: false, firstResponse: clock, resolution: { ...clock, dueAt: new Date(START + 600 * 60_000).toISOString() } } };
}

/** The badge as pages use it: with the time ticking every 30 s. */
function Ticking({ ticket: value, hideMet }: { ticket: SlaTicket; hideMet?: boolean }) {
  const now = useNow(30_000);
  return <SlaBadge ticket={value} now={now} hideMet={hideMet} />;
}

const renderBadge = (value: SlaTicket, hideMet?: boolean) =>
  render(
    <MantineProvider theme={theme} env="test">
      <Ticking ticket={value} hideMet={hideMet} />
    </MantineProvider>,
  );

describe('SLA badge', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(START);
  });
  afterEach(() => vi.useRealTimers());

  it('counts down every 30 s and turns breached when the due time passes, without asking the server', () => {
    renderBadge(ticket('AT_RISK', 1));
    const badge = screen.getByTestId('sla-badge');
    expect(badge.textContent).toBe('1m left');
    expect(badge.dataset.slaState).toBe('AT_RISK');
    expect(badge.getAttribute('aria-label')).toMatch(/^First response SLA: At risk, due .+: 1m left$/);

    act(() => vi.advanceTimersByTime(30_000));
    expect(screen.getByTestId('sla-badge').textContent).toBe('1m left');
    act(() => vi.advanceTimersByTime(30_000));
    expect(screen.getByTestId('sla-badge').dataset.slaState).toBe('BREACHED');
    act(() => vi.advanceTimersByTime(35 * 60_000));
    expect(screen.getByTestId('sla-badge').textContent).toBe('overdue 35m');
  });

  it('shows hours and minutes for longer clocks, in the state color', () => {
    renderBadge(ticket('ON_TRACK', 134));
    const badge = screen.getByTestId('sla-badge');
    expect(badge.textContent).toBe('2h 14m left');
    expect(badge.dataset.slaState).toBe('ON_TRACK');
    expect(badge.className).toMatch(/Badge/);
  });

  it('hides met clocks on cards but shows them where asked', () => {
    const met = ticket('MET', 10);
    met.sla = { __typename: 'TicketSla', businessHours: false, firstResponse: met.sla!.firstResponse, resolution: met.sla!.firstResponse };
    const { unmount } = renderBadge(met);
    expect(screen.queryByTestId('sla-badge')).toBeNull();
    unmount();
    renderBadge(met, false);
    expect(screen.getByTestId('sla-badge').textContent).toBe('Met');
  });

  it('does not count while the ticket is resolved (resolution paused)', () => {
    const resolved: SlaTicket = {
      status: 'RESOLVED',
      sla: {
        __typename: 'TicketSla',
        businessHours: false,
        firstResponse: { __typename: 'SlaClock', dueAt: new Date(START - 60_000).toISOString(), state: 'MET', remainingMinutes: null },
        resolution: { __typename: 'SlaClock', dueAt: new Date(START + 45 * 60_000).toISOString(), state: 'PAUSED', remainingMinutes: 45 },
      },
    };
    renderBadge(resolved);
    act(() => vi.advanceTimersByTime(60 * 60_000));
    const badge = screen.getByTestId('sla-badge');
    expect(badge.dataset.slaState).toBe('PAUSED');
    expect(badge.textContent).toBe('45m left (paused)');
  });
});
