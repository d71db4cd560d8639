import { Divider, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDateTime } from '../../../app/format';
import type { ReactNode } from 'react';
import { useI18n, type MessageKey } from '../../../app/i18n';
import { usePresetTags } from '../../settings/hooks/usePresetTags';
import { TagField } from '../../../app/ui/TagField';
import { useViewer } from '../../../app/viewer';
import {
  TicketCategory,
  TicketPriority,
  TicketStatus,
  type TicketDetailFragment,
  type UpdateTicketInput,
} from '../../../generated/graphql';
import { PersonAvatar } from '../../presence/components/PersonAvatar';
import { SlaDetails } from '../../sla/components/SlaDetails';
import { useMoveTicket } from '../hooks/useMoveTicket';
import { useTicketActions } from '../hooks/useTicketActions';
import { allowedStatusTargets, allowedTargets } from '../transitions';
import { useTicketStatuses } from '../../statuses/hooks/useTicketStatuses';
import { CustomStatusBadge } from './board/TicketCard';
import { useCloseWithUndo } from '../hooks/useCloseWithUndo';
import { ApplyMacroControl } from '../../macros/components/ApplyMacroControl';
import { AssigneeField } from './AssigneeField';
import { DeleteTicketButton } from './DeleteTicketButton';
import { CategoryBadge, PriorityBadge, StatusBadge } from './TicketBadges';

function Row({ label, children }: { label: MessageKey; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <Text size="sm" c="dimmed">
        {t(label)}
      </Text>
      <div>{children}</div>
    </Group>
  );
}

/** Status, priority, category, assignee and tags: editable by staff, shown to customers. */
export function TicketSidebar({ ticket }: { ticket: TicketDetailFragment }) {
  const { t, locale } = useI18n();
  const viewer = useViewer();
  const presetTags = usePresetTags();
  const move = useMoveTicket();
  const { update, busy } = useTicketActions(ticket);

  const closeWithUndo = useCloseWithUndo();
  const { statuses, nameOf } = useTicketStatuses({ skip: !viewer.isStaff });
  // Once the workspace's statuses are known the choice is by status key (its own statuses too).
  const byKey = statuses ? allowedStatusTargets(ticket, statuses) : null;
  const onStatus = async (to: string | null) => {
    if (!to || to === ticket.statusKey) return;
    const target = statuses?.find((s) => s.key === to) ?? null;
    const category = (target?.category ?? to) as TicketStatus;
    // Closing is final: it waits a few seconds with an undo.
    if (category === TicketStatus.Closed && (!target || target.builtIn)) return closeWithUndo(ticket);
    const result = await move(ticket, category, target);
    if (!result.ok) notifications.show({ color: 'red', message: result.message });
  };
  const onUpdate = (input: UpdateTicketInput) => void update(input);

  const current = { value: ticket.statusKey, label: ticket.customStatus ? nameOf(ticket.customStatus) : t(`status.${ticket.status}`) };
  const statusOptions = byKey
    ? [current, ...byKey.map((s) => ({ value: s.key, label: nameOf(s) }))]
    : [{ value: ticket.status, label: t(`status.${ticket.status}`) }, ...allowedTargets(ticket).map((s) => ({ value: s, label: t(`status.${s}`) }))];

  return (
    <Paper withBorder radius="md" p="md" data-testid="ticket-sidebar">
      <Stack gap="sm">
        {viewer.isStaff ? (
          <>
            <Select
              label={t('ticket.status')}
              value={byKey ? ticket.statusKey : ticket.status}
              allowDeselect={false}
              data={statusOptions}
              onChange={(v) => void onStatus(v)}
              data-testid="status-select"
            />
            <Select
              label={t('ticket.priority')}
              value={ticket.priority}
              allowDeselect={false}
              disabled={busy}
              data={Object.values(TicketPriority).map((p) => ({ value: p, label: t(`priority.${p}`) }))}
              onChange={(v) => v && v !== ticket.priority && onUpdate({ priority: v as TicketPriority })}
            />
            <Select
              label={t('ticket.category')}
              value={ticket.category}
              allowDeselect={false}
              disabled={busy}
              data={Object.values(TicketCategory).map((c) => ({ value: c, label: t(`category.${c}`) }))}
              onChange={(v) => v && v !== ticket.category && onUpdate({ category: v as TicketCategory })}
            />
            <AssigneeField ticket={ticket} />
            <TagField label={t('ticket.tags')} suggestions={presetTags} value={ticket.tags} disabled={busy} onChange={(tags) => onUpdate({ tags })} />
          </>
        ) : (
          <>
            <Row label="ticket.status">
              <Group gap={4}>
                <StatusBadge status={ticket.status} />
                {ticket.customStatus && <CustomStatusBadge status={ticket.customStatus} />}
              </Group>
            </Row>
            {/* Priority reaches customers only when their workspace shows it; tags never do. */}
            {ticket.priority && (
              <Row label="ticket.priority">
                <PriorityBadge priority={ticket.priority} />
              </Row>
            )}
            <Row label="ticket.category">
              <CategoryBadge category={ticket.category} />
            </Row>
          </>
        )}
        {viewer.isStaff && <ApplyMacroControl ticketIds={[ticket.id]} />}
        <Divider />
        {viewer.isStaff && (
          <Row label="ticket.customer">
            <Group gap={6} wrap="nowrap">
              <PersonAvatar person={ticket.customer} size="xs" withPresence={false} />
              <Text size="sm">{ticket.customer?.name ?? '—'}</Text>
            </Group>
          </Row>
        )}
        {viewer.isCustomer && ticket.assignee && (
          <Row label="ticket.assignee">
            <Text size="sm">{ticket.assignee.name}</Text>
          </Row>
        )}
        <Row label="ticket.channel">
          <Text size="sm">{t(`channel.${ticket.channel}`)}</Text>
        </Row>
        <Row label="ticket.created">
          <Text size="sm">{formatDateTime(ticket.createdAt, locale)}</Text>
        </Row>
        <Row label="ticket.updated">
          <Text size="sm">{formatDateTime(ticket.updatedAt, locale)}</Text>
        </Row>
        {viewer.isStaff && (
          <Row label="ticket.firstResponse">
            <Text size="sm">{formatDateTime(ticket.firstResponseAt, locale)}</Text>
          </Row>
        )}
        {viewer.isStaff && (
          <>
            <Divider />
            <SlaDetails ticket={ticket} />
          </>
        )}
        {viewer.isAdmin && (
          <>
            <Divider />
            <DeleteTicketButton ticket={ticket} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
