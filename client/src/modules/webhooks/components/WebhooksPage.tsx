import { useQuery } from '@apollo/client/react';
import { Stack } from '@mantine/core';
import { WebhookEndpointsDocument } from '../../../generated/graphql';
import { WebhookDeliveriesCard } from './WebhookDeliveriesCard';
import { WebhookEndpointsCard } from './WebhookEndpointsCard';

/** Admins: webhook endpoints (secret shown once at creation) and the delivery log. */
export function WebhooksPage() {
  const endpoints = useQuery(WebhookEndpointsDocument, { notifyOnNetworkStatusChange: true });
  return (
    <Stack gap="lg">
      <WebhookEndpointsCard query={endpoints} />
      <WebhookDeliveriesCard endpoints={endpoints.data?.webhookEndpoints ?? []} />
    </Stack>
  );
}
