import { useQuery, useSubscription } from '@apollo/client/react';
import { Alert, Button, Skeleton, Stack, Text } from '@mantine/core';
import { describeError } from '../../../app/errors';
import { useNow } from '../../../app/hooks';
import { useI18n } from '../../../app/i18n';
import { useViewer } from '../../../app/viewer';
import { MessageAddedDocument, TicketMessagesDocument } from '../../../generated/graphql';
import { appendMessage } from '../message-cache';
import { MessageItem } from './MessageItem';

export const THREAD_PAGE_SIZE = 50;

/** The conversation, oldest first; new messages arrive live (messageAdded). */
export function Thread({ ticketId }: { ticketId: string }) {
  const { t } = useI18n();
  const viewer = useViewer();
  const now = useNow(30_000);
  const { data, loading, error, fetchMore, refetch } = useQuery(TicketMessagesDocument, {
    variables: { id: ticketId, first: THREAD_PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  useSubscription(MessageAddedDocument, {
    variables: { ticketId },
    onData: ({ client, data: event }) => {
      const message = event.data?.messageAdded;
      if (message) appendMessage(client.cache, message);
    },
  });
  const thread = data?.ticket.messages;

  if (!thread && loading) {
    return (
      <Stack gap="xs" aria-busy="true">
        <Skeleton height={72} radius="md" />
        <Skeleton height={72} radius="md" />
      </Stack>
    );
  }
  if (!thread) {
    return (
      <Alert color="red" role="alert">
        {describeError(error, t)}{' '}
        <Button size="compact-xs" variant="light" onClick={() => void refetch()}>
          {t('error.retry')}
        </Button>
      </Alert>
    );
  }
  return (
    <Stack gap="sm" data-testid="thread">
      {thread.edges.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('conversation.empty')}
        </Text>
      )}
      {thread.edges.map(({ node }) => (
        <MessageItem key={node.id} message={node} now={now} selfId={viewer.userId} />
      ))}
      {thread.pageInfo.hasNextPage && (
        <Button
          variant="subtle"
          size="xs"
          loading={loading}
          onClick={() => void fetchMore({ variables: { after: thread.pageInfo.endCursor } })}
        >
          {t('conversation.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
