import { useMutation, type useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { describeError } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { EnableWebhookEndpointDocument, type WebhookEndpointFieldsFragment, type WebhookEndpointsQuery, type WebhookEndpointsQueryVariables } from '../../../generated/graphql';
import { SecretDialog } from '../../settings/components/SecretDialog';
import { shortUrl } from '../webhook-cache';
import { CreateWebhookModal } from './CreateWebhookModal';
import { DeleteWebhookButton } from './DeleteWebhookButton';

/** The endpoints: where events go, which ones, and whether delivery works. */
export function WebhookEndpointsCard({ query }: { query: useQuery.Result<WebhookEndpointsQuery, WebhookEndpointsQueryVariables, 'empty' | 'complete' | 'streaming'> }) {
  const { t, locale } = useI18n();
  const { data, loading, error, refetch } = query;
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const endpoints = data?.webhookEndpoints ?? [];

  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Title order={2} size="h4">
            {t('webhooks.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={640}>
            {t('webhooks.intro')}
          </Text>
        </div>
        <Button onClick={() => setCreating(true)}>{t('webhooks.create')}</Button>
      </Group>
      {!data && loading && (
        <Stack aria-busy="true" aria-label={t('app.loading')}>
          <Skeleton height={36} />
        </Stack>
      )}
      {error && !loading && (
        <Alert color="red" role="alert">
          {describeError(error, t)}{' '}
          <Button size="compact-xs" variant="light" onClick={() => void refetch()}>
            {t('error.retry')}
          </Button>
        </Alert>
      )}
      {data && endpoints.length === 0 && (
        <Text c="dimmed" ta="center" py="lg">
          {t('webhooks.empty')}
        </Text>
      )}
      {endpoints.length > 0 && (
        <Table.ScrollContainer minWidth={820}>
          <Table verticalSpacing="xs" data-testid="webhook-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('webhooks.url')}</Table.Th>
                <Table.Th>{t('webhooks.events')}</Table.Th>
                <Table.Th>{t('webhooks.state')}</Table.Th>
                <Table.Th>{t('webhooks.created')}</Table.Th>
                <Table.Th aria-label={t('common.actions')} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {endpoints.map((endpoint) => (
                <Table.Tr key={endpoint.id} data-testid="webhook-row">
                  <Table.Td>
                    <Text size="sm" ff="monospace" title={endpoint.url}>
                      {shortUrl(endpoint.url)}
                    </Text>
                  </Table.Td>
                  <Table.Td maw={280}>
                    {endpoint.eventTypes.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {t('webhooks.allEvents')}
                      </Text>
                    ) : (
                      <Group gap={4}>
                        {endpoint.eventTypes.map((type) => (
                          <Badge key={type} size="xs" variant="outline" color="gray" tt="none">
                            {type}
                          </Badge>
                        ))}
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <EndpointState endpoint={endpoint} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(endpoint.createdAt, locale)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {!endpoint.enabled && <EnableButton endpoint={endpoint} />}
                      <DeleteWebhookButton endpoint={endpoint} />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CreateWebhookModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          setSecret(created);
        }}
      />
      <SecretDialog secret={secret} title={t('webhooks.secretTitle')} description={t('webhooks.secretHint')} onClose={() => setSecret(null)} />
    </Paper>
  );
}

function EndpointState({ endpoint }: { endpoint: WebhookEndpointFieldsFragment }) {
  const { t, locale } = useI18n();
  if (!endpoint.enabled) {
    return (
      <Stack gap={2}>
        <Badge color="red" variant="light" tt="none">
          {t('webhooks.disabled')}
        </Badge>
        {endpoint.disabledReason && (
          <Text size="xs" c="dimmed">
            {endpoint.disabledReason}
          </Text>
        )}
      </Stack>
    );
  }
  if (endpoint.failingSince) {
    return (
      <Badge color="orange" variant="light" tt="none" title={formatDateTime(endpoint.failingSince, locale)}>
        {t('webhooks.failingSince', { time: formatDateTime(endpoint.failingSince, locale) })}
      </Badge>
    );
  }
  return (
    <Badge color="green" variant="light" tt="none">
      {t('webhooks.enabled')}
    </Badge>
  );
}

function EnableButton({ endpoint }: { endpoint: WebhookEndpointFieldsFragment }) {
  const { t } = useI18n();
  const [enable, { loading }] = useMutation(EnableWebhookEndpointDocument);
  const onClick = async () => {
    try {
      await enable({ variables: { id: endpoint.id } });
      notifications.show({ color: 'green', message: t('webhooks.enabledAgain') });
    } catch (error) {
      notifications.show({ color: 'red', message: describeError(error, t) });
    }
  };
  return (
    <Button size="compact-sm" variant="light" loading={loading} onClick={() => void onClick()}>
      {t('webhooks.enable')}
    </Button>
  );
}
