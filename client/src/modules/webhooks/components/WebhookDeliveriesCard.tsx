import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Select, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { describeError } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { SettingsCard } from '../../../app/ui/SettingsCard';
import {
  RedeliverWebhookDocument,
  WebhookDeliveriesDocument,
  WebhookDeliveryStatus,
  type WebhookDeliveryFieldsFragment,
  type WebhookEndpointFieldsFragment,
} from '../../../generated/graphql';
import { shortUrl } from '../webhook-cache';

const PAGE_SIZE = 25;
const STATUS_COLORS: Record<WebhookDeliveryStatus, string> = { PENDING: 'blue', SUCCEEDED: 'green', FAILED: 'red' };

/** The delivery log, newest first: filter by status or endpoint, and send one again. */
export function WebhookDeliveriesCard({ endpoints }: { endpoints: readonly WebhookEndpointFieldsFragment[] }) {
  const { t, locale } = useI18n();
  const [status, setStatus] = useState<WebhookDeliveryStatus | null>(null);
  const [endpointId, setEndpointId] = useState<string | null>(null);
  const { data, loading, error, refetch, fetchMore } = useQuery(WebhookDeliveriesDocument, {
    variables: { first: PAGE_SIZE, status, endpointId },
    notifyOnNetworkStatusChange: true,
  });
  const connection = data?.webhookDeliveries;
  const urlOf = (id: string) => endpoints.find((e) => e.id === id)?.url ?? id;

  return (
    <SettingsCard
      title={t('webhooks.deliveries')}
      intro={t('webhooks.deliveriesIntro')}
      action={
        <Group gap="sm" align="flex-end">
          <Select
            label={t('webhooks.filterStatus')}
            placeholder={t('filters.any')}
            clearable
            w={160}
            value={status}
            onChange={(value) => setStatus(value as WebhookDeliveryStatus | null)}
            data={Object.values(WebhookDeliveryStatus).map((s) => ({ value: s, label: t(`webhooks.status.${s}`) }))}
          />
          <Select
            label={t('webhooks.filterEndpoint')}
            placeholder={t('filters.any')}
            clearable
            w={260}
            value={endpointId}
            onChange={setEndpointId}
            data={endpoints.map((e) => ({ value: e.id, label: shortUrl(e.url, 36) }))}
          />
          <Button variant="default" loading={loading && !!connection} onClick={() => void refetch()}>
            {t('webhooks.refresh')}
          </Button>
        </Group>
      }
      loading={!connection && loading}
      error={error}
      onRetry={() => void refetch()}
      empty={!!connection && connection.edges.length === 0}
      emptyText={t('webhooks.noDeliveries')}
    >
      {connection && connection.edges.length > 0 && (
        <Table.ScrollContainer minWidth={980}>
          <Table verticalSpacing="xs" data-testid="delivery-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('webhooks.event')}</Table.Th>
                <Table.Th>{t('webhooks.endpoint')}</Table.Th>
                <Table.Th>{t('webhooks.state')}</Table.Th>
                <Table.Th>{t('webhooks.attempts')}</Table.Th>
                <Table.Th>{t('webhooks.response')}</Table.Th>
                <Table.Th>{t('webhooks.lastAttempt')}</Table.Th>
                <Table.Th>{t('webhooks.nextAttempt')}</Table.Th>
                <Table.Th aria-label={t('common.actions')} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {connection.edges.map(({ node }) => (
                <Table.Tr key={node.id} data-testid="delivery-row" data-status={node.status} data-attempts={node.attempts} data-event-type={node.eventType}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {node.eventType}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('webhooks.seq', { seq: node.eventSeq })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" title={urlOf(node.endpointId)}>
                      {shortUrl(urlOf(node.endpointId), 36)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[node.status]} variant="light" tt="none">
                      {t(`webhooks.status.${node.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{node.attempts}</Table.Td>
                  <Table.Td maw={240}>
                    <Text size="sm">
                      {node.responseStatus ?? '—'}
                      {node.latencyMs !== null && ` · ${node.latencyMs} ms`}
                    </Text>
                    {node.error && (
                      <Text size="xs" c="red.9" lineClamp={2} title={node.error}>
                        {node.error}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(node.lastAttemptAt, locale)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(node.nextAttemptAt, locale)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <RedeliverButton delivery={node} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {connection?.pageInfo.hasNextPage && (
        <Button variant="subtle" fullWidth mt="xs" loading={loading} onClick={() => void fetchMore({ variables: { after: connection.pageInfo.endCursor } })}>
          {t('webhooks.loadMore')}
        </Button>
      )}
    </SettingsCard>
  );
}

function RedeliverButton({ delivery }: { delivery: WebhookDeliveryFieldsFragment }) {
  const { t } = useI18n();
  const [redeliver, { loading }] = useMutation(RedeliverWebhookDocument);
  const onClick = async () => {
    try {
      // The answer is the same delivery, pending again: its row updates in place.
      await redeliver({ variables: { deliveryId: delivery.id } });
      notifications.show({ color: 'green', message: t('webhooks.redelivering', { seq: delivery.eventSeq }) });
    } catch (error) {
      notifications.show({ color: 'red', message: describeError(error, t) });
    }
  };
  return (
    <Button size="compact-sm" variant="subtle" loading={loading} onClick={() => void onClick()}>
      {t('webhooks.redeliver')}
    </Button>
  );
}
