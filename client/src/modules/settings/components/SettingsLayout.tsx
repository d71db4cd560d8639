import { Stack, Tabs, Title } from '@mantine/core';
import { Link, Outlet, useLocation } from 'react-router';
import { useI18n, type MessageKey } from '../../../app/i18n';

export const SETTINGS_TABS: ReadonlyArray<{ path: string; label: MessageKey }> = [
  { path: '/settings/members', label: 'settings.members' },
  { path: '/settings/sla', label: 'settings.sla' },
  { path: '/settings/api-keys', label: 'settings.apiKeys' },
  { path: '/settings/webhooks', label: 'settings.webhooks' },
  { path: '/settings/chat', label: 'settings.chat' },
  { path: '/settings/statuses', label: 'settings.statuses' },
  { path: '/settings/workspace', label: 'settings.workspace' },
];

/** Admin settings: a tab per area, each at its own URL. */
export function SettingsLayout() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const active = SETTINGS_TABS.find((tab) => pathname.startsWith(tab.path))?.path ?? null;
  return (
    <Stack gap="md">
      <Title order={1} size="h3">
        {t('settings.title')}
      </Title>
      <Tabs value={active} keepMounted={false}>
        <Tabs.List aria-label={t('settings.title')}>
          {SETTINGS_TABS.map((tab) => (
            <Tabs.Tab key={tab.path} value={tab.path} renderRoot={({ 'aria-controls': _panel, ...props }) => <Link {...props} to={tab.path} />}>
              {t(tab.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </Stack>
  );
}
