import { ApolloClient, ApolloLink, HttpLink } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { OperationTypeNode, print } from 'graphql';
import { createClient, type Client as WsClient } from 'graphql-ws';
import { RefreshSessionDocument, type RefreshSessionMutation } from '../generated/graphql';
import { createSuspensionLink, isSuspendedClose } from '../modules/auth/suspension';
import { createAuthLink } from './auth-link';
import { createCache } from './cache';
import { setHttpTokenRefresher } from './http';
import { getConnectionState, setConnectionState } from './connection-status';
import { resumableSubscriptions } from './resumable-subscriptions';
import { createSubscriptionRetryLink } from './subscription-retry-link';
import { sessionFromAuthPayload, sessionIdentity, sessionStore, type Session, type SessionStore } from './session';
import { createTokenRefresher, hasUnauthenticatedError, RefreshRejectedError, type TokenRefresher } from './token-refresh';

export const GRAPHQL_PATH = '/graphql';

/**
 * Queries that catch up by themselves after a reconnect: ticket lists, tickets and threads
 * through the ticketEvents replay (useTicketEventsSync), agents through usePresenceSync.
 */
const SELF_HEALING_QUERIES = new Set(['Tickets', 'TicketByNumber', 'TicketMessages', 'Agents', 'Me']);

function webSocketUrl(path: string): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}${path}`;
}

/** Serialises refreshes across tabs when the browser has the Web Locks API. */
function withTabLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return task();
  // request() resolves with what the callback's promise resolves to (the DOM typings nest it).
  return locks.request('sociodesk.token-refresh', task) as unknown as Promise<T>;
}

interface RefreshResponse {
  data?: RefreshSessionMutation | null;
  errors?: Array<{ message?: string; extensions?: { code?: unknown } }>;
}

/**
 * Calls refreshSession outside the Apollo link chain: it needs no Authorization header (an
 * expired one would be refused) and must not wait on the refresh it is part of.
 */
async function requestRefresh(refreshToken: string): Promise<Session> {
  const response = await fetch(GRAPHQL_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ operationName: 'RefreshSession', query: print(RefreshSessionDocument), variables: { refreshToken } }),
  });
  let body: RefreshResponse | undefined;
  try {
    body = (await response.json()) as RefreshResponse;
  } catch {
    body = undefined;
  }
  const payload = body?.data?.refreshSession;
  if (payload) return sessionFromAuthPayload(payload, Date.now());
  const codes = body?.errors?.map((error) => error.extensions?.code) ?? [];
  if (response.status === 401 || hasUnauthenticatedError(body?.errors) || codes.includes('BAD_USER_INPUT')) {
    throw new RefreshRejectedError(body?.errors?.[0]?.message);
  }
  throw new Error(`Could not refresh the session (HTTP ${response.status})`);
}

export interface AppApollo {
  client: ApolloClient;
  refresher: TokenRefresher;
  wsClient: WsClient;
  /** Stops following the session (tests, hot reload). */
  dispose(): void;
}

/**
 * The Apollo Client of the app: subscriptions over graphql-ws, everything else over HTTP with the
 * auth link. When the signed-in user or tenant changes, the cache is emptied and the WebSocket
 * reconnects with the new token.
 */
export function createAppApollo(store: SessionStore = sessionStore): AppApollo {
  const refresher = createTokenRefresher({
    readSession: () => store.reload(),
    writeSession: (session) => store.set(session),
    clearSession: () => store.clear('expired'),
    requestRefresh,
    withLock: withTabLock,
  });
  setHttpTokenRefresher(refresher);

  // The access token the socket last connected with, to tell the refresher which one was refused.
  let socketToken: string | null = null;
  let everConnected = false;
  let signingOver = false;
  const wsClient = createClient({
    url: webSocketUrl(GRAPHQL_PATH),
    lazy: true,
    // Network trouble and server restarts: keep trying (the reconnect banner shows meanwhile).
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    connectionParams: async () => {
      const session = await refresher.getValidSession();
      socketToken = session?.accessToken ?? null;
      return session ? { authorization: `Bearer ${session.accessToken}` } : {};
    },
    on: {
      connected: () => {
        // Back after an outage: ticket lists catch up through the ticketEvents replay (from the
        // last cursor); other live data (timeline, agents' presence) is read again once.
        if (everConnected && getConnectionState() === 'reconnecting') {
          void client.refetchQueries({ include: 'active', onQueryUpdated: (query) => !SELF_HEALING_QUERIES.has(query.queryName ?? '') });
        }
        everConnected = true;
        setConnectionState('connected');
      },
      closed: (event) => {
        const code = (event as { code?: number } | undefined)?.code;
        // The workspace was suspended: end the session; the sign-in page says why.
        if (isSuspendedClose(event)) store.clear('suspended');
        // 1000: closed on purpose (no subscription left); 4401: token refresh, reconnects at once.
        if (everConnected && code !== 1000 && !signingOver) {
          setConnectionState('reconnecting');
        } else {
          everConnected = false;
          setConnectionState('idle');
        }
        signingOver = false;
      },
    },
  });

  const subscriptionLink = ApolloLink.from([
    createSubscriptionRetryLink({
      onUnauthorized: async () => {
        const rejected = socketToken;
        const session = rejected ? await refresher.refreshAfterRejection(rejected) : await refresher.getValidSession();
        return !!session;
      },
    }),
    // ticketEvents(after:) resumes from its last cursor when the socket reconnects (e.g. a 1012 restart).
    new GraphQLWsLink(resumableSubscriptions(wsClient)),
  ]);

  const httpLink = new HttpLink({ uri: GRAPHQL_PATH });
  const link = ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === OperationTypeNode.SUBSCRIPTION;
    },
    subscriptionLink,
    ApolloLink.from([createSuspensionLink(() => store.clear('suspended')), createAuthLink(refresher), httpLink]),
  );

  const client = new ApolloClient({
    link,
    cache: createCache(),
    devtools: { enabled: import.meta.env.DEV },
  });

  let identity = sessionIdentity(store.get());
  const unsubscribe = store.subscribe(() => {
    const next = sessionIdentity(store.get());
    if (next === identity) return;
    identity = next;
    void client.clearStore();
    // Another user or tenant: reconnect with the new token (not an outage, so no banner or catch-up).
    signingOver = getConnectionState() !== 'idle';
    wsClient.terminate();
  });

  return {
    client,
    refresher,
    wsClient,
    dispose() {
      unsubscribe();
      void wsClient.dispose();
      client.stop();
    },
  };
}

export const appApollo = createAppApollo();
