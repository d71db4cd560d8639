import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Code, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { describeError } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { useNow } from '../../../app/hooks';
import { useI18n } from '../../../app/i18n';
import { ApiKeysDocument } from '../../../generated/graphql';
import { SecretDialog } from '../../settings/components/SecretDialog';
import { apiKeyStatus } from '../apikey-cache';
import { CreateApiKeyModal } from './CreateApiKeyModal';
import { RevokeApiKeyButton } from './RevokeApiKeyButton';

const STATUS_COLORS = { active: 'green', revoked: 'red', expired: 'gray' } as const;

/** Admins: the tenant's API keys, issuing one (its secret shown once) and revoking. */
export function ApiKeysPage() {
  const { t, locale } = useI18n();
  const now = useNow();
  const { data, loading, error, refetch } = useQuery(ApiKeysDocument, { notifyOnNetworkStatusChange: true });
  const [creating, setCreating] = useState(false);
  // The secret of the key just created: only in memory, and only until its dialog closes.
  const [secret, setSecret] = useState<string | null>(null);
  const keys = data?.apiKeys ?? [];

  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Title order={2} size="h4">
            {t('apiKeys.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={640}>
            {t('apiKeys.intro')}
          </Text>
        </div>
        <Button onClick={() => setCreating(true)}>{t('apiKeys.create')}</Button>
      </Group>
      {!data && loading && (
        <Stack aria-busy="true" aria-label={t('app.loading')}>
          <Skeleton height={36} />
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
      {data && keys.length === 0 && (
        <Text c="dimmed" ta="center" py="lg">
          {t('apiKeys.empty')}
        </Text>
      )}
      {keys.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="xs" highlightOnHover data-testid="api-key-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('apiKeys.name')}</Table.Th>
                <Table.Th>{t('apiKeys.prefix')}</Table.Th>
                <Table.Th>{t('apiKeys.scopes')}</Table.Th>
                <Table.Th>{t('apiKeys.created')}</Table.Th>
                <Table.Th>{t('apiKeys.lastUsed')}</Table.Th>
                <Table.Th>{t('apiKeys.expires')}</Table.Th>
                <Table.Th>{t('apiKeys.status')}</Table.Th>
                <Table.Th aria-label={t('common.actions')} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.map((key) => {
                const status = apiKeyStatus(key, now);
                return (
                  <Table.Tr key={key.id} data-testid="api-key-row" data-prefix={key.prefix} data-status={status}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {key.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Code>{key.prefix}…</Code>
                    </Table.Td>
                    <Table.Td maw={260}>
                      <Group gap={4}>
                        {key.scopes.map((scope) => (
                          <Badge key={scope} size="xs" variant="outline" color="gray" tt="none">
                            {scope}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(key.createdAt, locale)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={key.lastUsedAt ? undefined : 'dimmed'}>
                        {key.lastUsedAt ? formatDateTime(key.lastUsedAt, locale) : t('apiKeys.never')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={key.expiresAt ? undefined : 'dimmed'}>
                        {key.expiresAt ? formatDateTime(key.expiresAt, locale) : t('apiKeys.noExpiry')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLORS[status]} variant="light" tt="none" title={key.revokedAt ? formatDateTime(key.revokedAt, locale) : undefined}>
                        {t(`apiKeys.status.${status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{status !== 'revoked' && <RevokeApiKeyButton apiKey={key} />}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CreateApiKeyModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          setSecret(created);
        }}
      />
      <SecretDialog secret={secret} title={t('apiKeys.secretTitle')} description={t('apiKeys.secretHint')} onClose={() => setSecret(null)} />
    </Paper>
  );
}
