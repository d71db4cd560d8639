import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, List, Paper, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { describeError } from '../../../app/errors';
import { usePresetTags } from '../../settings/hooks/usePresetTags';
import { useI18n } from '../../../app/i18n';
import { plural } from '../../../app/plural';
import { TagField } from '../../../app/ui/TagField';
import { BulkUpdateTicketsDocument, TicketPriority, TicketStatus } from '../../../generated/graphql';
import { useTicketStatuses } from '../../statuses/hooks/useTicketStatuses';
import { useAgents } from '../../presence/hooks/usePresence';

const QUEUE = '__queue';

export interface SelectedTicket {
  id: string;
  number: number;
}

export interface TicketFailureView {
  id: string;
  code: string;
  message: string;
}

/** What went wrong per ticket, by number. */
export function FailureList({ failures, selected }: { failures: readonly TicketFailureView[]; selected: readonly SelectedTicket[] }) {
  const { t } = useI18n();
  if (failures.length === 0) return null;
  const numberOf = new Map(selected.map((s) => [s.id, s.number]));
  return (
    <Alert color="red" role="alert" title={t('bulk.failedTitle', { count: failures.length })} data-testid="bulk-failures">
      <List size="sm">
        {failures.map((f) => (
          <List.Item key={f.id}>
            #{numberOf.get(f.id) ?? '?'}: {t(`bulk.code.${f.code === 'FORBIDDEN' || f.code === 'NOT_FOUND' || f.code === 'CONFLICT' ? f.code : 'BAD_USER_INPUT'}`)} ({f.message})
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/**
 * The list's bulk bar: for the selected tickets, change status, assignee, priority and tags in
 * one step. Each ticket is changed with its own permissions; the refused ones are listed.
 */
export function BulkBar({ selected, onClear, onDone, children }: { selected: readonly SelectedTicket[]; onClear: () => void; onDone: (updatedIds: string[]) => void; children?: ReactNode }) {
  const { t } = useI18n();
  const presetTags = usePresetTags();
  const { agents } = useAgents();
  const { statuses, nameOf } = useTicketStatuses();
  // A status key: the categories' own (built-in keys are the categories) and the workspace's.
  const [status, setStatus] = useState<string | null>(null);
  const [assignee, setAssignee] = useState<string | null>(null);
  const [priority, setPriority] = useState<string | null>(null);
  const [addTags, setAddTags] = useState<string[]>([]);
  const [removeTags, setRemoveTags] = useState<string[]>([]);
  const [failures, setFailures] = useState<TicketFailureView[]>([]);
  const [bulkUpdate, { loading }] = useMutation(BulkUpdateTicketsDocument);
  const nothing = !status && !assignee && !priority && addTags.length === 0 && removeTags.length === 0;

  const apply = async () => {
    setFailures([]);
    try {
      const { data } = await bulkUpdate({
        variables: {
          input: {
            ids: selected.map((s) => s.id),
            statusKey: status ?? undefined,
            priority: (priority as TicketPriority | null) ?? undefined,
            assigneeId: assignee && assignee !== QUEUE ? assignee : undefined,
            unassign: assignee === QUEUE ? true : undefined,
            addTags: addTags.length ? addTags : undefined,
            removeTags: removeTags.length ? removeTags : undefined,
          },
        },
      });
      if (!data) return;
      const { updated, failures: failed } = data.bulkUpdateTickets;
      setFailures(failed);
      notifications.show({
        color: failed.length ? 'yellow' : 'green',
        message: t('bulk.done', { tickets: plural(t, 'tickets', updated.length) }),
        closeButtonProps: { 'aria-label': t('productivity.dismiss') },
      });
      setStatus(null);
      setAssignee(null);
      setPriority(null);
      setAddTags([]);
      setRemoveTags([]);
      onDone(updated.map((u) => u.id));
    } catch (error) {
      notifications.show({ color: 'red', message: describeError(error, t), closeButtonProps: { 'aria-label': t('productivity.dismiss') } });
    }
  };

  return (
    <Paper withBorder radius="md" p="sm" data-testid="bulk-bar" bg="indigo.0">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={700} size="sm" role="status">
            {t('bulk.selected', { tickets: plural(t, 'tickets', selected.length) })}
          </Text>
          <Button size="compact-sm" variant="subtle" color="dark" onClick={onClear}>
            {t('bulk.clear')}
          </Button>
        </Group>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('bulk.status')}
            placeholder={t('bulk.keep')}
            clearable
            w={170}
            value={status}
            onChange={setStatus}
            data={
              statuses
                ? statuses.filter((s) => s.active).map((s) => ({ value: s.key, label: nameOf(s) }))
                : Object.values(TicketStatus).map((s) => ({ value: s, label: t(`status.${s}`) }))
            }
          />
          <Select
            label={t('bulk.assignee')}
            placeholder={t('bulk.keep')}
            clearable
            w={200}
            value={assignee}
            onChange={setAssignee}
            data={[{ value: QUEUE, label: t('ticket.unassigned') }, ...agents.map((a) => ({ value: a.user.id, label: a.user.name }))]}
          />
          <Select
            label={t('bulk.priority')}
            placeholder={t('bulk.keep')}
            clearable
            w={150}
            value={priority}
            onChange={setPriority}
            data={Object.values(TicketPriority).map((p) => ({ value: p, label: t(`priority.${p}`) }))}
          />
          <div style={{ width: 220 }}>
            <TagField label={t('bulk.addTags')} suggestions={presetTags} value={addTags} onChange={setAddTags} />
          </div>
          <div style={{ width: 220 }}>
            <TagField label={t('bulk.removeTags')} value={removeTags} onChange={setRemoveTags} />
          </div>
          <Button onClick={() => void apply()} loading={loading} disabled={nothing} data-testid="bulk-apply">
            {t('bulk.apply')}
          </Button>
          {children}
        </Group>
        <FailureList failures={failures} selected={selected} />
      </Stack>
    </Paper>
  );
}
