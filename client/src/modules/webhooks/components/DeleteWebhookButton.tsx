import { useMutation } from '@apollo/client/react';
import { notifications } from '@mantine/notifications';
import { describeError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { ConfirmButton } from '../../../app/ui/ConfirmButton';
import { DeleteWebhookEndpointDocument, type WebhookEndpointFieldsFragment } from '../../../generated/graphql';
import { removeEndpoint, shortUrl } from '../webhook-cache';

/** Deletes an endpoint and its delivery log, after a confirmation. */
export function DeleteWebhookButton({ endpoint }: { endpoint: WebhookEndpointFieldsFragment }) {
  const { t } = useI18n();
  const [remove, { loading }] = useMutation(DeleteWebhookEndpointDocument);

  const onConfirm = async () => {
    try {
      await remove({ variables: { id: endpoint.id }, update: (cache) => removeEndpoint(cache, endpoint.id) });
      notifications.show({ color: 'green', message: t('webhooks.deleted') });
      return true;
    } catch (error) {
      notifications.show({ color: 'red', message: describeError(error, t) });
      return false;
    }
  };

  return (
    <ConfirmButton
      label={t('common.delete')}
      aria-label={t('webhooks.deleteNamed', { url: shortUrl(endpoint.url) })}
      question={t('webhooks.deleteConfirm', { url: shortUrl(endpoint.url) })}
      onConfirm={onConfirm}
      loading={loading}
      maw={320}
      data-testid="delete-webhook-confirm"
    />
  );
}
