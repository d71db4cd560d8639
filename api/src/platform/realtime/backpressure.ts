import type { WebSocket } from 'ws';

/**
 * Backpressure for WebSocket subscribers. A socket whose peer stops reading keeps its
 * unsent frames in this process (ws `bufferedAmount`); past a limit the subscriber is
 * closed instead of buffered without bound, so memory stays bounded and the other
 * subscribers (written to in the same loop, never waiting on this one) are not held up.
 *
 * Close code 1013 ("Try Again Later", RFC 6455): clients reconnect and resume, e.g. with
 * `ticketEvents(after:)`. The close frame itself waits behind the unread data, so a peer
 * that still reads nothing within `graceMs` is dropped (its buffers freed at once).
 */
export const SLOW_CONSUMER_CLOSE_CODE = 1013;
export const SLOW_CONSUMER_REASON = 'Subscriber too slow';
export const DEFAULT_MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
const CLOSE_GRACE_MS = 1000;

let closedSlowConsumers = 0;

/** How many sockets this process closed for falling behind (for metrics and tests). */
export function slowConsumersClosed(): number {
  return closedSlowConsumers;
}

export class Backpressure {
  constructor(private readonly maxBufferedBytes = DEFAULT_MAX_BUFFERED_BYTES) {}

  /**
   * Sends `data` unless the socket is closed or too far behind (then closes it). Returns
   * whether the frame was handed to the socket.
   */
  send(socket: WebSocket, data: string, callback?: (err?: Error) => void): boolean {
    if (socket.readyState !== socket.OPEN) {
      callback?.();
      return false;
    }
    if (socket.bufferedAmount > 0 && socket.bufferedAmount + data.length > this.maxBufferedBytes) {
      this.closeSlow(socket);
      callback?.();
      return false;
    }
    socket.send(data, callback);
    return true;
  }

  private closeSlow(socket: WebSocket): void {
    closedSlowConsumers++;
    socket.close(SLOW_CONSUMER_CLOSE_CODE, SLOW_CONSUMER_REASON);
    setTimeout(() => {
      if (socket.readyState !== socket.CLOSED) socket.terminate();
    }, CLOSE_GRACE_MS).unref();
  }
}
