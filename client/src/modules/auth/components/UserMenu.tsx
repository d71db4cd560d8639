import { Badge, Group, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../app/i18n';
import type { MeQuery } from '../../../generated/graphql';
import { UserAvatar } from '../../presence/components/PersonAvatar';
import { useSignOut } from '../hooks/useSignOut';

/** The signed-in user with their role; the menu changes the password or signs out. */
export function UserMenu({ me }: { me: MeQuery['me'] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { signOut, signingOut } = useSignOut();

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton data-testid="user-menu">
          <Group gap={6} wrap="nowrap">
            <UserAvatar person={me.user} />
            <Text size="sm" fw={500} visibleFrom="lg">
              {me.user.name}
            </Text>
            <VisuallyHidden>{t('header.accountMenu')}</VisuallyHidden>
            <Badge size="xs" variant="light" color="dark" title={t('header.role')} className="badge-fixed">
              {t(`role.${me.role}`)}
            </Badge>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.user.email}</Menu.Label>
        <Menu.Item onClick={() => navigate('/account/password')}>{t('nav.changePassword')}</Menu.Item>
        <Menu.Item color="red" disabled={signingOut} onClick={() => void signOut()}>
          {signingOut ? t('header.signingOut') : t('header.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
