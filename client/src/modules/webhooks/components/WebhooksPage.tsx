import { Stack } from '@mantine/core';
import { useWebhookEndpointsQuery } from '../../../generated/graphql';
import { WebhookDeliveriesCard } from './WebhookDeliveriesCard';
import { WebhookEndpointsCard } from './WebhookEndpointsCard';

/** Admins: webhook endpoints (secret shown once at creation) and the delivery log. */
export function WebhooksPage() {
  const endpoints = useWebhookEndpointsQuery({ notifyOnNetworkStatusChange: true });
  return (
    <Stack gap="lg">
      <WebhookEndpointsCard query={endpoints} />
      <WebhookDeliveriesCard endpoints={endpoints.data?.webhookEndpoints ?? []} />
    </Stack>
  );
}
