import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** A GraphQL error as it arrives over the socket. */
export interface WsError {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

export interface CloseInfo {
  code: number;
  reason: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One subscription's stream. Events are the value of the operation's root field. A cursor
 * marks what the test has consumed: `nextEvent` and `waitFor` move it, `expectNothing`
 * fails when anything unconsumed is (or becomes) pending.
 */
export class WsSubscription<T = any> {
  readonly events: T[] = [];
  /** Errors of the operation: from an `error` message, or from a `next` message carrying errors. */
  readonly errors: WsError[] = [];
  /** How the operation ended: `complete`, `error` (an `error` message) or `closed` (socket went away). */
  ended: 'complete' | 'error' | 'closed' | null = null;
  /** Errors that came in an `error` message (sink.error) rather than in a `next` payload. */
  errorMessage: WsError[] | null = null;
  private cursor = 0;
  private readonly waiters = new Set<() => void>();
  private readonly stop: () => void;

  constructor(client: Client, query: string, variables: Record<string, unknown>) {
    this.stop = client.subscribe<Record<string, T>>(
      { query, variables },
      {
        next: (result) => {
          if (result.errors?.length) this.errors.push(...(result.errors as WsError[]));
          const data = result.data as Record<string, T> | null | undefined;
          if (data) for (const value of Object.values(data)) this.events.push(value);
          this.wake();
        },
        error: (error) => {
          if (Array.isArray(error)) {
            this.errorMessage = error as WsError[];
            this.errors.push(...(error as WsError[]));
            this.ended = 'error';
          } else {
            this.ended = 'closed';
          }
          this.wake();
        },
        complete: () => {
          this.ended ??= 'complete';
          this.wake();
        },
      },
    );
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  /** Resolves once `ready()` is true, re-checking on every message; rejects after the timeout. */
  private until(ready: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (ready()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!ready()) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Timed out after ${timeoutMs}ms waiting for ${what}; unconsumed: ${JSON.stringify(this.pending)}; errors: ${JSON.stringify(this.errors)}; ended: ${this.ended}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
    });
  }

  /** Events received but not consumed yet. */
  get pending(): T[] {
    return this.events.slice(this.cursor);
  }

  /** The next unconsumed event. */
  async nextEvent(timeoutMs = 5000): Promise<T> {
    await this.until(() => this.events.length > this.cursor, timeoutMs, 'the next event');
    return this.events[this.cursor++];
  }

  /** The first unconsumed event matching; the events before it are consumed (skipped) too. */
  async waitFor(predicate: (event: T) => boolean, timeoutMs = 5000): Promise<T> {
    let found = -1;
    await this.until(
      () => (found = this.events.findIndex((e, i) => i >= this.cursor && predicate(e))) !== -1,
      timeoutMs,
      'a matching event',
    );
    this.cursor = found + 1;
    return this.events[found];
  }

  /** Consumes `n` events in arrival order. */
  async take(n: number, timeoutMs = 5000): Promise<T[]> {
    await this.until(() => this.events.length >= this.cursor + n, timeoutMs, `${n} events`);
    const out = this.events.slice(this.cursor, this.cursor + n);
    this.cursor += n;
    return out;
  }

  /** Waits `ms` and fails if any unconsumed event or error is there by then. */
  async expectNothing(ms = 500): Promise<void> {
    const errorsBefore = this.errors.length;
    await sleep(ms);
    if (this.events.length > this.cursor) throw new Error(`Expected no events, got ${JSON.stringify(this.pending)}`);
    if (this.errors.length > errorsBefore) throw new Error(`Expected no errors, got ${JSON.stringify(this.errors.slice(errorsBefore))}`);
  }

  /** Resolves with the operation's errors once it has failed. */
  async failed(timeoutMs = 5000): Promise<WsError[]> {
    await this.until(() => this.errors.length > 0 && this.ended !== null, timeoutMs, 'the operation to fail');
    return this.errors;
  }

  /**
   * Makes sure the server has registered the subscription: runs `trigger` until an event
   * matching `predicate` arrives (a subscription has no acknowledgement in graphql-ws).
   * Everything received up to that event is consumed.
   */
  async prime(trigger: () => Promise<unknown>, predicate: (event: T) => boolean = () => true, attempts = 20): Promise<T> {
    for (let i = 0; i < attempts; i++) {
      await trigger();
      let event: T;
      try {
        event = await this.waitFor(predicate, 300 + i * 100);
      } catch {
        continue; // not registered yet: trigger again
      }
      // An earlier trigger may still be on its way: let it arrive and skip it.
      if (i > 0) {
        await sleep(500);
        this.cursor = this.events.length;
      }
      return event;
    }
    throw new Error(`Subscription never received a priming event; errors: ${JSON.stringify(this.errors)}`);
  }

  unsubscribe(): void {
    this.stop();
  }
}

export interface WsConnection {
  client: Client;
  /** Resolves on connection_ack; rejects when the socket closes first. */
  connected: Promise<void>;
  /** Resolves with the close event's code and reason. */
  closed: Promise<CloseInfo>;
  /** Set once the socket has closed. */
  closeInfo: CloseInfo | null;
  subscribe<T = any>(query: string, variables?: Record<string, unknown>): WsSubscription<T>;
  dispose(): Promise<CloseInfo>;
}

const open = new Set<WsConnection>();

export interface ConnectOptions {
  /** Extra connectionParams (e.g. `x-tenant-id`). */
  params?: Record<string, unknown>;
}

/** Opens a real graphql-ws client (eager, no retries) against `httpUrl`'s /graphql. */
export function connectWs(httpUrl: string, token?: string | null, options: ConnectOptions = {}): WsConnection {
  const url = `${httpUrl.replace(/^http/, 'ws')}/graphql`;
  let onClosed!: (info: CloseInfo) => void;
  const closed = new Promise<CloseInfo>((resolve) => (onClosed = resolve));
  let onConnected!: () => void;
  let onFailed!: (error: Error) => void;
  const connected = new Promise<void>((resolve, reject) => {
    onConnected = resolve;
    onFailed = reject;
  });
  connected.catch(() => undefined);
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => undefined,
    connectionParams: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...options.params },
  });
  client.on('connected', () => onConnected());
  client.on('closed', (event) => {
    const e = event as { code?: number; reason?: string | Buffer };
    const info = { code: e.code ?? 0, reason: String(e.reason ?? '') };
    connection.closeInfo ??= info;
    onFailed(new Error(`socket closed before acknowledgement: ${info.code} ${info.reason}`));
    onClosed(info);
  });
  client.on('error', (error) => onFailed(error instanceof Error ? error : new Error('socket error')));
  const connection: WsConnection = {
    client,
    connected,
    closed,
    closeInfo: null,
    subscribe: (query, variables = {}) => new WsSubscription(client, query, variables),
    async dispose() {
      open.delete(connection);
      await client.dispose();
      return Promise.race([closed, sleep(2000).then(() => ({ code: -1, reason: 'not closed within 2s' }))]);
    },
  };
  open.add(connection);
  return connection;
}

/** Connects and waits for the acknowledgement. */
export async function connectedWs(httpUrl: string, token?: string | null, options: ConnectOptions = {}): Promise<WsConnection> {
  const connection = connectWs(httpUrl, token, options);
  await connection.connected;
  return connection;
}

/** Closes every client still open; call from afterEach/afterAll. */
export async function disposeAllWs(): Promise<void> {
  await Promise.all([...open].map((c) => c.dispose()));
}
