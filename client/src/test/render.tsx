import { ApolloClient, ApolloLink } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { render } from '@testing-library/react';
import type { FormattedExecutionResult } from 'graphql';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { Observable, type Subject } from 'rxjs';
import { createCache } from '../app/cache';
import { theme } from '../app/theme';
import { viewerFromMe, ViewerProvider } from '../app/viewer';
import { Permission, type MeQuery, type Role } from '../generated/graphql';

export type Handler = (variables: Record<string, unknown>) => FormattedExecutionResult | Promise<FormattedExecutionResult>;

/**
 * A fake API: each operation is answered by the handler of its name (after `delayMs`), and
 * every call is recorded. Subscriptions named in `streams` get what the test pushes into
 * their subject. An operation without an answer fails the test loudly.
 */
export function fakeApi(handlers: Record<string, Handler>, delayMs = 0, streams: Record<string, Subject<FormattedExecutionResult>> = {}) {
  const calls: Array<{ operationName: string; variables: Record<string, unknown> }> = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        const name = operation.operationName ?? '';
        calls.push({ operationName: name, variables: operation.variables });
        const stream = streams[name];
        if (stream) {
          const subscription = stream.subscribe(observer);
          return () => subscription.unsubscribe();
        }
        const handler = handlers[name];
        if (!handler) {
          observer.error(new Error(`No fake answer for operation ${name}`));
          return;
        }
        const timer = setTimeout(async () => {
          try {
            observer.next(await handler(operation.variables));
            observer.complete();
          } catch (error) {
            observer.error(error);
          }
        }, delayMs);
        return () => clearTimeout(timer);
      }),
  );
  const client = new ApolloClient({ link, cache: createCache() });
  return { client, calls };
}

const ALL = Object.values(Permission);
const AGENT_DENIED: readonly Permission[] = [
  Permission.TicketsDelete,
  Permission.ReportsView,
  Permission.ReportsExport,
  Permission.ChatManage,
  Permission.UsersManage,
  Permission.RolesManage,
  Permission.SlaManage,
  Permission.ApikeysManage,
  Permission.WebhooksManage,
  Permission.SettingsManage,
];
/** The built-in roles' permission sets, as the API gives them (api/src/platform/auth/permissions.ts). */
export const BUILT_IN: Record<string, Permission[]> = {
  ADMIN: ALL,
  AGENT: ALL.filter((p) => !AGENT_DENIED.includes(p)),
  CUSTOMER: [Permission.AccountUse, Permission.TicketsRead, Permission.TicketsCreate, Permission.TicketsUpdate, Permission.ConversationsReply],
};

export function me(role: Role, id = `${role.toLowerCase()}-1`, permissions: Permission[] = BUILT_IN[role] ?? []): MeQuery['me'] {
  return {
    role,
    permissions,
    mustChangePassword: false,
    platformOperator: false,
    locale: 'en',
    user: { id, email: `${id}@acme.example`, name: `Acme ${role}`, role, active: true, createdAt: '2030-01-01T00:00:00Z' },
    tenant: { id: 't1', slug: 'acme', name: 'Acme', logoUrl: null },
    memberships: [{ role, tenant: { id: 't1', slug: 'acme', name: 'Acme' } }],
  };
}

/** Renders `ui` as the signed-in `role` would see it: Mantine, notifications, router, Apollo. */
export function renderAs(role: Role, ui: ReactNode, client: ApolloClient, path = '/') {
  return render(
    <MantineProvider theme={theme} env="test">
      <Notifications />
      <ApolloProvider client={client}>
        <MemoryRouter initialEntries={[path]}>
          <ViewerProvider viewer={viewerFromMe(me(role))}>{ui}</ViewerProvider>
        </MemoryRouter>
      </ApolloProvider>
    </MantineProvider>,
  );
}
