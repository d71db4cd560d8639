import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { describeError } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { LoadState } from '../../../app/ui/LoadState';
import { useI18n } from '../../../app/i18n';
import {
  CreateTenantDocument,
  PlatformTenantsDocument,
  RenameTenantDocument,
  ResumeTenantDocument,
  SuspendTenantDocument,
  TenantStatus,
  type CreateTenantMutation,
  type CreateTenantMutationVariables,
  type PlatformTenantRowFragment,
  type PlatformTenantsQuery,
  type PlatformTenantsQueryVariables,
  type RenameTenantMutation,
  type RenameTenantMutationVariables,
  type ResumeTenantMutation,
  type ResumeTenantMutationVariables,
  type SuspendTenantMutation,
  type SuspendTenantMutationVariables,
} from '../../../generated/graphql';
import { TenantFormModal } from './TenantFormModal';

const STATUS_COLORS: Record<TenantStatus, string> = { ACTIVE: 'green', PENDING: 'yellow', SUSPENDED: 'red' };

/** Platform operators: every tenant, creating, renaming, suspending and resuming one. */
export function TenantsPage() {
  const { t, locale } = useI18n();
  const [search, setSearch] = useState('');
  const { data, loading, error, refetch } = useQuery<PlatformTenantsQuery, PlatformTenantsQueryVariables>(PlatformTenantsDocument, {
    variables: { search: search.trim() || null },
  });
  const [createTenant] = useMutation<CreateTenantMutation, CreateTenantMutationVariables>(CreateTenantDocument);
  const [renameTenant] = useMutation<RenameTenantMutation, RenameTenantMutationVariables>(RenameTenantDocument);
  const [suspendTenant, suspending] = useMutation<SuspendTenantMutation, SuspendTenantMutationVariables>(SuspendTenantDocument);
  const [resumeTenant] = useMutation<ResumeTenantMutation, ResumeTenantMutationVariables>(ResumeTenantDocument);
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<PlatformTenantRowFragment | null>(null);
  const [confirming, setConfirming] = useState<PlatformTenantRowFragment | null>(null);
  const tenants = data?.tenants ?? [];

  const act = async (run: () => Promise<unknown>, message: string) => {
    try {
      await run();
      notifications.show({ color: 'green', message });
    } catch (caught) {
      notifications.show({ color: 'red', message: describeError(caught, t) });
    }
  };

  return (
    <Paper withBorder radius="md" p="md" mt="md" data-testid="tenants-page">
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Title order={1} size="h3">
            {t('tenants.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={640}>
            {t('tenants.intro')}
          </Text>
        </div>
        <Button onClick={() => setCreating(true)}>{t('tenants.create')}</Button>
      </Group>
      <TextInput label={t('tenants.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} maw={320} mb="sm" />
      <LoadState loading={!data && loading} error={error} onRetry={() => void refetch()} empty={!!data && tenants.length === 0} emptyText={t('tenants.empty')}>
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" highlightOnHover data-testid="tenant-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tenants.name')}</Table.Th>
                <Table.Th>{t('tenants.slug')}</Table.Th>
                <Table.Th>{t('tenants.status')}</Table.Th>
                <Table.Th>{t('tenants.members')}</Table.Th>
                <Table.Th>{t('tenants.created')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tenants.map((tenant) => (
                <Table.Tr key={tenant.id} data-testid="tenant-row" data-slug={tenant.slug} data-status={tenant.status}>
                  <Table.Td>{tenant.name}</Table.Td>
                  <Table.Td>{tenant.slug}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[tenant.status]} variant="light">
                      {t(`tenants.status.${tenant.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{tenant.memberCount}</Table.Td>
                  <Table.Td>{formatDateTime(tenant.createdAt, locale)}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-sm" variant="default" aria-label={t('tenants.renameLabel', { name: tenant.name })} onClick={() => setRenaming(tenant)}>
                        {t('tenants.rename')}
                      </Button>
                      {tenant.status === TenantStatus.Suspended ? (
                        <Button
                          size="compact-sm"
                          variant="light"
                          color="green"
                          aria-label={t('tenants.resumeLabel', { name: tenant.name })}
                          onClick={() => void act(() => resumeTenant({ variables: { id: tenant.id } }), t('tenants.resumed.toast', { name: tenant.name }))}
                        >
                          {t('tenants.resume')}
                        </Button>
                      ) : (
                        <Button size="compact-sm" variant="light" color="red" aria-label={t('tenants.suspendLabel', { name: tenant.name })} onClick={() => setConfirming(tenant)}>
                          {t('tenants.suspend')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </LoadState>

      {creating && (
        <TenantFormModal
          opened
          onClose={() => setCreating(false)}
          onSubmit={async (values) => {
            const { data: created } = await createTenant({ variables: { input: values } });
            await refetch();
            notifications.show({ color: 'green', message: t('tenants.created.toast', { name: created?.createTenant.name ?? values.name }) });
          }}
        />
      )}
      {renaming && (
        <TenantFormModal
          opened
          renaming={renaming}
          onClose={() => setRenaming(null)}
          onSubmit={(values) => renameTenant({ variables: { id: renaming.id, name: values.name } })}
        />
      )}
      <Modal opened={!!confirming} onClose={() => setConfirming(null)} title={confirming ? t('tenants.suspendLabel', { name: confirming.name }) : ''}>
        <Stack data-testid="suspend-confirm">
          <Text size="sm">{confirming && t('tenants.suspendConfirm', { name: confirming.name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={suspending.loading}
              onClick={() => {
                const target = confirming!;
                setConfirming(null);
                void act(() => suspendTenant({ variables: { id: target.id } }), t('tenants.suspended.toast', { name: target.name }));
              }}
            >
              {t('tenants.suspend')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
