import { useMutation } from '@apollo/client/react';
import { ActionIcon, Badge, Button, Group, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { describeError } from '../../../app/errors';
import { placeErrors, type FieldErrors } from '../../../app/form-errors';
import { useI18n } from '../../../app/i18n';
import { ConfirmButton } from '../../../app/ui/ConfirmButton';
import { SettingsCard } from '../../../app/ui/SettingsCard';
import {
  CreateTicketStatusDocument,
  DeleteTicketStatusDocument,
  TicketStatus,
  TicketStatusesDocument,
  UpdateTicketStatusDocument,
  type TicketStatusFieldsFragment,
  type UpdateTicketStatusInput,
} from '../../../generated/graphql';
import { STATUSES } from '../../tickets/transitions';
import { useTicketStatuses } from '../hooks/useTicketStatuses';

const FIELDS = ['key', 'name', 'nameIndonesian', 'category'] as const;
const refetchQueries = [{ query: TicketStatusesDocument }];

/** Admins: the workspace's own statuses under the four categories (add, rename, reorder, pause flag, in use). */
export function StatusesPage() {
  const { t } = useI18n();
  const { statuses, loading, error, refetch, nameOf } = useTicketStatuses();
  const [update, updating] = useMutation(UpdateTicketStatusDocument, { refetchQueries });
  const [remove] = useMutation(DeleteTicketStatusDocument, { refetchQueries });

  const save = async (s: TicketStatusFieldsFragment, input: UpdateTicketStatusInput) => {
    try {
      await update({ variables: { id: s.id, input } });
      notifications.show({ color: 'green', message: t('statuses.saved') });
    } catch (caught) {
      notifications.show({ color: 'red', message: describeError(caught, t) });
    }
  };
  /** Swaps a status with its neighbour of the same category (the workspace's own only). */
  const reorder = async (s: TicketStatusFieldsFragment, by: -1 | 1) => {
    const own = (statuses ?? []).filter((x) => !x.builtIn && x.category === s.category);
    const i = own.findIndex((x) => x.id === s.id);
    const other = own[i + by];
    if (!other) return;
    await save(s, { position: other.position - 1 });
    await save(other, { position: s.position - 1 });
  };

  return (
    <SettingsCard title={t('statuses.title')} intro={t('statuses.intro')} loading={!statuses && loading} error={error} onRetry={() => void refetch()} data-testid="statuses-settings">
      {statuses && (
        <Stack gap="md">
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" data-testid="statuses-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('statuses.name')}</Table.Th>
                  <Table.Th>{t('statuses.category')}</Table.Th>
                  <Table.Th>{t('statuses.pausesSla')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {statuses.map((s) => (
                  <Table.Tr key={s.id} data-testid={`status-row-${s.key}`}>
                    <Table.Td>
                      {s.builtIn ? (
                        <Group gap={6}>
                          <Text size="sm" fw={600}>
                            {nameOf(s)}
                          </Text>
                          <Badge size="xs" variant="light" color="gray">
                            {t('statuses.builtIn')}
                          </Badge>
                        </Group>
                      ) : (
                        <NameCell status={s} onSave={(input) => save(s, input)} />
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`status.${s.category}`)}</Text>
                    </Table.Td>
                    <Table.Td>
                      {!s.builtIn && (
                        <Switch
                          aria-label={`${t('statuses.pausesSla')}: ${nameOf(s)}`}
                          checked={s.pausesSla}
                          disabled={updating.loading}
                          onChange={(e) => void save(s, { pausesSla: e.currentTarget.checked })}
                        />
                      )}
                    </Table.Td>
                    <Table.Td>
                      {!s.builtIn && (
                        <Group gap={4} wrap="nowrap">
                          <ActionIcon variant="subtle" color="gray" aria-label={t('statuses.moveUp', { name: nameOf(s) })} onClick={() => void reorder(s, -1)}>
                            ↑
                          </ActionIcon>
                          <ActionIcon variant="subtle" color="gray" aria-label={t('statuses.moveDown', { name: nameOf(s) })} onClick={() => void reorder(s, 1)}>
                            ↓
                          </ActionIcon>
                          <Button size="compact-sm" variant="subtle" color="gray" onClick={() => void save(s, { active: !s.active })}>
                            {s.active ? t('statuses.deactivate') : t('statuses.activate')}
                          </Button>
                          <ConfirmButton
                            label={t('common.delete')}
                            aria-label={t('statuses.delete', { name: nameOf(s) })}
                            question={t('statuses.deleteConfirm')}
                            onConfirm={async () => {
                              try {
                                await remove({ variables: { id: s.id } });
                                notifications.show({ color: 'green', message: t('statuses.deleted') });
                              } catch (caught) {
                                notifications.show({ color: 'red', message: describeError(caught, t) });
                                return false;
                              }
                            }}
                          />
                        </Group>
                      )}
                      {!s.active && (
                        <Badge size="xs" variant="outline" color="gray">
                          {t('statuses.inactive')}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <NewStatusForm />
        </Stack>
      )}
    </SettingsCard>
  );
}

/** A status's names, edited in place. */
function NameCell({ status, onSave }: { status: TicketStatusFieldsFragment; onSave: (input: UpdateTicketStatusInput) => Promise<void> }) {
  const { t } = useI18n();
  const [name, setName] = useState(status.name);
  const [nameIndonesian, setNameIndonesian] = useState(status.nameIndonesian ?? '');
  const changed = name.trim() !== status.name || nameIndonesian.trim() !== (status.nameIndonesian ?? '');
  return (
    <Group gap={6} wrap="nowrap" align="flex-end">
      <TextInput size="xs" label={t('statuses.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
      <TextInput size="xs" label={t('statuses.nameIndonesian')} value={nameIndonesian} onChange={(e) => setNameIndonesian(e.currentTarget.value)} />
      <Text size="xs" c="dimmed" ff="monospace">
        {status.key}
      </Text>
      {changed && (
        <Button size="compact-xs" aria-label={t('statuses.rename', { name: status.name })} onClick={() => void onSave({ name, nameIndonesian })}>
          {t('common.save')}
        </Button>
      )}
    </Group>
  );
}

/** Adds a status under a category. */
function NewStatusForm() {
  const { t } = useI18n();
  const [create, creating] = useMutation(CreateTicketStatusDocument, { refetchQueries });
  const [draft, setDraft] = useState({ key: '', name: '', nameIndonesian: '', category: TicketStatus.InProgress as TicketStatus, pausesSla: false });
  const [errors, setErrors] = useState<{ fields: FieldErrors; message: string } | null>(null);
  const submit = async () => {
    try {
      await create({ variables: { input: { ...draft, nameIndonesian: draft.nameIndonesian || null } } });
      notifications.show({ color: 'green', message: t('statuses.created') });
      setDraft({ ...draft, key: '', name: '', nameIndonesian: '', pausesSla: false });
      setErrors(null);
    } catch (caught) {
      setErrors(placeErrors(caught, FIELDS, t));
    }
  };
  const err = (f: (typeof FIELDS)[number]) => errors?.fields[f]?.join(' ');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      data-testid="new-status"
    >
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput label={t('statuses.name')} required value={draft.name} error={err('name')} onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} />
        <TextInput label={t('statuses.nameIndonesian')} value={draft.nameIndonesian} error={err('nameIndonesian')} onChange={(e) => setDraft({ ...draft, nameIndonesian: e.currentTarget.value })} />
        <TextInput label={t('statuses.key')} description={t('statuses.keyHint')} required value={draft.key} error={err('key')} onChange={(e) => setDraft({ ...draft, key: e.currentTarget.value })} maw={260} />
        <Select
          label={t('statuses.category')}
          value={draft.category}
          allowDeselect={false}
          data={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          onChange={(v) => v && setDraft({ ...draft, category: v as TicketStatus })}
        />
        <Switch mt={30} label={t('statuses.pausesSla')} description={t('statuses.pausesSlaHint')} checked={draft.pausesSla} onChange={(e) => setDraft({ ...draft, pausesSla: e.currentTarget.checked })} />
      </Group>
      {errors && !Object.keys(errors.fields).length && (
        <Text c="red.8" size="sm" mt="xs" role="alert">
          {errors.message}
        </Text>
      )}
      <Button type="submit" mt="sm" loading={creating.loading}>
        {t('statuses.add')}
      </Button>
    </form>
  );
}
