import { useMutation } from '@apollo/client/react';
import { useCallback, useEffect, useRef } from 'react';
import { SetTypingDocument } from '../../../generated/graphql';

/** Renew "typing" this often while keys are pressed (the server forgets it a few seconds later). */
export const TYPING_RENEW_MS = 3000;
/** Say "stopped typing" after this long without a key. */
export const TYPING_IDLE_MS = 4000;

/**
 * Tells others in the ticket that you are typing: `typed()` on every change renews setTyping
 * about every 3 s; `stopped()` (sent, cleared, left) ends it at once.
 */
export function useTypingSignal(ticketId: string, internal: boolean): { typed: () => void; stopped: () => void } {
  const [setTyping] = useMutation(SetTypingDocument);
  const lastSent = useRef(0);
  const idleTimer = useRef<number | undefined>(undefined);
  const typingAs = useRef<boolean | null>(null);

  const send = useCallback(
    (isTyping: boolean, asInternal: boolean) => {
      void setTyping({ variables: { ticketId, isTyping, internal: asInternal } }).catch(() => undefined);
    },
    [setTyping, ticketId],
  );

  const stopped = useCallback(() => {
    window.clearTimeout(idleTimer.current);
    if (typingAs.current === null) return;
    send(false, typingAs.current);
    typingAs.current = null;
    lastSent.current = 0;
  }, [send]);

  const typed = useCallback(() => {
    const now = Date.now();
    // Switching between reply and internal note: end the old indicator first.
    if (typingAs.current !== null && typingAs.current !== internal) stopped();
    if (typingAs.current === null || now - lastSent.current >= TYPING_RENEW_MS) {
      send(true, internal);
      typingAs.current = internal;
      lastSent.current = now;
    }
    window.clearTimeout(idleTimer.current);
    idleTimer.current = window.setTimeout(stopped, TYPING_IDLE_MS);
  }, [internal, send, stopped]);

  useEffect(() => stopped, [stopped]);
  return { typed, stopped };
}
