import { DndContext, DragOverlay, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { Group, SegmentedControl, SimpleGrid, Stack, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useCallback, useMemo, useState } from 'react';
import { useNow } from '../../../../app/hooks';
import { useI18n } from '../../../../app/i18n';
import { useQuery } from '@apollo/client/react';
import { BoardColumnsDocument, TicketStatus, type TicketCardFragment, type TicketStatusFieldsFragment } from '../../../../generated/graphql';
import { statusName } from '../../../statuses/hooks/useTicketStatuses';
import { useCloseWithUndo } from '../../hooks/useCloseWithUndo';
import { useMoveTicket } from '../../hooks/useMoveTicket';
import { useTicketFilters } from '../../hooks/useTicketFilters';
import { mayMove, STATUSES } from '../../transitions';
import { FilterBar } from '../FilterBar';
import { SavedViewTabs } from '../../../views/components/SavedViewTabs';
import { BoardColumn, inColumn, type BoardColumnSpec } from './BoardColumn';
import { TicketCardView } from './TicketCard';

/**
 * The agents' Kanban board: a column per category, or per status (the workspace's own too)
 * when the workspace setting says so; live, with drag and drop between columns.
 */
export function BoardPage() {
  const { t, language } = useI18n();
  const layout = useQuery(BoardColumnsDocument);
  const { filter } = useTicketFilters();
  // Ages and SLA countdowns on the cards tick every 30 s.
  const now = useNow(30_000);
  const move = useMoveTicket();
  const [dragged, setDragged] = useState<TicketCardFragment | null>(null);
  // A small distance before a drag starts, so clicks on links and menus still work.
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  // Phones show one column at a time, picked above the board.
  const narrow = useMediaQuery('(max-width: 48em)') ?? false;
  const allColumns = useMemo<BoardColumnSpec[]>(() => {
    const perStatus = layout.data?.boardColumnsPerStatus ? layout.data.ticketStatuses.filter((s) => s.active) : null;
    if (perStatus) return perStatus.map((s) => ({ id: s.key, title: statusName(s, t, language), status: s.category, definition: s }));
    return STATUSES.map((status) => ({ id: status, title: t(`status.${status}`), status, definition: null }));
  }, [layout.data, t, language]);
  const [shownId, setShown] = useState<string>(STATUSES[0]!);
  const shown = allColumns.find((c) => c.id === shownId) ?? allColumns[0]!;
  const columns = narrow ? [shown] : allColumns;

  // What screen readers hear while dragging: ticket numbers and column names, never ids.
  const announcements = useMemo<Announcements>(() => {
    const numberOf = (data: unknown) => (data as { ticket?: TicketCardFragment } | undefined)?.ticket?.number ?? '';
    const columnOf = (data: unknown) => (data as { column?: BoardColumnSpec } | undefined)?.column?.title ?? '';
    return {
      onDragStart: ({ active }) => t('board.dragStart', { number: numberOf(active.data.current) }),
      onDragOver: ({ active, over }) =>
        over ? t('board.dragOver', { number: numberOf(active.data.current), status: columnOf(over.data.current) }) : t('board.dragOutside', { number: numberOf(active.data.current) }),
      onDragEnd: ({ active, over }) =>
        over ? t('board.dragEnd', { number: numberOf(active.data.current), status: columnOf(over.data.current) }) : t('board.dragCancel', { number: numberOf(active.data.current) }),
      onDragCancel: ({ active }) => t('board.dragCancel', { number: numberOf(active.data.current) }),
    };
  }, [t]);

  const closeWithUndo = useCloseWithUndo();
  const onMove = useCallback(
    async (ticket: TicketCardFragment, to: TicketStatus, status?: TicketStatusFieldsFragment | null) => {
      // Closing is final: an allowed close waits a few seconds with an undo.
      if (to === TicketStatus.Closed && (!status || status.builtIn) && mayMove(ticket, to)) return closeWithUndo(ticket);
      const result = await move(ticket, to, status);
      if (!result.ok) notifications.show({ color: 'red', message: result.message, autoClose: 8000 });
    },
    [closeWithUndo, move],
  );

  const onDragStart = (event: DragStartEvent) => {
    setDragged((event.active.data.current?.ticket as TicketCardFragment | undefined) ?? null);
  };
  const onDragEnd = (event: DragEndEvent) => {
    setDragged(null);
    const ticket = event.active.data.current?.ticket as TicketCardFragment | undefined;
    const column = event.over?.data.current?.column as BoardColumnSpec | undefined;
    if (ticket && column && !inColumn(ticket, column)) void onMove(ticket, column.status, column.definition);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h3">
          {t('board.title')}
        </Title>
      </Group>
      <SavedViewTabs />
      <FilterBar />
      {narrow && (
        <SegmentedControl
          fullWidth
          aria-label={t('board.column')}
          value={shown.id}
          onChange={(value) => setShown(value)}
          data={allColumns.map((c) => ({ value: c.id, label: c.title }))}
          data-testid="column-switcher"
        />
      )}
      <DndContext
        sensors={sensors}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragged(null)}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('board.dragInstructions') } }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: Math.min(allColumns.length, 6) }} spacing="sm" className="board" data-dragging={dragged ? 'true' : undefined}>
          {columns.map((column) => (
            <BoardColumn key={column.id} column={column} filter={filter} dragged={dragged} now={now} onMove={onMove} />
          ))}
        </SimpleGrid>
        <DragOverlay dropAnimation={null}>{dragged && <TicketCardView ticket={dragged} now={now} overlay />}</DragOverlay>
      </DndContext>
    </Stack>
  );
}
