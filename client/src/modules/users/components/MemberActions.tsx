import { useMutation } from '@apollo/client/react';
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
  type ChangeMemberRoleMutation,
  type ChangeMemberRoleMutationVariables,
  type DeactivateMemberMutation,
  type DeactivateMemberMutationVariables,
  type MemberRowFragment,
  type ReactivateMemberMutation,
  type ReactivateMemberMutationVariables,
} from '../../../generated/graphql';

const ROLES = [Role.Admin, Role.Agent, Role.Customer] as const;

/** The member's role, changeable by an admin (not their own). The answer updates the cached row. */
export function MemberRoleSelect({ member }: { member: MemberRowFragment }) {
  const { t } = useI18n();
  const viewer = useViewer();
  const [changeRole, { loading }] = useMutation<ChangeMemberRoleMutation, ChangeMemberRoleMutationVariables>(ChangeMemberRoleDocument);
  const self = member.id === viewer.userId;
  return (
    <Select
      aria-label={t('members.roleOf', { name: member.name })}
      size="xs"
      value={member.role}
      allowDeselect={false}
      disabled={self || loading}
      data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
      data-testid="member-role"
      onChange={async (value) => {
        if (!value || value === member.role) return;
        try {
          await changeRole({ variables: { userId: member.id, role: value as Role } });
          notifications.show({ color: 'green', message: t('members.roleChanged', { name: member.name, role: t(`role.${value as Role}`) }) });
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
