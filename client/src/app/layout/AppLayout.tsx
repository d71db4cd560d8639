import { useQuery } from '@apollo/client/react';
import { Alert, AppShell, Button, Center, Loader, Stack } from '@mantine/core';
import { useMemo } from 'react';
import { Outlet } from 'react-router';
import { MeDocument } from '../../generated/graphql';
import { ChangePasswordPage } from '../../modules/auth/components/ChangePasswordPage';
import { useNotificationsSync } from '../../modules/notifications/hooks/useNotificationsSync';
import { usePresenceSync } from '../../modules/presence/hooks/usePresenceSync';
import { useTicketEventsSync } from '../../modules/tickets/hooks/useTicketEventsSync';
import { describeError } from '../errors';
import { useI18n } from '../i18n';
import { viewerFromMe, ViewerProvider, type Viewer } from '../viewer';
import { AppHeader } from './AppHeader';
import { ReconnectBanner } from './ReconnectBanner';

/** The signed-in frame: header, reconnect banner, live updates, and the page. */
export function AppLayout() {
  const { t } = useI18n();
  const { data, error, loading, refetch } = useQuery(MeDocument, { notifyOnNetworkStatusChange: true });
  const me = data?.me;
  // One object per `me`, so the viewer context changes only when the user does.
  const viewer = useMemo(() => (me ? viewerFromMe(me) : null), [me]);

  let content;
  if (me && viewer) {
    content = me.mustChangePassword ? (
      <ChangePasswordPage required />
    ) : (
      <ViewerProvider viewer={viewer}>
        <LiveUpdates viewer={viewer} />
        <Outlet />
      </ViewerProvider>
    );
  } else if (error) {
    content = (
      <Stack align="center" mt="xl">
        <Alert color="red" role="alert">
          {describeError(error, t)}
        </Alert>
        <Button onClick={() => void refetch()} loading={loading}>
          {t('error.retry')}
        </Button>
      </Stack>
    );
  } else {
    content = (
      <Center mt="xl" aria-busy="true">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }

  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <AppHeader me={me && !me.mustChangePassword ? me : undefined} />
      </AppShell.Header>
      <AppShell.Main>
        <ReconnectBanner />
        {content}
      </AppShell.Main>
    </AppShell>
  );
}

/** Subscriptions that keep every screen current while signed in. */
function LiveUpdates({ viewer }: { viewer: Viewer }) {
  useTicketEventsSync();
  useNotificationsSync();
  usePresenceSync(viewer.isStaff);
  return null;
}
