/**
 * Access-token refresh, kept free of Apollo, React and browser globals so it can be unit-tested:
 * when to refresh, how to recognise a rejected token, and a refresher that lets concurrent
 * requests (and other tabs) share a single refresh.
 */
import type { Session } from './session';

/** Refresh this long before the access token expires (at most a fifth of its lifetime). */
export const REFRESH_MARGIN_MS = 60_000;

/** The server's answer to a token it does not accept. */
export const UNAUTHENTICATED = 'UNAUTHENTICATED';

/** Reads `iat` and `exp` (seconds) from a JWT without verifying it; null when it is not a JWT. */
export function decodeJwtTimes(token: string): { iat: number; exp: number } | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const claims = JSON.parse(atob(base64)) as { iat?: unknown; exp?: unknown };
    return typeof claims.iat === 'number' && typeof claims.exp === 'number' ? { iat: claims.iat, exp: claims.exp } : null;
  } catch {
    return null;
  }
}

/**
 * When (local clock, ms) to refresh a token received at `receivedAt`. Uses the token's own
 * lifetime (exp - iat, both server time) so a client clock that is off does not matter; falls
 * back to `expiresAt` against the local clock when the token cannot be read.
 */
export function computeRefreshAt(input: { accessToken: string; expiresAt: string; receivedAt: number }): number {
  const times = decodeJwtTimes(input.accessToken);
  const expiresAtMs = Date.parse(input.expiresAt);
  const lifetime = times
    ? (times.exp - times.iat) * 1000
    : Number.isFinite(expiresAtMs)
      ? expiresAtMs - input.receivedAt
      : 0;
  if (lifetime <= 0) return input.receivedAt;
  return input.receivedAt + lifetime - Math.min(REFRESH_MARGIN_MS, lifetime / 5);
}

export function needsRefresh(session: Pick<Session, 'refreshAt'>, now: number): boolean {
  return now >= session.refreshAt;
}

interface ErrorWithExtensions {
  extensions?: { code?: unknown } | null;
}

/** True when a list of GraphQL errors says the credential was not accepted. */
export function hasUnauthenticatedError(errors: ReadonlyArray<ErrorWithExtensions> | null | undefined): boolean {
  return !!errors?.some((error) => error?.extensions?.code === UNAUTHENTICATED);
}

/**
 * True when a failed request means "your access token is not accepted": an HTTP 401 (the API
 * answers a bad or expired token that way, with `{errors:[{extensions:{code:'UNAUTHENTICATED'}}]}`),
 * or GraphQL errors carrying that code. Duck-typed on Apollo's ServerError (`statusCode`,
 * `bodyText`) and CombinedGraphQLErrors (`errors`).
 */
export function isUnauthenticatedError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const candidate = error as { statusCode?: unknown; bodyText?: unknown; errors?: unknown };
  if (candidate.statusCode === 401) return true;
  if (typeof candidate.bodyText === 'string' && candidate.statusCode !== undefined) {
    try {
      const body = JSON.parse(candidate.bodyText) as { errors?: ErrorWithExtensions[] };
      if (hasUnauthenticatedError(body.errors)) return true;
    } catch {
      // not JSON: not ours to judge
    }
  }
  return Array.isArray(candidate.errors) && hasUnauthenticatedError(candidate.errors as ErrorWithExtensions[]);
}

/** The server refused the refresh token (expired, revoked or reused): the session is over. */
export class RefreshRejectedError extends Error {
  constructor(message = 'The session has ended') {
    super(message);
    this.name = 'RefreshRejectedError';
  }
}

export interface TokenRefresherDeps {
  /** The latest stored session, re-read from shared storage (another tab may have refreshed it). */
  readSession(): Session | null;
  writeSession(session: Session): void;
  clearSession(): void;
  /** Exchanges the refresh token; throws RefreshRejectedError when the server refuses it. */
  requestRefresh(refreshToken: string): Promise<Session>;
  /** Runs `task` exclusively across tabs (e.g. with the Web Locks API); defaults to no lock. */
  withLock?<T>(task: () => Promise<T>): Promise<T>;
  now?(): number;
}

export interface TokenRefresher {
  /** The session to send a request with, refreshed first when its access token is about to expire. */
  getValidSession(): Promise<Session | null>;
  /**
   * Called after the server rejected `rejectedAccessToken`. Returns a session with another access
   * token to retry with, or null when there is none (the session is then cleared).
   */
  refreshAfterRejection(rejectedAccessToken: string): Promise<Session | null>;
}

/**
 * Refresh tokens are single-use and reusing one revokes the session, so exactly one refresh
 * may run at a time: concurrent callers in this tab share the running one, and other tabs wait
 * on the lock and then pick up the session it stored instead of refreshing again.
 */
export function createTokenRefresher(deps: TokenRefresherDeps): TokenRefresher {
  const now = deps.now ?? Date.now;
  const withLock = deps.withLock ?? (<T>(task: () => Promise<T>) => task());
  let running: Promise<Session | null> | null = null;

  /** Refreshes unless `stillUsable` says the stored session no longer needs it. */
  function refresh(stillUsable: (current: Session) => boolean): Promise<Session | null> {
    if (running) return running;
    running = withLock(async () => {
      const current = deps.readSession();
      if (!current) return null;
      if (stillUsable(current)) return current;
      try {
        const next = await deps.requestRefresh(current.refreshToken);
        deps.writeSession(next);
        return next;
      } catch (error) {
        if (error instanceof RefreshRejectedError) {
          // Another tab may have rotated the token while this request was on its way.
          const latest = deps.readSession();
          if (latest && latest.refreshToken !== current.refreshToken) return latest;
          deps.clearSession();
          return null;
        }
        throw error;
      }
    }).finally(() => {
      running = null;
    });
    return running;
  }

  return {
    async getValidSession() {
      const session = deps.readSession();
      if (!session || !needsRefresh(session, now())) return session;
      try {
        return await refresh((current) => !needsRefresh(current, now()));
      } catch {
        // Network trouble: the token may still have a little time left, so try the request with it.
        return deps.readSession();
      }
    },
    refreshAfterRejection(rejectedAccessToken) {
      return refresh((current) => current.accessToken !== rejectedAccessToken);
    },
  };
}
