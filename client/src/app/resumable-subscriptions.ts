import type { Client, FormattedExecutionResult, Sink, SubscribePayload } from 'graphql-ws';

/** The `cursor` of the first root field of a result that has one (e.g. `ticketEvents.cursor`). */
function cursorOf(result: FormattedExecutionResult<Record<string, unknown>, unknown>): string | null {
  for (const value of Object.values(result.data ?? {})) {
    const cursor = (value as { cursor?: unknown } | null)?.cursor;
    if (typeof cursor === 'string') return cursor;
  }
  return null;
}

/**
 * Subscriptions with an `after` variable resume where they left off. When the socket drops
 * (a restarting server closes it with 1012, or the network goes), graphql-ws reconnects and
 * sends the same subscribe payload again; this keeps that payload's `after` at the cursor of
 * the last event received, so the server replays exactly what was missed, at once.
 */
export function resumableSubscriptions(client: Client): Client {
  return {
    ...client,
    subscribe<Data = Record<string, unknown>, Extensions = unknown>(payload: SubscribePayload, sink: Sink<FormattedExecutionResult<Data, Extensions>>) {
      if (!payload.variables || !('after' in payload.variables)) return client.subscribe(payload, sink);
      const own: SubscribePayload = { ...payload, variables: { ...payload.variables } };
      return client.subscribe<Data, Extensions>(own, {
        next: (result) => {
          const cursor = cursorOf(result as FormattedExecutionResult<Record<string, unknown>, unknown>);
          if (cursor) own.variables!.after = cursor;
          sink.next(result);
        },
        error: (error) => sink.error(error),
        complete: () => sink.complete(),
      });
    },
  };
}
