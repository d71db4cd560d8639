import { DndContext, DragOverlay, PointerSensor, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import { useNow } from '../../../../app/hooks';
import { useI18n } from '../../../../app/i18n';
import type { TicketCardFragment, TicketStatus } from '../../../../generated/graphql';
import { useMoveTicket } from '../../hooks/useMoveTicket';
import { useTicketFilters } from '../../hooks/useTicketFilters';
import { STATUSES } from '../../transitions';
import { FilterBar } from '../FilterBar';
import { BoardColumn } from './BoardColumn';
import { TicketCardView } from './TicketCard';

/** The agents' Kanban board: a column per status, live, with drag and drop between columns. */
export function BoardPage() {
  const { t } = useI18n();
  const { filter } = useTicketFilters();
  // Ages and SLA countdowns on the cards tick every 30 s.
  const now = useNow(30_000);
  const move = useMoveTicket();
  const [dragged, setDragged] = useState<TicketCardFragment | null>(null);
  // A small distance before a drag starts, so clicks on links and menus still work.
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));

  const onMove = useCallback(
    async (ticket: TicketCardFragment, to: TicketStatus) => {
      const result = await move(ticket, to);
      if (!result.ok) notifications.show({ color: 'red', message: result.message, autoClose: 8000 });
    },
    [move],
  );

  const onDragStart = (event: DragStartEvent) => {
    setDragged((event.active.data.current?.ticket as TicketCardFragment | undefined) ?? null);
  };
  const onDragEnd = (event: DragEndEvent) => {
    setDragged(null);
    const ticket = event.active.data.current?.ticket as TicketCardFragment | undefined;
    const to = event.over?.data.current?.status as TicketStatus | undefined;
    if (ticket && to && to !== ticket.status) void onMove(ticket, to);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h3">
          {t('board.title')}
        </Title>
      </Group>
      <FilterBar />
      <DndContext sensors={sensors} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragged(null)}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" className="board" data-dragging={dragged ? 'true' : undefined}>
          {STATUSES.map((status) => (
            <BoardColumn key={status} status={status} filter={filter} dragged={dragged} now={now} onMove={onMove} />
          ))}
        </SimpleGrid>
        <DragOverlay dropAnimation={null}>{dragged && <TicketCardView ticket={dragged} now={now} overlay />}</DragOverlay>
      </DndContext>
    </Stack>
  );
}
