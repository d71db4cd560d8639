import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Modal, MultiSelect, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useFormErrors } from '../../../app/form-errors';
import { useI18n } from '../../../app/i18n';
import { addToRootList } from '../../../app/root-list-cache';
import { TicketEventType, CreateWebhookEndpointDocument } from '../../../generated/graphql';

const FORM_FIELDS = ['url', 'eventTypes'];

interface CreateWebhookModalProps {
  opened: boolean;
  onClose: () => void;
  /** The signing secret, to show once. */
  onCreated: (secret: string) => void;
}

/** A URL and the event types to send (none chosen: all of them). */
export function CreateWebhookModal({ opened, onClose, onCreated }: CreateWebhookModalProps) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={t('webhooks.create')} size="lg">
      {opened && <CreateForm onCancel={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function CreateForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (secret: string) => void }) {
  const { t } = useI18n();
  const [url, setUrl] = useState('');
  const [eventTypes, setEventTypes] = useState<string[]>([]);
  const errors = useFormErrors(FORM_FIELDS);
  const [create, { loading }] = useMutation(CreateWebhookEndpointDocument);
  const fieldError = errors.fieldError;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    errors.reset();
    try {
      const { data } = await create({
        variables: { input: { url: url.trim(), eventTypes: eventTypes as TicketEventType[] } },
        update: (cache, { data: created }) => {
          if (created) addToRootList(cache, 'webhookEndpoints', created.createWebhookEndpoint.endpoint, 'end');
        },
      });
      if (!data) throw new Error('No data in the createWebhookEndpoint response');
      onCreated(data.createWebhookEndpoint.secret);
    } catch (caught) {
      errors.fail(caught);
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="webhook-form">
      <Stack gap="sm">
        <TextInput
          type="url"
          label={t('webhooks.url')}
          description={t('webhooks.urlHint')}
          placeholder="https://hooks.example.com/sociodesk"
          required
          data-autofocus
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          error={fieldError('url')}
        />
        <MultiSelect
          label={t('webhooks.events')}
          description={t('webhooks.eventsHint')}
          placeholder={eventTypes.length === 0 ? t('webhooks.allEvents') : undefined}
          data={Object.values(TicketEventType)}
          value={eventTypes}
          onChange={setEventTypes}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
          error={fieldError('eventTypes')}
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
            {t('webhooks.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
