import { useQuery, useSubscription } from '@apollo/client/react';
import { Alert, Paper, Skeleton, Text, Timeline, Title } from '@mantine/core';
import { describeError } from '../../../app/errors';
import { formatDateTime, formatRelative } from '../../../app/format';
import { useNow } from '../../../app/hooks';
import { useI18n } from '../../../app/i18n';
import { TicketActivitiesDocument, TicketEventsDocument } from '../../../generated/graphql';
import { useAgents } from '../../presence/hooks/usePresence';
import { activityText } from '../activity-text';

/** The ticket's history, newest last; it reloads itself when the ticket changes. */
export function ActivityTimeline({ ticketId }: { ticketId: string }) {
  const { t, locale } = useI18n();
  const now = useNow();
  const { byUserId } = useAgents();
  const nameOf = (userId: string) => byUserId.get(userId)?.user.name;
  const { data, loading, error, refetch } = useQuery(TicketActivitiesDocument, { variables: { id: ticketId, first: 100 } });
  // Events carry no timeline entry (summary, actor), so the timeline asks for itself again.
  useSubscription(TicketEventsDocument, {
    variables: { filter: { ticketId } },
    onData: () => void refetch().catch(() => undefined),
  });
  const activities = data?.ticket.activities.edges.map((edge) => edge.node) ?? [];

  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h5" mb="sm">
        {t('ticket.activity')}
      </Title>
      {!data && loading && <Skeleton height={80} />}
      {!data && error && (
        <Alert color="red" role="alert">
          {describeError(error, t)}
        </Alert>
      )}
      {data && activities.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('ticket.noActivity')}
        </Text>
      )}
      {activities.length > 0 && (
        <Timeline bulletSize={12} lineWidth={2} active={activities.length - 1} data-testid="activity-timeline">
          {activities.map((activity) => (
            <Timeline.Item key={activity.id} title={<Text size="sm">{activityText(activity, t, nameOf)}</Text>}>
              <Text size="xs" c="dimmed" title={formatDateTime(activity.createdAt, locale)}>
                {t('ticket.by', { name: activity.actor?.name ?? t('ticket.system') })} · {formatRelative(activity.createdAt, now, locale)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
