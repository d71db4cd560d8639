import { Anchor, Group } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { MeQuery } from '../../generated/graphql';
import { TenantSwitch } from '../../modules/auth/components/TenantSwitch';
import { UserMenu } from '../../modules/auth/components/UserMenu';
import { NotificationBell } from '../../modules/notifications/components/NotificationBell';
import { PresenceSwitch } from '../../modules/presence/components/PresenceSwitch';
import { useI18n } from '../i18n';
import { viewerFromMe, ViewerProvider } from '../viewer';
import { LanguageSwitch } from './LanguageSwitch';
import { NavLinks } from './NavLinks';

/** Brand and menu on the left; organization, presence, language, notifications and the user on the right. */
export function AppHeader({ me }: { me: MeQuery['me'] | undefined }) {
  const { t } = useI18n();
  const viewer = useMemo(() => (me ? viewerFromMe(me) : null), [me]);
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
      <Group gap="lg" wrap="nowrap">
        <Anchor component={Link} to="/" fw={800} size="lg" c="indigo.7" underline="never">
          {t('app.name')}
        </Anchor>
        {viewer && <NavLinks viewer={viewer} />}
      </Group>
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
    </Group>
  );
}
