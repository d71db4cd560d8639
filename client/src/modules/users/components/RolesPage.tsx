import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Checkbox, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Fragment, useState } from 'react';
import { describeError, errorCode } from '../../../app/errors';
import { placeErrors, type FieldErrors } from '../../../app/form-errors';
import { useI18n, type MessageKey } from '../../../app/i18n';
import { ConfirmButton } from '../../../app/ui/ConfirmButton';
import { SettingsCard } from '../../../app/ui/SettingsCard';
import {
  CreateRoleDocument,
  DeleteRoleDocument,
  Permission,
  RoleBase,
  RolesMatrixDocument,
  UpdateRoleDocument,
  type RoleRowFragment,
  type RolesMatrixQuery,
} from '../../../generated/graphql';
import { RenameRoleButton } from './RenameRoleButton';

type PermissionRow = RolesMatrixQuery['permissions'][number];

const GROUPS: ReadonlyArray<{ label: MessageKey; keys: readonly Permission[] }> = [
  {
    label: 'roles.group.tickets',
    keys: [
      Permission.TicketsRead,
      Permission.TicketsCreate,
      Permission.TicketsUpdate,
      Permission.TicketsAssign,
      Permission.TicketsDelete,
      Permission.ConversationsReply,
      Permission.ChatAccept,
      Permission.AccountUse,
    ],
  },
  { label: 'roles.group.team', keys: [Permission.StatsView, Permission.ReportsView, Permission.ReportsExport] },
  { label: 'roles.group.tools', keys: [Permission.CannedManage, Permission.MacrosManage, Permission.ViewsManage] },
  {
    label: 'roles.group.admin',
    keys: [Permission.UsersManage, Permission.RolesManage, Permission.SlaManage, Permission.ApikeysManage, Permission.WebhooksManage, Permission.ChatManage, Permission.SettingsManage],
  },
];
const refetchQueries = [{ query: RolesMatrixDocument }];

