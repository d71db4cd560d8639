import { useQuery } from '@apollo/client/react';
import { useDroppable } from '@dnd-kit/core';
import { Alert, Badge, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { describeError } from '../../../../app/errors';
import { useI18n } from '../../../../app/i18n';
import { plural } from '../../../../app/plural';
import {
  OrderDirection,
  TicketOrderField,
  TicketsDocument,
  type TicketCardFragment,
  type TicketFilter,
  type TicketStatus,
} from '../../../../generated/graphql';
import { mayMove } from '../../transitions';
import { STATUS_COLORS } from '../TicketBadges';
import { DraggableTicketCard } from './TicketCard';

export const BOARD_ORDER = { field: TicketOrderField.CreatedAt, direction: OrderDirection.Desc };
export const BOARD_PAGE_SIZE = 25;

interface BoardColumnProps {
  status: TicketStatus;
  filter: TicketFilter;
  /** The card being dragged, if any: the column shows whether it may be dropped here. */
  dragged: TicketCardFragment | null;
  now: number;
  onMove: (ticket: TicketCardFragment, to: TicketStatus) => void;
}

/** One status: its count, its cards (newest first), and a drop target for dragged cards. */
export function BoardColumn({ status, filter, dragged, now, onMove }: BoardColumnProps) {
  const { t } = useI18n();
  const { data, loading, error, fetchMore, refetch } = useQuery(TicketsDocument, {
    variables: { filter: { ...filter, status: [status] }, orderBy: BOARD_ORDER, first: BOARD_PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const { setNodeRef, isOver } = useDroppable({ id: status, data: { status } });
  const connection = data?.tickets;
  const drop = dragged && dragged.status !== status ? (mayMove(dragged, status) ? 'allowed' : 'refused') : undefined;
  const headingId = `board-column-${status}`;

  return (
    <Paper
      ref={setNodeRef}
      withBorder
      radius="md"
      p="sm"
      className="board-column"
      data-testid={`column-${status}`}
      data-drop={drop}
      data-over={isOver || undefined}
      aria-labelledby={headingId}
    >
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5" id={headingId}>
          {t(`status.${status}`)}
        </Title>
        <Badge color={STATUS_COLORS[status]} variant="light" data-testid={`count-${status}`} aria-label={plural(t, 'tickets', connection?.totalCount ?? 0)}>
          {connection?.totalCount ?? '–'}
        </Badge>
      </Group>
      <Stack gap="xs" role="list" aria-labelledby={headingId} className="board-column__cards">
        {connection?.edges.map(({ node }) => (
          <DraggableTicketCard key={node.id} ticket={node} now={now} onMove={onMove} />
        ))}
      </Stack>
      {!connection && loading && (
        <Stack gap="xs" aria-busy="true">
          <Skeleton height={96} radius="md" />
          <Skeleton height={96} radius="md" />
        </Stack>
      )}
      {error && !loading && (
        <Alert color="red" mt="xs" role="alert">
          <Text size="sm">{describeError(error, t)}</Text>
          <Button size="compact-xs" variant="light" mt={6} onClick={() => void refetch()}>
            {t('error.retry')}
          </Button>
        </Alert>
      )}
      {connection && connection.edges.length === 0 && (
        <Text size="sm" c="dimmed" ta="center" py="lg" className="board-column__empty">
          {drop === 'allowed' ? t('board.dropHere') : t('board.emptyColumn')}
        </Text>
      )}
      {connection?.pageInfo.hasNextPage && (
        <Button
          variant="subtle"
          size="xs"
          fullWidth
          mt="xs"
          loading={loading}
          onClick={() => void fetchMore({ variables: { after: connection.pageInfo.endCursor } })}
        >
          {t('board.loadMore')}
        </Button>
      )}
    </Paper>
  );
}
