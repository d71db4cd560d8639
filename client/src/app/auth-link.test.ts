import { ApolloClient, ApolloLink, InMemoryCache, ServerError } from '@apollo/client';
import { Observable } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import { MeDocument } from '../generated/graphql';
import { createAuthLink } from './auth-link';
import type { Session } from './session';
import { createTokenRefresher, RefreshRejectedError } from './token-refresh';

const me = {
  me: {
    __typename: 'Viewer',
    role: 'ADMIN',
    mustChangePassword: false,
    user: { __typename: 'User', id: 'u1', email: 'a@b.c', name: 'A', role: 'ADMIN', active: true, createdAt: '2030-01-01T00:00:00Z' },
    tenant: { __typename: 'Tenant', id: 't1', slug: 'acme', name: 'Acme' },
    memberships: [],
  },
};

function session(accessToken: string, refreshAt = Number.MAX_SAFE_INTEGER): Session {
  return {
    accessToken,
    refreshToken: `refresh-for-${accessToken}`,
    expiresAt: '2030-01-01T00:15:00Z',
    refreshAt,
    userId: 'u1',
    tenantId: 't1',
    tenantSlug: 'acme',
    mustChangePassword: false,
  };
}

const unauthorized = () => {
  const bodyText = JSON.stringify({ errors: [{ message: 'Access token expired', extensions: { code: 'UNAUTHENTICATED' } }] });
  return new ServerError('Response not successful: Received status code 401', {
    response: new Response(bodyText, { status: 401, headers: { 'content-type': 'application/json' } }),
    bodyText,
  });
};

/** A fake server that accepts only `validToken`, recording the Authorization header of each call. */
function setup(initial: Session | null, validToken: string, refreshTo: string | Error, rejectWith: 'http-401' | 'graphql-error' = 'http-401') {
  let stored = initial;
  const seen: Array<string | undefined> = [];
  const requestRefresh = vi.fn(async () => {
    if (refreshTo instanceof Error) throw refreshTo;
    return session(refreshTo);
  });
  const refresher = createTokenRefresher({
    readSession: () => stored,
    writeSession: (next) => {
      stored = next;
    },
    clearSession: () => {
      stored = null;
    },
    requestRefresh,
  });
  const server = new ApolloLink((operation) => {
    const authorization = (operation.getContext().headers as Record<string, string> | undefined)?.authorization;
    seen.push(authorization);
    return new Observable((observer) => {
      if (authorization === `Bearer ${validToken}`) {
        observer.next({ data: me });
        observer.complete();
      } else if (rejectWith === 'graphql-error') {
        observer.next({ data: null, errors: [{ message: 'Authentication required', extensions: { code: 'UNAUTHENTICATED' } }] });
        observer.complete();
      } else {
        observer.error(unauthorized());
      }
    });
  });
  const client = new ApolloClient({ link: ApolloLink.from([createAuthLink(refresher), server]), cache: new InMemoryCache() });
  return { client, seen, requestRefresh, stored: () => stored };
}

describe('auth link', () => {
  it('sends the access token', async () => {
    const { client, seen } = setup(session('good'), 'good', 'unused');
    const result = await client.query({ query: MeDocument });
    expect(result.data).toMatchObject({ me: { tenant: { slug: 'acme' } } });
    expect(seen).toEqual(['Bearer good']);
  });

  it('refreshes before sending when the token is about to expire', async () => {
    const { client, seen, requestRefresh } = setup(session('old', 0), 'new', 'new');
    await client.query({ query: MeDocument });
    expect(requestRefresh).toHaveBeenCalledTimes(1);
    expect(seen).toEqual(['Bearer new']);
  });

  it('refreshes once and retries once on a 401', async () => {
    const { client, seen, requestRefresh, stored } = setup(session('expired'), 'new', 'new');
    await client.query({ query: MeDocument });
    expect(seen).toEqual(['Bearer expired', 'Bearer new']);
    expect(requestRefresh).toHaveBeenCalledTimes(1);
    expect(stored()?.accessToken).toBe('new');
  });

  it('also refreshes and retries on an UNAUTHENTICATED GraphQL error in a 200 response', async () => {
    const { client, seen } = setup(session('expired'), 'new', 'new', 'graphql-error');
    const result = await client.query({ query: MeDocument });
    expect(result.data).toMatchObject({ me: { user: { id: 'u1' } } });
    expect(seen).toEqual(['Bearer expired', 'Bearer new']);
  });

  it('shares one refresh between concurrent rejected operations', async () => {
    const { client, requestRefresh } = setup(session('expired'), 'new', 'new');
    await Promise.all([
      client.query({ query: MeDocument, fetchPolicy: 'network-only', context: { queryDeduplication: false } }),
      client.query({ query: MeDocument, fetchPolicy: 'network-only', context: { queryDeduplication: false } }),
    ]);
    expect(requestRefresh).toHaveBeenCalledTimes(1);
  });

  it('clears the session and fails the operation when the refresh is refused', async () => {
    const { client, seen, stored } = setup(session('expired'), 'new', new RefreshRejectedError());
    await expect(client.query({ query: MeDocument })).rejects.toSatisfy((error) => ServerError.is(error) && error.statusCode === 401);
    expect(seen).toEqual(['Bearer expired']);
    expect(stored()).toBeNull();
  });

  it('does not retry forever when the new token is refused too', async () => {
    const { client, seen } = setup(session('expired'), 'never', 'also-bad');
    await expect(client.query({ query: MeDocument })).rejects.toBeTruthy();
    expect(seen).toEqual(['Bearer expired', 'Bearer also-bad']);
  });

  it('sends no header without a session or with skipAuth', async () => {
    const { client, seen } = setup(null, 'good', 'unused');
    await expect(client.query({ query: MeDocument })).rejects.toBeTruthy();
    const withSession = setup(session('good'), 'good', 'unused');
    await expect(withSession.client.query({ query: MeDocument, context: { skipAuth: true } })).rejects.toBeTruthy();
    expect(seen).toEqual([undefined]);
    expect(withSession.seen).toEqual([undefined]);
  });
});
