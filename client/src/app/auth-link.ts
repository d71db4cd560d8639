import { ApolloLink } from '@apollo/client';
import { catchError, defer, from, mergeMap, of, switchMap, throwError, type Observable } from 'rxjs';
import { hasUnauthenticatedError, isUnauthenticatedError, type TokenRefresher } from './token-refresh';

declare module '@apollo/client' {
  interface DefaultContext {
    /** Send the operation without the session's Authorization header (e.g. sign-in). */
    skipAuth?: boolean;
  }
}

/** Marks a result whose GraphQL errors rejected the access token, so it can be retried. */
class RejectedResult {
  constructor(readonly result: ApolloLink.Result) {}
}

/**
 * Adds `Authorization: Bearer <access token>` to HTTP operations. Refreshes the token first when
 * it is about to expire, and when the server rejects it (HTTP 401 or an UNAUTHENTICATED error),
 * refreshes once and retries the operation once. Concurrent operations share one refresh.
 */
export function createAuthLink(refresher: TokenRefresher): ApolloLink {
  return new ApolloLink((operation, forward) => {
    if (operation.getContext().skipAuth) return forward(operation);
    const baseHeaders: Record<string, string> = { ...(operation.getContext().headers as Record<string, string> | undefined) };

    const attempt = (accessToken: string | undefined, isRetry: boolean): Observable<ApolloLink.Result> => {
      operation.setContext({
        headers: accessToken ? { ...baseHeaders, authorization: `Bearer ${accessToken}` } : baseHeaders,
      });
      const mayRetry = !!accessToken && !isRetry;
      return forward(operation).pipe(
        mergeMap((result) =>
          mayRetry && hasUnauthenticatedError(result.errors) ? throwError(() => new RejectedResult(result)) : of(result),
        ),
        catchError((error: unknown) => {
          const giveUp = () => (error instanceof RejectedResult ? of(error.result) : throwError(() => error));
          if (!mayRetry || !(error instanceof RejectedResult || isUnauthenticatedError(error))) return giveUp();
          return from(refresher.refreshAfterRejection(accessToken)).pipe(
            switchMap((session) => (session ? attempt(session.accessToken, true) : giveUp())),
          );
        }),
      );
    };

    return defer(() => from(refresher.getValidSession())).pipe(switchMap((session) => attempt(session?.accessToken, false)));
  });
}
