import { Box, Group, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { formatDateTime, formatRelative } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import type { NotificationFieldsFragment } from '../../../generated/graphql';
import { notificationText } from '../notification-text';

interface NotificationItemProps {
  notification: NotificationFieldsFragment;
  now: number;
  onOpen: (notification: NotificationFieldsFragment) => void;
}

/** One notification: its text (in the reader's language), kind and age; unread ones have a dot and a tinted background. */
export function NotificationItem({ notification, now, onOpen }: NotificationItemProps) {
  const { t, locale } = useI18n();
  const unread = !notification.readAt;
  const text = notificationText(notification, t);
  return (
    <div role="listitem">
      <UnstyledButton
        className="notification-item"
        data-unread={unread || undefined}
        data-testid="notification-item"
        data-notification-type={notification.type}
        onClick={() => onOpen(notification)}
      >
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <Box className="notification-item__dot" aria-hidden="true" />
          <div style={{ minWidth: 0, flex: 1 }}>
            <Text size="sm" fw={unread ? 700 : 400} lineClamp={2}>
              {unread && <VisuallyHidden>{`${t('notifications.unread')}: `}</VisuallyHidden>}
              {text}
            </Text>
            <Text size="xs" c="dimmed" mt={2}>
              {t(`notifications.type.${notification.type}`)} ·{' '}
              <time dateTime={notification.createdAt} title={formatDateTime(notification.createdAt, locale)}>
                {formatRelative(notification.createdAt, now, locale)}
              </time>
            </Text>
          </div>
        </Group>
      </UnstyledButton>
    </div>
  );
}
