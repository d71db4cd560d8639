// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { FormattedExecutionResult } from 'graphql';
import { useLocation } from 'react-router';
import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { setLanguage, translatePlural } from '../../../app/i18n';
import type { NotificationFieldsFragment } from '../../../generated/graphql';
import { fakeApi, renderAs } from '../../../test/render';
import { useNotificationsSync } from '../hooks/useNotificationsSync';
import { NotificationBell } from './NotificationBell';

function notification(n: number, overrides: Partial<NotificationFieldsFragment> = {}): NotificationFieldsFragment {
  return {
    __typename: 'Notification',
    id: `n${n}`,
    type: 'TICKET_CREATED',
    ticketId: `t${n}`,
    params: {
      ticketNumber: 1000 + n,
      ticketTitle: `Printer ${n} jams`,
      actorName: null,
      status: null,
      clock: null,
      level: null,
    },
    readAt: null,
    createdAt: new Date(Date.now() - (10 - n) * 60_000).toISOString(),
    ...overrides,
  };
}

function page(unread: number, nodes: NotificationFieldsFragment[]): FormattedExecutionResult {
  return {
    data: {
      unreadNotificationCount: unread,
      notifications: {
        __typename: 'NotificationConnection',
        totalCount: nodes.length,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        edges: nodes.map((node) => ({ __typename: 'NotificationEdge', cursor: node.id, node })),
      },
    },
  };
}

function Where() {
  return <div data-testid="location">{useLocation().pathname}</div>;
}

/** The header's bell with the app-wide subscription, as the signed-in layout has them. */
function Header() {
  useNotificationsSync();
  return (
    <>
      <NotificationBell />
      <Where />
    </>
  );
}

function setup(initial: FormattedExecutionResult) {
  const added = new Subject<FormattedExecutionResult>();
  const api = fakeApi(
    {
      Notifications: () => initial,
      MarkNotificationsRead: (variables) => ({ data: { markNotificationsRead: variables.all ? 2 : (variables.ids as string[]).length } }),
    },
    0,
    { NotificationAdded: added },
  );
  renderAs('AGENT', <Header />, api.client);
  const push = (n: NotificationFieldsFragment) => act(() => added.next({ data: { notificationAdded: n } }));
  const count = () => Number(screen.getByTestId('notification-count').dataset.count);
  const openPanel = async () => {
    fireEvent.click(screen.getByTestId('notification-bell'));
    return within(await screen.findByTestId('notification-panel'));
  };
  return { ...api, push, count, openPanel };
}

describe('notification bell', () => {
  it('counts and lists a notificationAdded at once, from the cache, without asking the server again', async () => {
    const bell = setup(page(1, [notification(1)]));
    await waitFor(() => expect(bell.count()).toBe(1));

    bell.push(notification(2, { type: 'SLA_BREACHED', params: { ...notification(2).params, clock: 'FIRST_RESPONSE', level: 1 } }));
    await waitFor(() => expect(bell.count()).toBe(2));
    expect(screen.getByTestId('notification-bell').getAttribute('aria-label')).toBe('Notifications, 2 unread');

    // The same notification again (e.g. replayed) changes nothing.
    bell.push(notification(2, { type: 'SLA_BREACHED', params: { ...notification(2).params, clock: 'FIRST_RESPONSE', level: 1 } }));
    const panel = await bell.openPanel();
    const items = panel.getAllByTestId('notification-item');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining('SLA breached on ticket #1002 (first response), escalation level 1SLA breached ·'),
      expect.stringContaining('New ticket #1001: Printer 1 jams'),
    ]);
    expect(items.every((item) => item.dataset.unread === 'true')).toBe(true);
    expect(bell.count()).toBe(2);
    expect(bell.calls.filter((call) => call.operationName === 'Notifications')).toHaveLength(1);
  });

  it('opens the ticket of a notification and marks it read', async () => {
    const bell = setup(page(2, [notification(2), notification(1)]));
    await waitFor(() => expect(bell.count()).toBe(2));
    const panel = await bell.openPanel();
    fireEvent.click(panel.getAllByTestId('notification-item')[1]);

    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/tickets/by-id/t1'));
    await waitFor(() => expect(bell.count()).toBe(1));
    expect(bell.calls.find((call) => call.operationName === 'MarkNotificationsRead')?.variables).toEqual({ ids: ['n1'], all: false });
  });

  it('marks all read', async () => {
    const bell = setup(page(2, [notification(2), notification(1, { readAt: new Date().toISOString() }), notification(0)]));
    await waitFor(() => expect(bell.count()).toBe(2));
    const panel = await bell.openPanel();
    fireEvent.click(panel.getByRole('button', { name: 'Mark all read' }));
    await waitFor(() => expect(bell.count()).toBe(0));
    expect(panel.getAllByTestId('notification-item').some((item) => item.dataset.unread)).toBe(false);
    expect(bell.calls.find((call) => call.operationName === 'MarkNotificationsRead')?.variables).toEqual({ all: true });
  });

  it('words notifications in the reader\'s language, with its plural rules', async () => {
    setLanguage('id');
    try {
      const bell = setup(page(1, [notification(1, { type: 'STATUS_CHANGED', params: { ...notification(1).params, status: 'RESOLVED' } })]));
      await waitFor(() => expect(bell.count()).toBe(1));
      expect(screen.getByTestId('notification-bell').getAttribute('aria-label')).toBe('Notifikasi, 1 belum dibaca');
      const panel = await bell.openPanel();
      expect(panel.getByTestId('notification-item').textContent).toContain('Tiket #1001 sekarang Terselesaikan: Printer 1 jams');
    } finally {
      setLanguage('en');
    }
    expect(translatePlural('en', 'notifications.unreadCount', 1)).toBe('1 unread notification');
    expect(translatePlural('en', 'notifications.unreadCount', 3)).toBe('3 unread notifications');
    expect(translatePlural('id', 'notifications.unreadCount', 3)).toBe('3 notifikasi belum dibaca');
  });

  it('says so when there is nothing yet', async () => {
    const bell = setup(page(0, []));
    await waitFor(() => expect(bell.calls.some((call) => call.operationName === 'Notifications')).toBe(true));
    const panel = await bell.openPanel();
    expect(panel.getByTestId('notifications-empty').textContent).toBe('No notifications yet.');
    expect(panel.getByRole('button', { name: 'Mark all read' })).toHaveProperty('disabled', true);
  });
});
