import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { describeError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { ConfirmButton } from '../../../app/ui/ConfirmButton';
import { SettingsCard } from '../../../app/ui/SettingsCard';
import { CannedResponsesDocument, DeleteCannedResponseDocument, type CannedResponseFieldsFragment } from '../../../generated/graphql';
import { CannedResponseModal } from './CannedResponseModal';

/** Staff: the canned responses they may use, and managing the ones they may change. */
export function CannedResponsesPage() {
  const { t } = useI18n();
  const { data, loading, error, refetch } = useQuery(CannedResponsesDocument, { notifyOnNetworkStatusChange: true });
  const [editing, setEditing] = useState<CannedResponseFieldsFragment | null>(null);
  const [opened, setOpened] = useState(false);
  const items = data?.cannedResponses ?? [];
  const open = (item: CannedResponseFieldsFragment | null) => {
    setEditing(item);
    setOpened(true);
  };

  return (
    <>
      <SettingsCard
        title={t('canned.title')}
        intro={t('canned.intro')}
        action={<Button onClick={() => open(null)}>{t('canned.create')}</Button>}
        loading={!data && loading}
        error={error}
        onRetry={() => void refetch()}
        empty={!!data && items.length === 0}
        emptyText={t('canned.empty')}
      >
        {items.length > 0 && (
          <Table.ScrollContainer minWidth={600}>
            <Table verticalSpacing="xs" data-testid="canned-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('canned.name')}</Table.Th>
                  <Table.Th>{t('canned.body')}</Table.Th>
                  <Table.Th>{t('canned.visibility')}</Table.Th>
                  <Table.Th aria-label={t('common.actions')} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.id} data-testid="canned-row">
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {item.title}
                      </Text>
                    </Table.Td>
                    <Table.Td maw={420}>
                      <Text size="sm" lineClamp={2} style={{ whiteSpace: 'pre-wrap' }}>
                        {item.body}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={item.shared ? 'indigo' : 'gray'} tt="none">
                        {item.shared ? t('canned.badgeShared') : t('canned.badgePrivate')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {item.viewerCanManage && (
                        <Group gap={4} wrap="nowrap" justify="flex-end">
                          <Button size="compact-sm" variant="subtle" aria-label={t('canned.editNamed', { name: item.title })} onClick={() => open(item)}>
                            {t('common.edit')}
                          </Button>
                          <DeleteCannedButton item={item} />
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </SettingsCard>
      <CannedResponseModal opened={opened} editing={editing} onClose={() => setOpened(false)} />
    </>
  );
}

function DeleteCannedButton({ item }: { item: CannedResponseFieldsFragment }) {
  const { t } = useI18n();
  const [remove, { loading }] = useMutation(DeleteCannedResponseDocument);
  const onConfirm = async () => {
    try {
      await remove({
        variables: { id: item.id },
        update: (cache) => {
          cache.evict({ id: cache.identify(item) });
          cache.gc();
        },
      });
      notifications.show({ color: 'green', message: t('canned.deleted', { name: item.title }), closeButtonProps: { 'aria-label': t('productivity.dismiss') } });
      return true;
    } catch (error) {
      notifications.show({ color: 'red', message: describeError(error, t), closeButtonProps: { 'aria-label': t('productivity.dismiss') } });
      return false;
    }
  };
  return (
    <ConfirmButton
      label={t('common.delete')}
      aria-label={t('canned.deleteNamed', { name: item.title })}
      question={t('canned.deleteConfirm', { name: item.title })}
      onConfirm={onConfirm}
      loading={loading}
    />
  );
}
