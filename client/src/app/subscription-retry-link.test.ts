import { ApolloLink } from '@apollo/client';
import { parse } from 'graphql';
import { firstValueFrom, Observable, toArray } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import { createSubscriptionRetryLink, socketCloseCode } from './subscription-retry-link';

const query = parse('subscription { ticketEvents { id } }');

/** A socket link that fails with the given errors first, then delivers one event and completes. */
function flakySocket(failures: Error[]) {
  let attempts = 0;
  const link = new ApolloLink(
    () =>
      new Observable((observer) => {
        attempts += 1;
        const failure = failures.shift();
        if (failure) observer.error(failure);
        else {
          observer.next({ data: { ticketEvents: { id: 'e1' } } });
          observer.complete();
        }
      }),
  );
  return { link, attempts: () => attempts };
}

function run(link: ApolloLink) {
  return firstValueFrom(ApolloLink.execute(link, { query }, { client: {} as never }).pipe(toArray()));
}

describe('subscription retry link', () => {
  it('reads close codes from socket errors', () => {
    expect(socketCloseCode(new Error('Socket closed with event 4401 Unauthorized'))).toBe(4401);
    expect(socketCloseCode(new Error('Socket closed'))).toBe(0);
    expect(socketCloseCode(new Error('Something else'))).toBeNull();
  });

  it('refreshes the token once after a 4401 close and resubscribes', async () => {
    const socket = flakySocket([new Error('Socket closed with event 4401 Unauthorized')]);
    const onUnauthorized = vi.fn(async () => true);
    const results = await run(ApolloLink.from([createSubscriptionRetryLink({ onUnauthorized }), socket.link]));
    expect(results).toEqual([{ data: { ticketEvents: { id: 'e1' } } }]);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(socket.attempts()).toBe(2);
  });

  it('gives up when the session is over', async () => {
    const socket = flakySocket([new Error('Socket closed with event 4401 Unauthorized')]);
    const link = ApolloLink.from([createSubscriptionRetryLink({ onUnauthorized: async () => false }), socket.link]);
    await expect(run(link)).rejects.toThrow('4401');
    expect(socket.attempts()).toBe(1);
  });

  it('resubscribes after other socket failures, and passes other errors on', async () => {
    const socket = flakySocket([new Error('Socket closed with event 1006'), new Error('Socket closed')]);
    const onUnauthorized = vi.fn(async () => true);
    const results = await run(ApolloLink.from([createSubscriptionRetryLink({ onUnauthorized, delayMs: () => 0 }), socket.link]));
    expect(results).toHaveLength(1);
    expect(socket.attempts()).toBe(3);
    expect(onUnauthorized).not.toHaveBeenCalled();

    const broken = flakySocket([new Error('Cannot query field "nope"')]);
    await expect(run(ApolloLink.from([createSubscriptionRetryLink({ onUnauthorized, delayMs: () => 0 }), broken.link]))).rejects.toThrow('nope');
  });
});
