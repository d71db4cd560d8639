import { Anchor, Burger, Button, Divider, Drawer, Group, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect, useMemo } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { MeQuery } from '../../generated/graphql';
import { TenantSwitch } from '../../modules/auth/components/TenantSwitch';
import { UserMenu } from '../../modules/auth/components/UserMenu';
import { useSignOut } from '../../modules/auth/hooks/useSignOut';
import { NotificationBell } from '../../modules/notifications/components/NotificationBell';
import { UserAvatar } from '../../modules/presence/components/PersonAvatar';
import { PresenceSwitch } from '../../modules/presence/components/PresenceSwitch';
import { useI18n } from '../i18n';
import { viewerFromMe, ViewerProvider, type Viewer } from '../viewer';
import { LanguageSwitch } from './LanguageSwitch';
import { NavLinks } from './NavLinks';

/**
 * Brand and menu on the left; organization, presence, language, notifications and the user on
 * the right. On narrow screens the brand and the bell stay, and the rest moves into a menu.
 */
export function AppHeader({ me }: { me: MeQuery['me'] | undefined }) {
  const { t } = useI18n();
  const viewer = useMemo(() => (me ? viewerFromMe(me) : null), [me]);
  // One layout at a time (not both hidden by CSS), so every control exists once.
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
      <Group gap="lg" wrap="nowrap" className="app-header__brand">
        <Anchor component={Link} to="/" fw={800} size="lg" c="indigo.7" underline="never" style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
          {me?.tenant.logoUrl && <img src={me.tenant.logoUrl} alt={me.tenant.name} height={24} style={{ maxWidth: 96, objectFit: 'contain' }} data-testid="workspace-logo" />}
          {t('app.name')}
        </Anchor>
        {viewer && wide && <NavLinks viewer={viewer} />}
      </Group>
      {wide ? (
        <Group gap="sm" wrap="nowrap">
          {me && <TenantSwitch me={me} />}
          {viewer?.isStaff && (
            <ViewerProvider viewer={viewer}>
              <PresenceSwitch />
            </ViewerProvider>
          )}
          <LanguageSwitch />
          {me && <NotificationBell />}
          {me && <UserMenu me={me} />}
        </Group>
      ) : (
        <Group gap="xs" wrap="nowrap">
          {me && <NotificationBell />}
          {me && viewer ? <MobileMenu me={me} viewer={viewer} /> : <LanguageSwitch />}
        </Group>
      )}
    </Group>
  );
}

/** The header's controls on a phone: a burger opens them in a drawer. */
function MobileMenu({ me, viewer }: { me: MeQuery['me']; viewer: Viewer }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { signOut, signingOut } = useSignOut();
  // Following a link closes the menu.
  useEffect(() => close(), [pathname, close]);
  return (
    <>
      <Burger opened={opened} onClick={toggle} size="sm" aria-label={t('header.openMenu')} data-testid="mobile-menu-button" />
      <Drawer opened={opened} onClose={close} position="right" size="85%" title={t('nav.menu')} closeButtonProps={{ 'aria-label': t('header.closeMenu') }} data-testid="mobile-menu">
        <Stack gap="md">
          <Group gap="sm" wrap="nowrap">
            <UserAvatar person={me.user} size="md" />
            <div style={{ minWidth: 0 }}>
              <Text fw={600} truncate>
                {me.user.name}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {me.user.email} · {t(`role.${me.role}`)}
              </Text>
            </div>
          </Group>
          <NavLinks viewer={viewer} vertical />
          <Divider />
          <TenantSwitch me={me} fullWidth />
          {viewer.isStaff && (
            <ViewerProvider viewer={viewer}>
              <PresenceSwitch fullWidth />
            </ViewerProvider>
          )}
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('app.language')}
            </Text>
            <LanguageSwitch fullWidth />
          </div>
          <Divider />
          <Button variant="default" onClick={() => navigate('/account/password')}>
            {t('nav.changePassword')}
          </Button>
          <Button color="red" variant="light" loading={signingOut} onClick={() => void signOut()}>
            {t('header.signOut')}
          </Button>
        </Stack>
      </Drawer>
    </>
  );
}
