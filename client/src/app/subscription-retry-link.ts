import { ApolloLink } from '@apollo/client';
import { from, mergeMap, retry, throwError, timer } from 'rxjs';

/** The close code the API uses for a missing, invalid or expired access token. */
export const UNAUTHORIZED_CLOSE_CODE = 4401;

/** The WebSocket close code in an error from GraphQLWsLink ("Socket closed with event 4401 ..."). */
export function socketCloseCode(error: unknown): number | null {
  if (!(error instanceof Error)) return null;
  const match = /^Socket closed(?: with event (\d+))?/.exec(error.message);
  if (!match) return null;
  return match[1] ? Number(match[1]) : 0;
}

export interface SubscriptionRetryOptions {
  /** Called when the server refused the token: refresh it; resolves false when the session is over. */
  onUnauthorized(): Promise<boolean>;
  /** Wait before resubscribing after another socket failure (attempt counts from 1). */
  delayMs?(attempt: number): number;
}

/**
 * Keeps subscriptions alive across socket failures that graphql-ws gives up on: a 4401 close
 * (token expired or refused) refreshes the token once and resubscribes; other socket closes
 * resubscribe after a delay. GraphQL errors of the subscription itself are passed on.
 */
export function createSubscriptionRetryLink(options: SubscriptionRetryOptions): ApolloLink {
  const delayMs = options.delayMs ?? ((attempt: number) => Math.min(30_000, 1000 * 2 ** Math.min(attempt - 1, 5)));
  return new ApolloLink((operation, forward) =>
    forward(operation).pipe(
      retry({
        resetOnSuccess: true,
        delay: (error: unknown, attempt: number) => {
          const code = socketCloseCode(error);
          if (code === null) return throwError(() => error);
          if (code === UNAUTHORIZED_CLOSE_CODE) {
            // A token refused again right after a refresh will not get better by retrying.
            if (attempt > 3) return throwError(() => error);
            return from(options.onUnauthorized()).pipe(mergeMap((ok) => (ok ? timer(0) : throwError(() => error))));
          }
          return timer(delayMs(attempt));
        },
      }),
    ),
  );
}
