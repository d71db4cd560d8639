import { useMutation } from '@apollo/client/react';
import { Alert, Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useFormErrors } from '../../../app/form-errors';
import { useI18n } from '../../../app/i18n';
import { addToRootList } from '../../../app/root-list-cache';
import { useViewer } from '../../../app/viewer';
import { CreateSavedViewDocument } from '../../../generated/graphql';
import { viewFilterFromParams } from '../view-params';

const FORM_FIELDS = ['name'];

/** Saves the filters shown now as a view: a name, and (admins) shared with the team. */
export function SaveViewModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={t('views.save')} closeButtonProps={{ 'aria-label': t('common.cancel') }}>
      {opened && <SaveViewForm onDone={onClose} />}
    </Modal>
  );
}

function SaveViewForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const viewer = useViewer();
  const [params] = useSearchParams();
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const errors = useFormErrors(FORM_FIELDS);
  const [create, { loading }] = useMutation(CreateSavedViewDocument);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    errors.reset();
    if (errors.check({ name: !name.trim() ? t('validation.required') : name.trim().length > 60 ? t('validation.maxLength', { max: 60 }) : null })) return;
    try {
      await create({
        variables: { input: { name: name.trim(), shared: viewer.isAdmin && shared, filter: viewFilterFromParams(params) } },
        update: (cache, { data }) => {
          if (data) addToRootList(cache, 'savedViews', data.createSavedView, 'end');
        },
      });
      notifications.show({ color: 'green', message: t('views.saved', { name: name.trim() }), closeButtonProps: { 'aria-label': t('productivity.dismiss') } });
      onDone();
    } catch (caught) {
      errors.fail(caught);
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="save-view-form">
      <Stack gap="sm">
        <Text size="sm">{t('views.saveHint')}</Text>
        <TextInput label={t('views.name')} required data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.fieldError('name')} />
        {viewer.isAdmin && <Checkbox label={t('views.shared')} checked={shared} onChange={(e) => setShared(e.currentTarget.checked)} />}
        {errors.message && (
          <Alert color="red" role="alert">
            {errors.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={loading}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
