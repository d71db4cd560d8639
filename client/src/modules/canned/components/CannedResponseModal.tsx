import { useMutation } from '@apollo/client/react';
import { Alert, Button, Checkbox, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useFormErrors } from '../../../app/form-errors';
import { useI18n } from '../../../app/i18n';
import { addToRootList } from '../../../app/root-list-cache';
import { useViewer } from '../../../app/viewer';
import { CreateCannedResponseDocument, UpdateCannedResponseDocument, type CannedResponseFieldsFragment } from '../../../generated/graphql';

const FORM_FIELDS = ['title', 'body', 'shared'];

interface Props {
  opened: boolean;
  /** The response to edit; none to create one. */
  editing: CannedResponseFieldsFragment | null;
  onClose: () => void;
}

/** Create or edit a canned response: title, text with variables, and (admins) shared with the team. */
export function CannedResponseModal({ opened, editing, onClose }: Props) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={editing ? t('canned.edit') : t('canned.create')} size="lg" closeButtonProps={{ 'aria-label': t('common.cancel') }}>
      {opened && <CannedForm editing={editing} onDone={onClose} />}
    </Modal>
  );
}

function CannedForm({ editing, onDone }: { editing: CannedResponseFieldsFragment | null; onDone: () => void }) {
  const { t } = useI18n();
  const viewer = useViewer();
  const [title, setTitle] = useState(editing?.title ?? '');
  const [body, setBody] = useState(editing?.body ?? '');
  const [shared, setShared] = useState(editing?.shared ?? false);
  const errors = useFormErrors(FORM_FIELDS);
  const [create, creating] = useMutation(CreateCannedResponseDocument);
  const [update, updating] = useMutation(UpdateCannedResponseDocument);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    errors.reset();
    const found = {
      title: !title.trim() ? t('validation.required') : title.trim().length > 120 ? t('validation.maxLength', { max: 120 }) : null,
      body: !body.trim() ? t('validation.required') : body.length > 10_000 ? t('validation.maxLength', { max: 10_000 }) : null,
    };
    if (errors.check(found)) return;
    try {
      if (editing) {
        await update({ variables: { id: editing.id, input: { title: title.trim(), body, shared: viewer.isAdmin ? shared : undefined } } });
      } else {
        await create({
          variables: { input: { title: title.trim(), body, shared: viewer.isAdmin && shared } },
          update: (cache, { data }) => {
            if (data) addToRootList(cache, 'cannedResponses', data.createCannedResponse, 'end');
          },
        });
      }
      notifications.show({ color: 'green', message: t('canned.saved', { name: title.trim() }), closeButtonProps: { 'aria-label': t('productivity.dismiss') } });
      onDone();
    } catch (caught) {
      errors.fail(caught);
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="canned-form">
      <Stack gap="sm">
        <TextInput label={t('canned.name')} required data-autofocus value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.fieldError('title')} />
        <Textarea
          label={t('canned.body')}
          description={t('canned.bodyHint')}
          required
          autosize
          minRows={4}
          maxRows={14}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={errors.fieldError('body')}
        />
        {viewer.isAdmin && (
          <Checkbox label={t('canned.shared')} description={t('canned.sharedHint')} checked={shared} onChange={(e) => setShared(e.currentTarget.checked)} />
        )}
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
