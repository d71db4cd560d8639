import { useMutation } from '@apollo/client/react';
import { Alert, Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useFormErrors } from '../../../app/form-errors';
import { useI18n } from '../../../app/i18n';
import { addToRootList } from '../../../app/root-list-cache';
import { ApiKeyScope, CreateApiKeyDocument } from '../../../generated/graphql';
import { API_KEY_SCOPES } from '../apikey-cache';

const FORM_FIELDS = ['name', 'scopes', 'expiresAt'];

interface CreateApiKeyModalProps {
  opened: boolean;
  onClose: () => void;
  /** The new key's secret, to show once. */
  onCreated: (secret: string) => void;
}

/** Name, scopes and an optional expiry; the API answers with the key and its secret. */
export function CreateApiKeyModal({ opened, onClose, onCreated }: CreateApiKeyModalProps) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={t('apiKeys.create')} size="lg">
      {opened && <CreateForm onCancel={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function CreateForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (secret: string) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>([ApiKeyScope.TicketsRead]);
  const [expiresAt, setExpiresAt] = useState('');
  const errors = useFormErrors(FORM_FIELDS);
  const [create, { loading }] = useMutation(CreateApiKeyDocument);
  const fieldError = errors.fieldError;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    errors.reset();
    // datetime-local is the browser's local time.
    const expiry = expiresAt ? new Date(expiresAt) : null;
    const found = {
      name: name.trim() ? (name.trim().length > 100 ? t('validation.maxLength', { max: 100 }) : null) : t('validation.required'),
      scopes: scopes.length === 0 ? t('apiKeys.scopesRequired') : null,
      expiresAt: expiry && Number.isNaN(expiry.getTime()) ? t('apiKeys.badDate') : null,
    };
    if (errors.check(found)) return;
    try {
      const { data } = await create({
        variables: { input: { name: name.trim(), scopes, expiresAt: expiry ? expiry.toISOString() : null } },
        update: (cache, { data: created }) => {
          if (created) addToRootList(cache, 'apiKeys', created.createApiKey.apiKey, 'start');
        },
      });
      if (!data) throw new Error('No data in the createApiKey response');
      onCreated(data.createApiKey.secret);
    } catch (caught) {
      errors.fail(caught);
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="api-key-form">
      <Stack gap="sm">
        <TextInput
          label={t('apiKeys.name')}
          description={t('apiKeys.nameHint')}
          required
          data-autofocus
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError('name')}
        />
        <Checkbox.Group label={t('apiKeys.scopes')} description={t('apiKeys.scopesHint')} value={scopes} onChange={(value) => setScopes(value as ApiKeyScope[])} error={fieldError('scopes')} required>
          <Stack gap={6} mt={6}>
            {API_KEY_SCOPES.map((scope) => (
              <Checkbox key={scope} value={scope} label={scope} description={t(`apiKeys.scope.${scope}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <TextInput
          type="datetime-local"
          label={t('apiKeys.expiresAt')}
          description={t('apiKeys.expiresAtHint')}
          value={expiresAt}
          w={260}
          onChange={(e) => setExpiresAt(e.currentTarget.value)}
          error={fieldError('expiresAt')}
        />
        {errors.message && (
          <Alert color="red" role="alert">
            {errors.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={loading}>
            {t('apiKeys.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
