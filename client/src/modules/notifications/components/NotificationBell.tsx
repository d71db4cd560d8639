import { useQuery } from '@apollo/client/react';
import { ActionIcon, Indicator, Popover } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { NotificationsDocument } from '../../../generated/graphql';
import { BellIcon } from './BellIcon';
import { NotificationPanel } from './NotificationPanel';

export const BELL_PAGE_SIZE = 20;

/** The header's bell: the unread count, and the newest notifications in a dropdown. */
export function NotificationBell() {
  const { t, tp } = useI18n();
  const [opened, setOpened] = useState(false);
  const query = useQuery(NotificationsDocument, { variables: { first: BELL_PAGE_SIZE }, notifyOnNetworkStatusChange: true });
  const unread = query.data?.unreadNotificationCount ?? 0;
  const label = unread > 0 ? tp('notifications.bellUnread', unread) : t('notifications.bell');

  return (
    // The count sits on the bell; the popover's target is the button itself (a div with
    // aria-expanded would be invalid ARIA).
    <Indicator
      label={unread > 99 ? '99+' : unread}
      disabled={unread === 0}
      size={18}
      offset={6}
      color="red"
      withBorder
      data-testid="notification-count"
      data-count={unread}
    >
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={380} shadow="md" withinPortal trapFocus={false}>
        <Popover.Target>
          <ActionIcon
            variant={opened ? 'light' : 'subtle'}
            color="gray"
            size="lg"
            radius="xl"
            aria-label={label}
            title={label}
            aria-haspopup="dialog"
            aria-expanded={opened}
            data-testid="notification-bell"
            onClick={() => setOpened((o) => !o)}
          >
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p={0} data-testid="notification-panel" aria-label={t('notifications.title')} role="dialog">
          {opened && <NotificationPanel query={query} onNavigate={() => setOpened(false)} />}
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
