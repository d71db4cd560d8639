import { useMutation } from '@apollo/client/react';
import { Avatar, Badge, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { sessionStore } from '../../../app/session';
import { LogoutDocument, type MeQuery } from '../../../generated/graphql';
import { initials } from '../../../app/format';
import { useSessionActions } from '../hooks/useSessionActions';

/** The signed-in user with their role; the menu changes the password or signs out. */
export function UserMenu({ me }: { me: MeQuery['me'] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { endSession } = useSessionActions();
  const [logout, { loading }] = useMutation(LogoutDocument);

  const onSignOut = async () => {
    try {
      // Revokes this session's refresh token on the server; sign out locally whatever happens.
      await logout({ variables: { refreshToken: sessionStore.get()?.refreshToken ?? null } });
    } catch {
      // already signed out, or the server is unreachable
    }
    await endSession();
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('nav.menu')} data-testid="user-menu">
          <Group gap={6} wrap="nowrap">
            <Avatar size="sm" radius="xl" color="indigo">
              {initials(me.user.name || me.user.email)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="md">
              {me.user.name}
            </Text>
            <Badge size="xs" variant="light" title={t('header.role')}>
              {t(`role.${me.role}`)}
            </Badge>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.user.email}</Menu.Label>
        <Menu.Item onClick={() => navigate('/account/password')}>{t('nav.changePassword')}</Menu.Item>
        <Menu.Item color="red" disabled={loading} onClick={() => void onSignOut()}>
          {loading ? t('header.signingOut') : t('header.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
