import { createClient } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import { resumableSubscriptions } from './resumable-subscriptions';

interface Sent {
  socket: number;
  message: { type: string; id?: string; payload?: { variables?: Record<string, unknown> } };
}

/**
 * A WebSocket stand-in speaking graphql-transport-ws: it acknowledges, records what the client
 * sends, and lets the test push events and close the socket like a restarting server (1012).
 */
function fakeServer() {
  const sent: Sent[] = [];
  const sockets: FakeSocket[] = [];
  class FakeSocket {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    readyState = 0;
    protocol = 'graphql-transport-ws';
    onopen: (() => void) | null = null;
    onmessage: ((e: { data: string }) => void) | null = null;
    onclose: ((e: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
    onerror: ((e: unknown) => void) | null = null;
    readonly index = sockets.push(this) - 1;
    constructor() {
      setTimeout(() => {
        this.readyState = 1;
        this.onopen?.();
      }, 0);
    }
    send(data: string) {
      const message = JSON.parse(data) as Sent['message'];
      sent.push({ socket: this.index, message });
      if (message.type === 'connection_init') setTimeout(() => this.onmessage?.({ data: JSON.stringify({ type: 'connection_ack' }) }), 0);
    }
    close(code = 1000, reason = '') {
      if (this.readyState === 3) return;
      this.readyState = 3;
      setTimeout(() => this.onclose?.({ code, reason, wasClean: true }), 0);
    }
    next(id: string, seq: number) {
      this.onmessage?.({ data: JSON.stringify({ id, type: 'next', payload: { data: { ticketEvents: { seq, cursor: `c${seq}` } } } }) });
    }
  }
  return { FakeSocket, sent, sockets };
}

const until = async (ok: () => boolean) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!ok()) throw new Error('condition not met');
};

describe('resumableSubscriptions', () => {
  it('resubscribes after a 1012 close with the cursor of the last event received', async () => {
    const server = fakeServer();
    const client = resumableSubscriptions(
      createClient({ url: 'ws://test/graphql', webSocketImpl: server.FakeSocket, retryAttempts: 5, retryWait: async () => undefined, shouldRetry: () => true }),
    );
    const received: number[] = [];
    client.subscribe<{ ticketEvents: { seq: number } }>(
      { query: 'subscription R($after: String) { ticketEvents(after: $after) { seq cursor } }', variables: { after: null } },
      { next: (r) => void received.push(r.data!.ticketEvents.seq), error: () => undefined, complete: () => undefined },
    );
    const subscribes = () => server.sent.filter((s) => s.message.type === 'subscribe');
    await until(() => subscribes().length === 1);
    const id = subscribes()[0].message.id!;
    expect(subscribes()[0].message.payload?.variables).toEqual({ after: null });
    server.sockets[0].next(id, 7);
    server.sockets[0].next(id, 8);
    server.sockets[0].close(1012, 'Service restart: reconnect');

    await until(() => subscribes().length === 2);
    expect(subscribes()[1]).toMatchObject({ socket: 1, message: { payload: { variables: { after: 'c8' } } } });
    expect(received).toEqual([7, 8]);
    await client.dispose();
  });

  it('leaves subscriptions without an `after` variable as they are', async () => {
    const server = fakeServer();
    const client = resumableSubscriptions(createClient({ url: 'ws://test/graphql', webSocketImpl: server.FakeSocket, retryAttempts: 0 }));
    client.subscribe({ query: 'subscription { typing(ticketId: "1") { userId } }', variables: { ticketId: '1' } }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    await until(() => server.sent.some((s) => s.message.type === 'subscribe'));
    expect(server.sent.find((s) => s.message.type === 'subscribe')?.message.payload?.variables).toEqual({ ticketId: '1' });
    await client.dispose();
  });
});
