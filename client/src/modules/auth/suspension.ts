import { ApolloLink } from '@apollo/client';
import { tap } from 'rxjs';
import { graphQLErrorsOf } from '../../app/errors';

export const TENANT_SUSPENDED = 'TENANT_SUSPENDED';
/** graphql-ws close code the server uses when it refuses a socket (FORBIDDEN). */
const CLOSE_FORBIDDEN = 4403;

function suspendedIn(errors: ReadonlyArray<{ extensions?: Record<string, unknown> }> | undefined): boolean {
  return !!errors?.some((e) => e.extensions?.reason === TENANT_SUSPENDED);
}

/**
 * Ends the session when the server says the workspace is suspended (HTTP 403 with
 * `extensions.reason: TENANT_SUSPENDED`), so the user lands on the sign-in page that says so.
 */
export function createSuspensionLink(onSuspended: () => void): ApolloLink {
  return new ApolloLink((operation, forward) =>
    forward(operation).pipe(
      tap({
        next: (result) => {
          if (suspendedIn(result.errors as never)) onSuspended();
        },
        error: (error: unknown) => {
          if (suspendedIn(graphQLErrorsOf(error))) onSuspended();
        },
      }),
    ),
  );
}

/** Whether a WebSocket close event is the server closing a suspended tenant's socket. */
export function isSuspendedClose(event: unknown): boolean {
  const e = event as { code?: number; reason?: string } | undefined;
  return e?.code === CLOSE_FORBIDDEN && e.reason === TENANT_SUSPENDED;
}
