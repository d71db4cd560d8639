import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { ChangePasswordPage } from '../modules/auth/components/ChangePasswordPage';
import { LoginRoute } from '../modules/auth/components/LoginRoute';
import { ForgotPasswordPage } from '../modules/auth/components/ForgotPasswordPage';
import { ResetPasswordPage } from '../modules/auth/components/ResetPasswordPage';
import { SignUpPage } from '../modules/auth/components/SignUpPage';
import { VerifyEmailPage } from '../modules/auth/components/VerifyEmailPage';
import { TenantsPage } from '../modules/operator/components/TenantsPage';
import { ApiKeysPage } from '../modules/apikeys/components/ApiKeysPage';
import { CannedResponsesPage } from '../modules/canned/components/CannedResponsesPage';
import { MacrosPage } from '../modules/macros/components/MacrosPage';
import { SettingsLayout } from '../modules/settings/components/SettingsLayout';
import { WorkspaceSettingsPage } from '../modules/settings/components/WorkspaceSettingsPage';
import { StatusesPage } from '../modules/statuses/components/StatusesPage';
import { SlaSettingsPage } from '../modules/sla/components/SlaSettingsPage';
import { NewTicketPage } from '../modules/tickets/components/NewTicketPage';
import { TicketByIdPage } from '../modules/tickets/components/TicketByIdPage';
import { TicketDetailPage } from '../modules/tickets/components/TicketDetailPage';
import { BoardPage } from '../modules/tickets/components/board/BoardPage';
import { ChatInboxPage } from '../modules/chat/components/ChatInboxPage';
import { ChatSettingsPage } from '../modules/chat/components/ChatSettingsPage';
import { TicketsPage } from '../modules/tickets/components/TicketsPage';
import { MembersPage } from '../modules/users/components/MembersPage';
import { RolesPage } from '../modules/users/components/RolesPage';
import { WebhooksPage } from '../modules/webhooks/components/WebhooksPage';
import { useI18n } from './i18n';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './layout/NotFoundPage';
import { seesReports, settingsStartPath, startPath } from './navigation';
import { RequireSession } from './RequireSession';
import { useViewer, type Viewer } from './viewer';

// GraphiQL and its editor are large: their own chunk, loaded on the first visit to /graphiql.
const GraphiQLPage = lazy(() => import('../modules/graphiql/components/GraphiQLPage'));
// The charts library is large too: the Reports page is its own chunk.
const ReportsPage = lazy(() => import('../modules/reports/components/ReportsPage'));

function Only({ when, children }: { when: (viewer: Viewer) => boolean; children: ReactNode }) {
  const viewer = useViewer();
  return when(viewer) ? children : <NotFoundPage />;
}

function SettingsStart() {
  return <Navigate to={settingsStartPath(useViewer()) ?? '/'} replace />;
}

const staffCan = (permission: string) => (v: Viewer) => v.isStaff && v.can(permission);

function StartPage() {
  return <Navigate to={startPath(useViewer())} replace />;
}

function LazyRoute({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Suspense
      fallback={
        <Center mt="xl" aria-busy="true">
          <Loader aria-label={t('app.loading')} />
        </Center>
      }
    >
      {children}
    </Suspense>
  );
}

function GraphiQLRoute() {
  const { t } = useI18n();
  return (
    <Suspense
      fallback={
        <Center mt="xl" aria-busy="true">
          <Loader aria-label={t('graphiql.loading')} />
        </Center>
      }
    >
      <GraphiQLPage />
    </Suspense>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginRoute />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      <Route path="/signup" element={<SignUpPage />} />
      <Route path="/verify-email" element={<VerifyEmailPage />} />
      <Route element={<RequireSession />}>
        <Route element={<AppLayout />}>
          <Route index element={<StartPage />} />
          <Route path="board" element={<Only when={staffCan('tickets.read')}><BoardPage /></Only>} />
          <Route path="chats" element={<Only when={staffCan('chat.accept')}><ChatInboxPage /></Only>} />
          <Route path="tickets" element={<TicketsPage />} />
          <Route path="tickets/new" element={<NewTicketPage />} />
          <Route path="tickets/:number" element={<TicketDetailPage />} />
          <Route path="tickets/by-id/:id" element={<TicketByIdPage />} />
          <Route path="reports" element={<Only when={seesReports}><LazyRoute><ReportsPage /></LazyRoute></Only>} />
          <Route path="canned-responses" element={<Only when={staffCan('canned.manage')}><CannedResponsesPage /></Only>} />
          <Route path="macros" element={<Only when={staffCan('macros.manage')}><MacrosPage /></Only>} />
          <Route path="graphiql" element={<Only when={(v) => v.isStaff}><GraphiQLRoute /></Only>} />
          <Route path="settings" element={<Only when={(v) => settingsStartPath(v) !== null}><SettingsLayout /></Only>}>
            <Route index element={<SettingsStart />} />
            <Route path="sla" element={<Only when={staffCan('sla.manage')}><SlaSettingsPage /></Only>} />
            <Route path="api-keys" element={<Only when={staffCan('apikeys.manage')}><ApiKeysPage /></Only>} />
            <Route path="webhooks" element={<Only when={staffCan('webhooks.manage')}><WebhooksPage /></Only>} />
            <Route path="chat" element={<Only when={staffCan('chat.manage')}><ChatSettingsPage /></Only>} />
            <Route path="members" element={<Only when={staffCan('users.manage')}><MembersPage /></Only>} />
            <Route path="roles" element={<Only when={staffCan('roles.manage')}><RolesPage /></Only>} />
            <Route path="statuses" element={<Only when={staffCan('settings.manage')}><StatusesPage /></Only>} />
            <Route path="workspace" element={<Only when={staffCan('settings.manage')}><WorkspaceSettingsPage /></Only>} />
          </Route>
          <Route path="account/password" element={<ChangePasswordPage />} />
          <Route path="operator/tenants" element={<Only when={(v) => v.me.platformOperator}><TenantsPage /></Only>} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
