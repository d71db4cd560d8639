import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Modal, MultiSelect, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { describeError, fieldErrorsOf } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { TicketEventType, CreateWebhookEndpointDocument } from '../../../generated/graphql';
import { addEndpointToList } from '../webhook-cache';

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
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CreateWebhookEndpointDocument);
  const fieldError = (field: string) => fieldErrors[field]?.join(', ');

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    setFieldErrors({});
    try {
      const { data } = await create({
        variables: { input: { url: url.trim(), eventTypes: eventTypes as TicketEventType[] } },
        update: (cache, { data: created }) => {
          if (created) addEndpointToList(cache, created.createWebhookEndpoint.endpoint);
        },
      });
      if (!data) throw new Error('No data in the createWebhookEndpoint response');
      onCreated(data.createWebhookEndpoint.secret);
    } catch (caught) {
      const fields = fieldErrorsOf(caught);
      setFieldErrors(fields);
      const placed = Object.keys(fields).length > 0 && Object.keys(fields).every((field) => FORM_FIELDS.includes(field));
      setError(placed ? t('common.fixErrors') : describeError(caught, t));
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
        {error && (
          <Alert color="red" role="alert">
            {error}
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
