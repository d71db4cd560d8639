import { Alert, Button, Center, Divider, Group, Loader, ScrollArea, Stack, Text } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { describeError } from '../../../app/errors';
import { useNow } from '../../../app/hooks';
import { useI18n } from '../../../app/i18n';
import type { useQuery } from '@apollo/client/react';
import type { NotificationFieldsFragment, NotificationsQuery, NotificationsQueryVariables } from '../../../generated/graphql';
import { useMarkRead } from '../hooks/useMarkRead';
import { NotificationItem } from './NotificationItem';

interface NotificationPanelProps {
  query: useQuery.Result<NotificationsQuery, NotificationsQueryVariables, 'empty' | 'complete' | 'streaming'>;
  /** Called when a notification was opened (the dropdown closes). */
  onNavigate: () => void;
}

/** The dropdown: "mark all read", then the newest notifications (unread ones stand out). */
export function NotificationPanel({ query, onNavigate }: NotificationPanelProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const now = useNow(30_000);
  const { markRead, loading: marking } = useMarkRead();
  const { data, loading, error, refetch } = query;
  const unread = data?.unreadNotificationCount ?? 0;
  const items = data?.notifications.edges.map((edge) => edge.node) ?? [];

  const onMarkAll = async () => {
    try {
      await markRead({ all: true });
    } catch (caught) {
      toasts.show({ color: 'red', message: describeError(caught, t) });
    }
  };

  const onOpen = (notification: NotificationFieldsFragment) => {
    onNavigate();
    if (!notification.readAt) {
      markRead({ ids: [notification.id] }).catch((caught: unknown) => toasts.show({ color: 'red', message: describeError(caught, t) }));
    }
    navigate(`/tickets/by-id/${encodeURIComponent(notification.ticketId)}`);
  };

  return (
    <Stack gap={0}>
      <Group justify="space-between" px="md" py="xs" wrap="nowrap">
        <Text fw={700} size="sm">
          {t('notifications.title')}
        </Text>
        <Button size="compact-xs" variant="subtle" disabled={unread === 0} loading={marking} onClick={() => void onMarkAll()}>
          {t('notifications.markAllRead')}
        </Button>
      </Group>
      <Divider />
      {!data && loading && (
        <Center p="lg" aria-busy="true">
          <Loader size="sm" aria-label={t('app.loading')} />
        </Center>
      )}
      {error && !loading && (
        <Alert color="red" m="sm" role="alert">
          <Text size="sm">{describeError(error, t)}</Text>
          <Button size="compact-xs" variant="light" mt={6} onClick={() => void refetch()}>
            {t('error.retry')}
          </Button>
        </Alert>
      )}
      {data && items.length === 0 && (
        <Text size="sm" c="dimmed" ta="center" p="lg" data-testid="notifications-empty">
          {t('notifications.empty')}
        </Text>
      )}
      {items.length > 0 && (
        <ScrollArea.Autosize mah={420} type="auto">
          <Stack gap={0} role="list" aria-label={t('notifications.title')}>
            {items.map((notification) => (
              <NotificationItem key={notification.id} notification={notification} now={now} onOpen={onOpen} />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
      {data && data.notifications.totalCount > items.length && (
        <Text size="xs" c="dimmed" ta="center" p="xs">
          {t('notifications.newestShown', { count: items.length, total: data.notifications.totalCount })}
        </Text>
      )}
    </Stack>
  );
}
