import { useDraggable } from '@dnd-kit/core';
import { ActionIcon, Anchor, Badge, Card, Group, Menu, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatAge, formatDateTime } from '../../../../app/format';
import { useI18n } from '../../../../app/i18n';
import type { TicketCardFragment, TicketStatus, TicketStatusFieldsFragment } from '../../../../generated/graphql';
import { useTicketStatuses } from '../../../statuses/hooks/useTicketStatuses';
import { PersonAvatar } from '../../../presence/components/PersonAvatar';
import { SlaBadge } from '../../../sla/components/SlaBadge';
import { allowedStatusTargets, allowedTargets } from '../../transitions';
import { CategoryBadge, PriorityBadge, TagList } from '../TicketBadges';

type MoveHandler = (ticket: TicketCardFragment, to: TicketStatus, status?: TicketStatusFieldsFragment | null) => void;

interface TicketCardProps {
  ticket: TicketCardFragment;
  now: number;
  onMove?: MoveHandler;
  /** Rendered in the drag overlay (follows the pointer). */
  overlay?: boolean;
}

/** #number, title, priority, category, tags, assignee with presence, SLA countdown and age. */
export function TicketCardView({ ticket, now, onMove, overlay = false }: TicketCardProps) {
  const { t, locale } = useI18n();
  return (
    <Card
      withBorder
      padding="sm"
      radius="md"
      shadow={overlay ? 'lg' : 'xs'}
      className="ticket-card"
      data-testid="ticket-card"
      data-ticket-number={ticket.number}
    >
      <Group justify="space-between" gap={4} wrap="nowrap" mb={4}>
        <Text size="xs" c="gray.7" fw={700}>
          #{ticket.number}
        </Text>
        <Group gap={4} wrap="nowrap">
          <PriorityBadge priority={ticket.priority} />
          {onMove && <MoveMenu ticket={ticket} onMove={onMove} />}
        </Group>
      </Group>
      <Anchor
        component={Link}
        to={`/tickets/${ticket.number}`}
        c="inherit"
        fw={600}
        size="sm"
        lineClamp={2}
        aria-label={`${t('board.openTicket', { number: ticket.number })}: ${ticket.title}`}
      >
        {ticket.title}
      </Anchor>
      <Group gap={4} mt={6}>
        {ticket.customStatus && <CustomStatusBadge status={ticket.customStatus} />}
        <CategoryBadge category={ticket.category} />
        <TagList tags={ticket.tags} />
      </Group>
      <Group justify="space-between" mt={8} wrap="nowrap">
        {ticket.assignee ? (
          <PersonAvatar person={ticket.assignee} />
        ) : (
          <Text size="xs" c="dimmed">
            {t('ticket.unassigned')}
          </Text>
        )}
        <Group gap={6} wrap="nowrap">
          <SlaBadge ticket={ticket} now={now} size="xs" />
          <Text size="xs" c="dimmed" title={formatDateTime(ticket.createdAt, locale)}>
            {formatAge(ticket.createdAt, now)}
          </Text>
        </Group>
      </Group>
    </Card>
  );
}

/** The workspace's status a ticket is in (e.g. "Waiting on customer"), with a pause mark when it pauses the SLA. */
export function CustomStatusBadge({ status }: { status: TicketStatusFieldsFragment }) {
  const { t } = useI18n();
  const { nameOf } = useTicketStatuses({ skip: true });
  return (
    <Badge size="xs" tt="none" variant="outline" color="violet" data-testid="custom-status" title={status.pausesSla ? t('statuses.pausesSlaBadge') : undefined}>
      {status.pausesSla ? '⏸ ' : ''}
      {nameOf(status)}
    </Badge>
  );
}

/**
 * The keyboard-friendly way to move a card: the statuses this role may move it to, by key
 * (the workspace's own too) once the statuses are known, else the categories.
 */
function MoveMenu({ ticket, onMove }: { ticket: TicketCardFragment; onMove: MoveHandler }) {
  const { t } = useI18n();
  const { statuses, nameOf } = useTicketStatuses();
  const byKey = statuses ? allowedStatusTargets(ticket, statuses) : null;
  const targets = byKey ? byKey.map((s) => ({ id: s.key, label: nameOf(s), move: () => onMove(ticket, s.category, s) })) : allowedTargets(ticket).map((status) => ({ id: status, label: t(`status.${status}`), move: () => onMove(ticket, status) }));
  if (targets.length === 0) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('board.moveTo', { number: ticket.number })}>
          ⋯
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('board.moveTo', { number: ticket.number })}</Menu.Label>
        {targets.map((target) => (
          <Menu.Item key={target.id} onClick={target.move}>
            {target.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** A card that can be dragged to another column. */
export function DraggableTicketCard(props: TicketCardProps) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: props.ticket.id, data: { ticket: props.ticket } });
  return (
    <div ref={setNodeRef} {...listeners} {...attributes} role="listitem" tabIndex={-1} className="draggable-card" data-dragging={isDragging || undefined}>
      <TicketCardView {...props} />
    </div>
  );
}
