import { describe, expect, it, vi } from 'vitest';
import type { Session } from './session';
import {
  computeRefreshAt,
  createTokenRefresher,
  decodeJwtTimes,
  isUnauthenticatedError,
  needsRefresh,
  RefreshRejectedError,
  type TokenRefresherDeps,
} from './token-refresh';

function jwt(claims: Record<string, unknown>): string {
  const encode = (value: object) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}.signature`;
}

function session(overrides: Partial<Session> = {}): Session {
  return {
    accessToken: 'access-1',
    refreshToken: 'refresh-1',
    expiresAt: '2030-01-01T00:15:00.000Z',
    refreshAt: 1_000,
    userId: 'u1',
    tenantId: 't1',
    tenantSlug: 'acme',
    mustChangePassword: false,
    ...overrides,
  };
}

/** An in-memory stand-in for the session store, with a controllable refresh call. */
function harness(initial: Session | null, now = 0) {
  let stored = initial;
  let counter = 1;
  const deps = {
    readSession: vi.fn(() => stored),
    writeSession: vi.fn((next: Session) => {
      stored = next;
    }),
    clearSession: vi.fn(() => {
      stored = null;
    }),
    requestRefresh: vi.fn(async (refreshToken: string) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      counter += 1;
      return session({ accessToken: `access-${counter}`, refreshToken: `refresh-${counter}`, refreshAt: now + 10_000, expiresAt: refreshToken });
    }),
    now: () => now,
  } satisfies TokenRefresherDeps;
  return { deps, refresher: createTokenRefresher(deps), current: () => stored };
}

describe('refresh timing', () => {
  it('reads iat and exp from a JWT and ignores other tokens', () => {
    expect(decodeJwtTimes(jwt({ iat: 100, exp: 1000 }))).toEqual({ iat: 100, exp: 1000 });
    expect(decodeJwtTimes('not-a-jwt')).toBeNull();
    expect(decodeJwtTimes('a.!!!.c')).toBeNull();
  });

  it('refreshes a minute before expiry, measured with the token lifetime (not the local clock)', () => {
    const token = jwt({ iat: 1_000, exp: 1_900 }); // 15 minutes
    // expiresAt is far off in local time (client clock wrong); the lifetime still decides.
    expect(computeRefreshAt({ accessToken: token, expiresAt: '2000-01-01T00:00:00Z', receivedAt: 50_000 })).toBe(50_000 + 900_000 - 60_000);
  });

  it('uses a fifth of a short lifetime as the margin', () => {
    const token = jwt({ iat: 0, exp: 100 });
    expect(computeRefreshAt({ accessToken: token, expiresAt: '', receivedAt: 0 })).toBe(80_000);
  });

  it('falls back to expiresAt when the token is opaque', () => {
    const receivedAt = Date.parse('2030-01-01T00:00:00Z');
    expect(computeRefreshAt({ accessToken: 'opaque', expiresAt: '2030-01-01T00:15:00Z', receivedAt })).toBe(receivedAt + 840_000);
    expect(computeRefreshAt({ accessToken: 'opaque', expiresAt: 'garbage', receivedAt })).toBe(receivedAt);
  });

  it('needs a refresh from refreshAt on', () => {
    expect(needsRefresh({ refreshAt: 10 }, 9)).toBe(false);
    expect(needsRefresh({ refreshAt: 10 }, 10)).toBe(true);
  });
});

describe('isUnauthenticatedError', () => {
  it('recognises an HTTP 401 from the API', () => {
    const body = JSON.stringify({ errors: [{ message: 'Access token expired', extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(isUnauthenticatedError({ statusCode: 401, bodyText: body })).toBe(true);
    expect(isUnauthenticatedError({ statusCode: 401, bodyText: 'nope' })).toBe(true);
  });

  it('recognises GraphQL errors with the UNAUTHENTICATED code', () => {
    expect(isUnauthenticatedError({ errors: [{ message: 'x', extensions: { code: 'UNAUTHENTICATED' } }] })).toBe(true);
  });

  it('leaves other failures alone', () => {
    expect(isUnauthenticatedError({ statusCode: 403, bodyText: JSON.stringify({ errors: [{ extensions: { code: 'FORBIDDEN' } }] }) })).toBe(false);
    expect(isUnauthenticatedError({ errors: [{ message: 'x', extensions: { code: 'BAD_USER_INPUT' } }] })).toBe(false);
    expect(isUnauthenticatedError(new TypeError('Failed to fetch'))).toBe(false);
    expect(isUnauthenticatedError(null)).toBe(false);
  });
});

describe('createTokenRefresher', () => {
  it('returns a fresh session without refreshing', async () => {
    const { deps, refresher } = harness(session({ refreshAt: 100 }), 50);
    await expect(refresher.getValidSession()).resolves.toMatchObject({ accessToken: 'access-1' });
    expect(deps.requestRefresh).not.toHaveBeenCalled();
  });

  it('returns null without a session', async () => {
    const { deps, refresher } = harness(null);
    await expect(refresher.getValidSession()).resolves.toBeNull();
    await expect(refresher.refreshAfterRejection('access-1')).resolves.toBeNull();
    expect(deps.requestRefresh).not.toHaveBeenCalled();
  });

  it('refreshes once for many concurrent callers when the token is about to expire', async () => {
    const { deps, refresher, current } = harness(session({ refreshAt: 0 }), 5);
    const results = await Promise.all([
      refresher.getValidSession(),
      refresher.getValidSession(),
      refresher.refreshAfterRejection('access-1'),
    ]);
    expect(deps.requestRefresh).toHaveBeenCalledTimes(1);
    expect(deps.requestRefresh).toHaveBeenCalledWith('refresh-1');
    expect(results.map((s) => s?.accessToken)).toEqual(['access-2', 'access-2', 'access-2']);
    expect(current()?.refreshToken).toBe('refresh-2');
  });

  it('refreshes after a rejection, and only once per rejected token', async () => {
    const { deps, refresher } = harness(session({ refreshAt: 1e12 }));
    const first = await refresher.refreshAfterRejection('access-1');
    expect(first?.accessToken).toBe('access-2');
    // A request that went out with the old token comes back rejected later: no second refresh.
    const second = await refresher.refreshAfterRejection('access-1');
    expect(second?.accessToken).toBe('access-2');
    expect(deps.requestRefresh).toHaveBeenCalledTimes(1);
  });

  it('clears the session when the server rejects the refresh token', async () => {
    const { deps, refresher, current } = harness(session({ refreshAt: 0 }), 5);
    deps.requestRefresh.mockRejectedValueOnce(new RefreshRejectedError('Invalid refresh token'));
    await expect(refresher.refreshAfterRejection('access-1')).resolves.toBeNull();
    expect(deps.clearSession).toHaveBeenCalledTimes(1);
    expect(current()).toBeNull();
  });

  it('keeps the session another tab stored while this refresh was refused', async () => {
    const { deps, refresher } = harness(session({ refreshAt: 0 }), 5);
    const rotated = session({ accessToken: 'other-tab', refreshToken: 'refresh-other', refreshAt: 1e12 });
    deps.requestRefresh.mockImplementationOnce(async () => {
      deps.writeSession(rotated);
      throw new RefreshRejectedError();
    });
    await expect(refresher.refreshAfterRejection('access-1')).resolves.toMatchObject({ accessToken: 'other-tab' });
    expect(deps.clearSession).not.toHaveBeenCalled();
  });

  it('keeps the session on network trouble: proactive refresh falls back to the current token', async () => {
    const { deps, refresher, current } = harness(session({ refreshAt: 0 }), 5);
    deps.requestRefresh.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(refresher.getValidSession()).resolves.toMatchObject({ accessToken: 'access-1' });
    expect(current()).not.toBeNull();
    deps.requestRefresh.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(refresher.refreshAfterRejection('access-1')).rejects.toThrow('Failed to fetch');
    expect(deps.clearSession).not.toHaveBeenCalled();
  });

  it('runs the refresh inside the cross-tab lock and re-reads the session there', async () => {
    const order: string[] = [];
    const { deps } = harness(session({ refreshAt: 0 }), 5);
    const refreshed = session({ accessToken: 'from-other-tab', refreshAt: 1e12 });
    const refresher = createTokenRefresher({
      ...deps,
      readSession: vi
        .fn<() => Session | null>()
        .mockReturnValueOnce(session({ refreshAt: 0 })) // before the lock: stale
        .mockReturnValue(refreshed), // inside the lock: another tab already refreshed
      withLock: async (task) => {
        order.push('lock');
        const result = await task();
        order.push('unlock');
        return result;
      },
    });
    await expect(refresher.getValidSession()).resolves.toMatchObject({ accessToken: 'from-other-tab' });
    expect(order).toEqual(['lock', 'unlock']);
    expect(deps.requestRefresh).not.toHaveBeenCalled();
  });
});
