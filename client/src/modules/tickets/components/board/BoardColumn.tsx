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
  type TicketStatusFieldsFragment,
} from '../../../../generated/graphql';
import { mayMove, mayMoveToKey } from '../../transitions';
import { STATUS_COLORS } from '../TicketBadges';
import { DraggableTicketCard } from './TicketCard';

export const BOARD_ORDER = { field: TicketOrderField.CreatedAt, direction: OrderDirection.Desc };
export const BOARD_PAGE_SIZE = 25;

/**
 * A board column: a category (the default board), or one status by key when the workspace
 * shows a column per status (`definition` set; dropping there sets that status).
 */
export interface BoardColumnSpec {
  /** The category, or the status key. */
  id: string;
  title: string;
  status: TicketStatus;
  definition: TicketStatusFieldsFragment | null;
}

interface BoardColumnProps {
  column: BoardColumnSpec;
  filter: TicketFilter;
  /** The card being dragged, if any: the column shows whether it may be dropped here. */
  dragged: TicketCardFragment | null;
  now: number;
  onMove: (ticket: TicketCardFragment, to: TicketStatus, status?: TicketStatusFieldsFragment | null) => void;
}

/** Whether a ticket sits in this column already. */
export const inColumn = (ticket: Pick<TicketCardFragment, 'status' | 'statusKey'>, column: BoardColumnSpec): boolean =>
  column.definition ? ticket.statusKey === column.definition.key : ticket.status === column.status;

/** Whether the viewer may drop the ticket into the column (the API's lists decide). */
export const mayDrop = (ticket: TicketCardFragment, column: BoardColumnSpec): boolean =>
  column.definition ? mayMoveToKey(ticket, column.definition.key) : mayMove(ticket, column.status);

/** One column: its count, its cards (newest first), and a drop target for dragged cards. */
export function BoardColumn({ column, filter, dragged, now, onMove }: BoardColumnProps) {
  const { t } = useI18n();
  const { status, id } = column;
  const columnFilter = column.definition ? { ...filter, statusKey: [column.definition.key] } : { ...filter, status: [status] };
  const { data, loading, error, fetchMore, refetch } = useQuery(TicketsDocument, {
    variables: { filter: columnFilter, orderBy: BOARD_ORDER, first: BOARD_PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const { setNodeRef, isOver } = useDroppable({ id, data: { column } });
  const connection = data?.tickets;
  const drop = dragged && !inColumn(dragged, column) ? (mayDrop(dragged, column) ? 'allowed' : 'refused') : undefined;
  const headingId = `board-column-${id}`;

  return (
    <Paper
      ref={setNodeRef}
      withBorder
      radius="md"
      p="sm"
      className="board-column"
      data-testid={`column-${id}`}
      data-status={status}
      data-drop={drop}
      data-over={isOver || undefined}
      aria-labelledby={headingId}
    >
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5" id={headingId}>
          {column.title}
        </Title>
        <Badge color={STATUS_COLORS[status]} variant="light" data-testid={`count-${id}`} aria-label={plural(t, 'tickets', connection?.totalCount ?? 0)}>
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
