import { useMutation, useSubscription } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { useConnectionState } from '../../../app/connection-status';
import { AgentsDocument, PresenceStatus, PresenceChangedDocument, SetPresenceDocument } from '../../../generated/graphql';

const STORAGE_KEY = 'sociodesk.presence';

/** The status this person chose (AWAY or BUSY survive reconnects; the server resets to ONLINE). */
export function chosenPresence(): PresenceStatus {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === PresenceStatus.Away || stored === PresenceStatus.Busy) return stored;
  } catch {
    // no storage
  }
  return PresenceStatus.Online;
}

let previous: Promise<unknown> = Promise.resolve();

/**
 * Sends presence changes one at a time, in the order they were made: the status a reconnect
 * states again, sent just before the person picks another, must not reach the server after it.
 */
export function sendInOrder<T>(send: () => Promise<T>): Promise<T> {
  const next = previous.then(send, send);
  previous = next.catch(() => undefined);
  return next;
}

export function rememberPresence(status: PresenceStatus): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, status);
  } catch {
    // not remembered; still applies now
  }
}

/**
 * For staff: follows presenceChanged (Apollo writes each event over the agent's cached
 * presence, so dots update everywhere). Whenever the socket (re)connects it states the chosen
 * status again (the server marks a new connection ONLINE, and its event may have gone out
 * before this subscription started), then reads the agents' presence once more.
 */
export function usePresenceSync(enabled: boolean): void {
  useSubscription(PresenceChangedDocument, { skip: !enabled });
  const [setPresence] = useMutation(SetPresenceDocument);
  const state = useConnectionState();
  const applied = useRef(false);
  useEffect(() => {
    if (!enabled) return;
    if (state !== 'connected') {
      applied.current = false;
      return;
    }
    if (applied.current) return;
    applied.current = true;
    // The chosen status is read when the request goes out, after any change queued before it.
    void sendInOrder(() => setPresence({ variables: { status: chosenPresence() }, refetchQueries: [AgentsDocument] })).catch(() => undefined);
  }, [enabled, state, setPresence]);
}
