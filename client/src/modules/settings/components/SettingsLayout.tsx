import { Stack, Tabs, Title } from '@mantine/core';
import { Link, Outlet, useLocation } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { settingsTabsFor } from '../../../app/navigation';
import { useViewer } from '../../../app/viewer';

/** Settings: a tab per area the viewer's permissions allow, each at its own URL. */
export function SettingsLayout() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const tabs = settingsTabsFor(useViewer());
  const active = tabs.find((tab) => pathname.startsWith(tab.path))?.path ?? null;
  return (
    <Stack gap="md">
      <Title order={1} size="h3">
        {t('settings.title')}
      </Title>
      <Tabs value={active} keepMounted={false}>
        <Tabs.List aria-label={t('settings.title')}>
          {tabs.map((tab) => (
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
