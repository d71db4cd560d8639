import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { describeError, errorReason, fieldErrorsOf } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { InviteMemberDocument, Role, type InviteMemberMutation, type InviteMemberMutationVariables } from '../../../generated/graphql';

export interface Invited {
  email: string;
  temporaryPassword: string | null;
}

const ROLES = [Role.Agent, Role.Customer, Role.Admin] as const;

interface InviteMemberModalProps {
  opened: boolean;
  onClose: () => void;
  onInvited: (invited: Invited) => void;
}

/** Adds a member by email, name and role. A new identity gets a temporary password, shown once by the caller. */
export function InviteMemberModal({ opened, onClose, onInvited }: InviteMemberModalProps) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={t('members.invite')} closeButtonProps={{ 'aria-label': t('common.cancel') }} data-testid="invite-modal">
      {opened && <InviteForm onClose={onClose} onInvited={onInvited} />}
    </Modal>
  );
}

function InviteForm({ onClose, onInvited }: Omit<InviteMemberModalProps, 'opened'>) {
  const { t } = useI18n();
  const [invite, { loading }] = useMutation<InviteMemberMutation, InviteMemberMutationVariables>(InviteMemberDocument);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>(Role.Agent);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    const missing: Record<string, string[]> = {};
    if (!email.trim()) missing.email = [t('common.required')];
    if (!name.trim()) missing.name = [t('common.required')];
    if (Object.keys(missing).length) return setFields(missing);
    setFields({});
    try {
      const { data } = await invite({ variables: { input: { email: email.trim(), name: name.trim(), role } } });
      if (!data) throw new Error('No data in the createUser response');
      const created = data.createUser;
      notifications.show({ color: 'green', message: t('members.added', { name: created.user.name }) });
      if (!created.temporaryPassword) notifications.show({ color: 'blue', message: t('members.existingIdentity', { email: created.user.email }) });
      onInvited({ email: created.user.email, temporaryPassword: created.temporaryPassword ?? null });
    } catch (caught) {
      const reason = errorReason(caught);
      if (reason === 'MEMBER_DEACTIVATED') return setError(t('members.alreadyDeactivated'));
      setFields(fieldErrorsOf(caught));
      setError(describeError(caught, t, { CONFLICT: 'members.alreadyMember', BAD_USER_INPUT: 'common.fixErrors' }));
    }
  };

  const fieldError = (field: string) => fields[field]?.join(', ');
  return (
    <form onSubmit={onSubmit} noValidate data-testid="invite-form">
      <Stack gap="sm">
        <TextInput
          label={t('members.email')}
          type="email"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={fieldError('email')}
          data-autofocus
        />
        <TextInput label={t('members.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} />
        <Select
          label={t('members.role')}
          value={role}
          allowDeselect={false}
          onChange={(value) => value && setRole(value as Role)}
          data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          error={fieldError('role')}
        />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={loading}>
            {t('members.inviteSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
