// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setConnectionState } from '../connection-status';
import { ReconnectBanner } from './ReconnectBanner';

afterEach(() => {
  vi.useRealTimers();
  act(() => setConnectionState('idle'));
});

describe('reconnect banner', () => {
  it('shows while the socket is down (after a short grace period) and hides once it is back', () => {
    vi.useFakeTimers();
    render(
      <MantineProvider env="test">
        <ReconnectBanner />
      </MantineProvider>,
    );
    act(() => setConnectionState('connected'));
    expect(screen.queryByTestId('reconnect-banner')).toBeNull();

    act(() => setConnectionState('reconnecting'));
    act(() => vi.advanceTimersByTime(500));
    expect(screen.queryByTestId('reconnect-banner')).toBeNull();
    act(() => vi.advanceTimersByTime(1500));
    expect(screen.getByTestId('reconnect-banner').textContent).toContain('Connection lost. Reconnecting…');

    act(() => setConnectionState('connected'));
    expect(screen.queryByTestId('reconnect-banner')).toBeNull();
  });

  it('does not flash for a reconnect that takes a moment (token renewal)', () => {
    vi.useFakeTimers();
    render(
      <MantineProvider env="test">
        <ReconnectBanner />
      </MantineProvider>,
    );
    act(() => setConnectionState('reconnecting'));
    act(() => vi.advanceTimersByTime(300));
    act(() => setConnectionState('connected'));
    act(() => vi.advanceTimersByTime(3000));
    expect(screen.queryByTestId('reconnect-banner')).toBeNull();
  });
});
