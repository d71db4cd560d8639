import { useMutation } from '@apollo/client/react';
import { Button, Group, Popover, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { describeError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { DeleteWebhookEndpointDocument, type WebhookEndpointFieldsFragment } from '../../../generated/graphql';
import { removeEndpoint, shortUrl } from '../webhook-cache';

/** Deletes an endpoint and its delivery log, after a confirmation. */
export function DeleteWebhookButton({ endpoint }: { endpoint: WebhookEndpointFieldsFragment }) {
  const { t } = useI18n();
  const [opened, setOpened] = useState(false);
  const [remove, { loading }] = useMutation(DeleteWebhookEndpointDocument);

  const onConfirm = async () => {
    try {
      await remove({ variables: { id: endpoint.id }, update: (cache) => removeEndpoint(cache, endpoint.id) });
      setOpened(false);
      notifications.show({ color: 'green', message: t('webhooks.deleted') });
    } catch (error) {
      notifications.show({ color: 'red', message: describeError(error, t) });
    }
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" withArrow trapFocus>
      <Popover.Target>
        <Button size="compact-sm" variant="subtle" color="red" onClick={() => setOpened((o) => !o)}>
          {t('common.delete')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown maw={320} data-testid="delete-webhook-confirm">
        <Text size="sm" mb="sm">
          {t('webhooks.deleteConfirm', { url: shortUrl(endpoint.url) })}
        </Text>
        <Group justify="flex-end">
          <Button size="xs" variant="default" onClick={() => setOpened(false)}>
            {t('common.cancel')}
          </Button>
          <Button size="xs" color="red" loading={loading} onClick={() => void onConfirm()}>
            {t('common.delete')}
          </Button>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
