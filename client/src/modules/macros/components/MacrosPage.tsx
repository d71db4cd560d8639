import { useTicketStatuses } from '../../statuses/hooks/useTicketStatuses';
import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Group, List, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { describeError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { ConfirmButton } from '../../../app/ui/ConfirmButton';
import { SettingsCard } from '../../../app/ui/SettingsCard';
import { CannedResponsesDocument, DeleteMacroDocument, MacrosDocument, type MacroFieldsFragment } from '../../../generated/graphql';
import { useAgents } from '../../presence/hooks/usePresence';
import { describeAction } from './macro-actions';
import { MacroModal } from './MacroModal';

/** Staff: the macros they may apply, and managing the ones they may change. */
export function MacrosPage() {
  const { t } = useI18n();
  const { data, loading, error, refetch } = useQuery(MacrosDocument, { notifyOnNetworkStatusChange: true });
  const canned = useQuery(CannedResponsesDocument).data?.cannedResponses ?? [];
  const { byUserId } = useAgents();
  const { statuses, nameOf } = useTicketStatuses();
  const names = {
    agent: (id: string) => byUserId.get(id)?.user.name,
    canned: (id: string) => canned.find((c) => c.id === id)?.title,
    status: (key: string) => {
      const found = statuses?.find((s) => s.key === key);
      return found ? nameOf(found) : undefined;
    },
  };
  const [editing, setEditing] = useState<MacroFieldsFragment | null>(null);
  const [opened, setOpened] = useState(false);
  const macros = data?.macros ?? [];
  const open = (macro: MacroFieldsFragment | null) => {
    setEditing(macro);
    setOpened(true);
  };

  return (
    <>
      <SettingsCard
        title={t('macros.title')}
        intro={t('macros.intro')}
        action={<Button onClick={() => open(null)}>{t('macros.create')}</Button>}
        loading={!data && loading}
        error={error}
        onRetry={() => void refetch()}
        empty={!!data && macros.length === 0}
        emptyText={t('macros.empty')}
      >
        {macros.length > 0 && (
          <Table.ScrollContainer minWidth={600}>
            <Table verticalSpacing="xs" data-testid="macro-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('macros.name')}</Table.Th>
                  <Table.Th>{t('macros.actions')}</Table.Th>
                  <Table.Th>{t('canned.visibility')}</Table.Th>
                  <Table.Th aria-label={t('common.actions')} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {macros.map((macro) => (
                  <Table.Tr key={macro.id} data-testid="macro-row">
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {macro.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <List size="sm">
                        {macro.actions.map((a, i) => (
                          <List.Item key={i}>{describeAction(a, t, names)}</List.Item>
                        ))}
                      </List>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={macro.shared ? 'indigo' : 'gray'} tt="none">
                        {macro.shared ? t('canned.badgeShared') : t('canned.badgePrivate')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {macro.viewerCanManage && (
                        <Group gap={4} wrap="nowrap" justify="flex-end">
                          <Button size="compact-sm" variant="subtle" aria-label={t('macros.editNamed', { name: macro.name })} onClick={() => open(macro)}>
                            {t('common.edit')}
                          </Button>
                          <DeleteMacroButton macro={macro} />
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
      <MacroModal opened={opened} editing={editing} onClose={() => setOpened(false)} />
    </>
  );
}

function DeleteMacroButton({ macro }: { macro: MacroFieldsFragment }) {
  const { t } = useI18n();
  const [remove, { loading }] = useMutation(DeleteMacroDocument);
  const onConfirm = async () => {
    try {
      await remove({
        variables: { id: macro.id },
        update: (cache) => {
          cache.evict({ id: cache.identify(macro) });
          cache.gc();
        },
      });
      notifications.show({ color: 'green', message: t('macros.deleted', { name: macro.name }), closeButtonProps: { 'aria-label': t('productivity.dismiss') } });
      return true;
    } catch (error) {
      notifications.show({ color: 'red', message: describeError(error, t), closeButtonProps: { 'aria-label': t('productivity.dismiss') } });
      return false;
    }
  };
  return (
    <ConfirmButton
      label={t('common.delete')}
      aria-label={t('macros.deleteNamed', { name: macro.name })}
      question={t('macros.deleteConfirm', { name: macro.name })}
      onConfirm={onConfirm}
      loading={loading}
    />
  );
}
