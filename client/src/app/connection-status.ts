import { useSyncExternalStore } from 'react';

/** The state of the live (WebSocket) connection, for the reconnect banner. */
export type ConnectionState = 'idle' | 'connected' | 'reconnecting';

let state: ConnectionState = 'idle';
const listeners = new Set<() => void>();

export function getConnectionState(): ConnectionState {
  return state;
}

export function setConnectionState(next: ConnectionState): void {
  if (next === state) return;
  state = next;
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(subscribe, getConnectionState);
}
