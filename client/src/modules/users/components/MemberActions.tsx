import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Popover, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { describeError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useViewer } from '../../../app/viewer';
import {
  ChangeMemberRoleDocument,
  DeactivateMemberDocument,
  ReactivateMemberDocument,
  Role,
  RolesDocument,
  type ChangeMemberRoleMutation,
  type ChangeMemberRoleMutationVariables,
  type DeactivateMemberMutation,
  type DeactivateMemberMutationVariables,
  type MemberRowFragment,
  type ReactivateMemberMutation,
  type ReactivateMemberMutationVariables,
} from '../../../generated/graphql';

const ROLES = [Role.Admin, Role.Agent, Role.Customer] as const;
const CUSTOM = 'custom:';

/** The member's role (a built-in one or one of the workspace's own), changeable by an admin (not their own). The answer updates the cached row. */
export function MemberRoleSelect({ member }: { member: MemberRowFragment }) {
  const { t } = useI18n();
  const viewer = useViewer();
  const [changeRole, { loading }] = useMutation<ChangeMemberRoleMutation, ChangeMemberRoleMutationVariables>(ChangeMemberRoleDocument);
  // The workspace's own roles are listed for those who may see roles; others see the member's current one.
  const { data } = useQuery(RolesDocument, { skip: !viewer.can('roles.manage') });
  const self = member.id === viewer.userId;
  const custom = (data?.roles ?? []).filter((r) => !r.builtIn).map((r) => ({ value: `${CUSTOM}${r.id}`, label: r.name }));
  const current = member.customRoleId ? `${CUSTOM}${member.customRoleId}` : member.role;
  if (member.customRoleId && !custom.some((c) => c.value === current)) custom.push({ value: current, label: member.roleName });
  const labelOf = (value: string) => custom.find((c) => c.value === value)?.label ?? t(`role.${value as Role}`);
  return (
    <Select
      aria-label={t('members.roleOf', { name: member.name })}
      size="xs"
      value={current}
      allowDeselect={false}
      disabled={self || loading}
      data={[
        { group: t('members.role'), items: ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })) },
        ...(custom.length ? [{ group: t('members.customRole'), items: custom }] : []),
      ]}
      data-testid="member-role"
      data-role-name={member.roleName}
      onChange={async (value) => {
        if (!value || value === current) return;
        const customRoleId = value.startsWith(CUSTOM) ? value.slice(CUSTOM.length) : null;
        try {
          await changeRole({ variables: { userId: member.id, role: customRoleId ? null : (value as Role), customRoleId } });
          notifications.show({ color: 'green', message: t('members.roleChanged', { name: member.name, role: labelOf(value) }) });
        } catch (error) {
          notifications.show({ color: 'red', message: describeError(error, t) });
        }
      }}
    />
  );
}

/** Deactivate (confirmed first: it signs the member out) or reactivate. Never on yourself. */
export function MemberActions({ member }: { member: MemberRowFragment }) {
  const { t } = useI18n();
  const viewer = useViewer();
  const [confirming, setConfirming] = useState(false);
  const [deactivate, deactivating] = useMutation<DeactivateMemberMutation, DeactivateMemberMutationVariables>(DeactivateMemberDocument);
  const [reactivate, reactivating] = useMutation<ReactivateMemberMutation, ReactivateMemberMutationVariables>(ReactivateMemberDocument);
  if (member.id === viewer.userId) {
    return (
      <Text size="xs" c="dimmed">
        ({t('members.you')})
      </Text>
    );
  }

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      notifications.show({ color: 'green', message: done });
    } catch (error) {
      notifications.show({ color: 'red', message: describeError(error, t) });
    }
  };

  if (!member.active) {
    return (
      <Button
        size="compact-sm"
        variant="outline"
        loading={reactivating.loading}
        aria-label={`${t('members.reactivate')}: ${member.name}`}
        data-testid="reactivate-member"
        onClick={() => void run(() => reactivate({ variables: { userId: member.id } }), t('members.reactivatedToast', { name: member.name }))}
      >
        {t('members.reactivate')}
      </Button>
    );
  }

  return (
    <Popover opened={confirming} onChange={setConfirming} width={300} position="bottom-end" withArrow trapFocus returnFocus>
      <Popover.Target>
        <Button
          size="compact-sm"
          variant="outline"
          color="red.9"
          aria-label={`${t('members.deactivate')}: ${member.name}`}
          data-testid="deactivate-member"
          onClick={() => setConfirming((open) => !open)}
        >
          {t('members.deactivate')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text size="sm">{t('members.deactivateConfirm', { name: member.name })}</Text>
          <Group justify="flex-end" gap="xs">
            <Button size="compact-sm" variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              size="compact-sm"
              color="red.9"
              loading={deactivating.loading}
              data-testid="confirm-deactivate"
              onClick={() =>
                void run(
                  async () => {
                    await deactivate({ variables: { userId: member.id } });
                    setConfirming(false);
                  },
                  t('members.deactivatedToast', { name: member.name }),
                )
              }
            >
              {t('members.deactivate')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
