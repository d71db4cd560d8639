import { useTicketStatuses } from '../../statuses/hooks/useTicketStatuses';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Checkbox, CloseButton, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useFormErrors } from '../../../app/form-errors';
import { useI18n } from '../../../app/i18n';
import { addToRootList } from '../../../app/root-list-cache';
import { useViewer } from '../../../app/viewer';
import { CannedResponsesDocument, CreateMacroDocument, MacroActionType, UpdateMacroDocument, type MacroFieldsFragment } from '../../../generated/graphql';
import { useAgents } from '../../presence/hooks/usePresence';
import { CATEGORY_VALUES, inputOf, PRIORITY_VALUES, QUEUE, rowOf, STATUS_VALUES, type ActionRow } from './macro-actions';

const FORM_FIELDS = ['name', 'actions'];

export function MacroModal({ opened, editing, onClose }: { opened: boolean; editing: MacroFieldsFragment | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={editing ? t('macros.edit') : t('macros.create')} size="lg" closeButtonProps={{ 'aria-label': t('common.cancel') }}>
      {opened && <MacroForm editing={editing} onDone={onClose} />}
    </Modal>
  );
}

function MacroForm({ editing, onDone }: { editing: MacroFieldsFragment | null; onDone: () => void }) {
  const { t } = useI18n();
  const viewer = useViewer();
  const { agents } = useAgents();
  const { statuses, nameOf } = useTicketStatuses();
  const canned = useQuery(CannedResponsesDocument).data?.cannedResponses ?? [];
  const [name, setName] = useState(editing?.name ?? '');
  const [shared, setShared] = useState(editing?.shared ?? false);
  const [rows, setRows] = useState<ActionRow[]>(editing ? editing.actions.map(rowOf) : [{ type: MacroActionType.SetStatus, value: null }]);
  const errors = useFormErrors(FORM_FIELDS);
  const [create, creating] = useMutation(CreateMacroDocument);
  const [update, updating] = useMutation(UpdateMacroDocument);
  const setRow = (i: number, row: ActionRow) => setRows((current) => current.map((r, j) => (j === i ? row : r)));

  const options = (type: MacroActionType): Array<{ value: string; label: string }> | null => {
    if (type === MacroActionType.SetStatus) {
      return statuses ? statuses.filter((s) => s.active).map((s) => ({ value: s.key, label: nameOf(s) })) : STATUS_VALUES.map((v) => ({ value: v, label: t(`status.${v}`) }));
    }
    if (type === MacroActionType.SetPriority) return PRIORITY_VALUES.map((v) => ({ value: v, label: t(`priority.${v}`) }));
    if (type === MacroActionType.SetCategory) return CATEGORY_VALUES.map((v) => ({ value: v, label: t(`category.${v}`) }));
    if (type === MacroActionType.SetAssignee) return [{ value: QUEUE, label: t('macros.queue') }, ...agents.map((a) => ({ value: a.user.id, label: a.user.name }))];
    if (type === MacroActionType.PostReply || type === MacroActionType.PostNote) return canned.map((c) => ({ value: c.id, label: c.title }));
    return null;
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    errors.reset();
    const missing = rows.some((r) => !r.value);
    if (errors.check({ name: name.trim() ? null : t('validation.required'), actions: rows.length === 0 || missing ? t('validation.required') : null })) return;
    const input = { name: name.trim(), shared: viewer.isAdmin && shared, actions: rows.map(inputOf) };
    try {
      if (editing) await update({ variables: { id: editing.id, input } });
      else {
        await create({
          variables: { input },
          update: (cache, { data }) => {
            if (data) addToRootList(cache, 'macros', data.createMacro, 'end');
          },
        });
      }
      notifications.show({ color: 'green', message: t('macros.saved', { name: input.name }), closeButtonProps: { 'aria-label': t('productivity.dismiss') } });
      onDone();
    } catch (caught) {
      errors.fail(caught);
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="macro-form">
      <Stack gap="sm">
        <TextInput label={t('macros.name')} required data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.fieldError('name')} />
        <Text fw={600} size="sm">
          {t('macros.actions')}
        </Text>
        {rows.map((row, i) => {
          const choices = options(row.type);
          const n = i + 1;
          return (
            <Group key={i} gap="xs" align="flex-end" wrap="nowrap" data-testid="macro-action-row">
              <Select
                label={t('macros.action', { n })}
                allowDeselect={false}
                w={200}
                value={row.type}
                onChange={(value) => value && setRow(i, { type: value as MacroActionType, value: null })}
                data={Object.values(MacroActionType).map((type) => ({ value: type, label: t(`macros.type.${type}`) }))}
              />
              {choices ? (
                <Select label={t('macros.value')} aria-label={`${t('macros.value')} ${n}`} style={{ flex: 1 }} value={row.value} onChange={(value) => setRow(i, { ...row, value })} data={choices} />
              ) : (
                <TextInput label={t('macros.value')} aria-label={`${t('macros.value')} ${n}`} style={{ flex: 1 }} value={row.value ?? ''} onChange={(e) => setRow(i, { ...row, value: e.currentTarget.value })} />
              )}
              <CloseButton aria-label={t('macros.removeAction', { n })} onClick={() => setRows((current) => current.filter((_, j) => j !== i))} mb={6} />
            </Group>
          );
        })}
        {errors.fieldError('actions') && (
          <Text size="sm" c="red.9">
            {errors.fieldError('actions')}
          </Text>
        )}
        <Button variant="default" size="xs" w="fit-content" onClick={() => setRows((current) => [...current, { type: MacroActionType.AddTag, value: null }])}>
          {t('macros.addAction')}
        </Button>
        {viewer.isAdmin && <Checkbox label={t('macros.shared')} checked={shared} onChange={(e) => setShared(e.currentTarget.checked)} />}
        {errors.message && (
          <Alert color="red" role="alert">
            {errors.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={creating.loading || updating.loading}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