/** Settings → Roles: permissions × roles. Built-in roles are shown read-only; the workspace's own roles are edited in place. */
export function RolesPage() {
  const { t, locale } = useI18n();
  const { data, loading, error, refetch } = useQuery(RolesMatrixDocument);
  const [update, updating] = useMutation(UpdateRoleDocument);
  const [remove] = useMutation(DeleteRoleDocument, { refetchQueries });
  const describe = (p: PermissionRow) => (locale === 'id' ? p.descriptionIndonesian : p.description);
  const byKey = new Map((data?.permissions ?? []).map((p) => [p.key, p]));
  const roles = data?.roles ?? [];

  const toggle = async (role: RoleRowFragment, key: Permission, on: boolean) => {
    const next = on ? [...role.permissions, key] : role.permissions.filter((p) => p !== key);
    try {
      // The cell flips at once; a refused change rolls back with the optimistic layer.
      await update({ variables: { id: role.id, input: { permissions: next } }, optimisticResponse: { updateRole: { ...role, permissions: next } } });
      notifications.show({ color: 'green', message: t('roles.saved', { name: role.name }) });
    } catch (caught) {
      notifications.show({ color: 'red', message: describeError(caught, t) });
    }
  };
  const drop = async (role: RoleRowFragment) => {
    try {
      await remove({ variables: { id: role.id } });
      notifications.show({ color: 'green', message: t('roles.deleted', { name: role.name }) });
      return true;
    } catch (caught) {
      notifications.show({ color: 'red', message: errorCode(caught) === 'CONFLICT' ? t('roles.inUse') : describeError(caught, t) });
      return false;
    }
  };

  return (
    <SettingsCard title={t('roles.title')} intro={t('roles.intro')} loading={!data && loading} error={error} onRetry={() => void refetch()} data-testid="roles-settings">
      {data && (
        <Stack gap="md">
          <Table.ScrollContainer minWidth={240 + roles.length * 120}>
            <Table verticalSpacing={4} data-testid="roles-matrix" withColumnBorders>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('roles.permission')}</Table.Th>
                  {roles.map((role) => (
                    <Table.Th key={role.id} scope="col" data-testid="role-column" data-role={role.name} style={{ verticalAlign: 'top' }}>
                      <Stack gap={2}>
                        <Text size="sm" fw={700}>
                          {role.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t(`roles.base.${role.base}`)} · {t('roles.members', { count: role.memberCount })}
                        </Text>
                        {role.builtIn ? (
                          <Badge size="xs" variant="outline" color="gray.7" tt="none">
                            {t('roles.builtIn')}
                          </Badge>
                        ) : (
                          <Group gap={4}>
                            <RenameRoleButton role={role} />
                            <ConfirmButton
                              label={t('roles.delete')}
                              aria-label={t('roles.deleteOf', { name: role.name })}
                              question={t('roles.deleteConfirm', { name: role.name })}
                              color="red"
                              size="compact-xs"
                              variant="subtle"
                              onConfirm={() => drop(role)}
                            />
                          </Group>
                        )}
                      </Stack>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {GROUPS.map((group) => (
                  <Fragment key={group.label}>
                    <Table.Tr>
                      <Table.Th scope="colgroup" colSpan={roles.length + 1} bg="gray.0">
                        {t(group.label)}
                      </Table.Th>
                    </Table.Tr>
                    {group.keys.map((key) => byKey.get(key)).filter((p): p is PermissionRow => !!p).map((p) => (
                      <Table.Tr key={p.key}>
                        <Table.Th scope="row" fw={400}>
                          <Text size="sm">{describe(p)}</Text>
                          {p.side === 'staff' && (
                            <Text size="xs" c="dimmed">
                              {t('roles.staffOnly')}
                            </Text>
                          )}
                        </Table.Th>
                        {roles.map((role) => {
                          const held = role.permissions.includes(p.key);
                          const fixed = role.builtIn || p.always || (role.base === RoleBase.Customer && p.side === 'staff');
                          return (
                            <Table.Td key={role.id} ta="center">
                              <Checkbox
                                styles={{ body: { justifyContent: 'center' } }}
                                aria-label={t('roles.cell', { role: role.name, permission: describe(p) })}
                                checked={held}
                                disabled={fixed || updating.loading}
                                onChange={(e) => void toggle(role, p.key, e.currentTarget.checked)}
                                data-testid="role-cell"
                                data-permission={p.key}
                              />
                            </Table.Td>
                          );
                        })}
                      </Table.Tr>
                    ))}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <NewRoleForm />
        </Stack>
      )}
    </SettingsCard>
  );
}

const FIELDS = ['name', 'base'] as const;

function NewRoleForm() {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [base, setBase] = useState<RoleBase>(RoleBase.Staff);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [create, creating] = useMutation(CreateRoleDocument, { refetchQueries });
  const submit = async () => {
    setErrors({});
    try {
      const result = await create({ variables: { input: { name: name.trim(), base, permissions: [Permission.TicketsRead] } } });
      notifications.show({ color: 'green', message: t('roles.created', { name: result.data?.createRole.name ?? name }) });
      setName('');
    } catch (caught) {
      const placed = placeErrors(caught, FIELDS, t);
      setErrors(placed.fields);
      if (placed.message) notifications.show({ color: 'red', message: placed.message });
    }
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      aria-label={t('roles.new')}
    >
      <Group align="flex-end" gap="sm">
        <TextInput label={t('roles.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name?.join(' ')} maxLength={60} required w={{ base: '100%', sm: 240 }} data-testid="new-role-name" />
        <Select
          label={t('roles.base')}
          value={base}
          allowDeselect={false}
          onChange={(v) => v && setBase(v as RoleBase)}
          data={[RoleBase.Staff, RoleBase.Customer].map((b) => ({ value: b, label: t(`roles.base.${b}`) }))}
          w={{ base: '100%', sm: 160 }}
          data-testid="new-role-base"
        />
        <Button type="submit" loading={creating.loading} data-testid="create-role">
          {t('roles.create')}
        </Button>
      </Group>
    </form>
  );
}
