import { useCallback, useEffect, useRef, useState } from 'react';

const PREFIX = 'sociodesk.draft.';

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export interface Draft {
  body: string;
  internal: boolean;
}

/** The key of a user's draft on a ticket: drafts belong to a person, not to the browser. */
export const draftKey = (userId: string, ticketId: string) => `${PREFIX}${userId}.${ticketId}`;

export function readDraft(key: string): Draft | null {
  try {
    const raw = storage()?.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Draft>;
    return typeof parsed.body === 'string' ? { body: parsed.body, internal: parsed.internal === true } : null;
  } catch {
    return null;
  }
}

/**
 * A reply kept in this browser's local storage while it is written, per user and ticket, until
 * it is sent or discarded. It survives reloads, signing out and back in, and closed tabs.
 */
export function useDraft(userId: string, ticketId: string) {
  const key = draftKey(userId, ticketId);
  const [draft, setDraftState] = useState<Draft>(() => readDraft(key) ?? { body: '', internal: false });
  const [saved, setSaved] = useState(() => readDraft(key) !== null);
  const timer = useRef<number | undefined>(undefined);

  // Another ticket (or user): start from that one's draft.
  useEffect(() => {
    setDraftState(readDraft(key) ?? { body: '', internal: false });
    setSaved(readDraft(key) !== null);
  }, [key]);

  const setDraft = useCallback(
    (next: Draft) => {
      setDraftState(next);
      window.clearTimeout(timer.current);
      // Written a moment after typing stops, so every keystroke does not hit storage.
      timer.current = window.setTimeout(() => {
        if (next.body.trim()) storage()?.setItem(key, JSON.stringify(next));
        else storage()?.removeItem(key);
        setSaved(!!next.body.trim());
      }, 300);
    },
    [key],
  );

  /** Sent or discarded: the draft is gone. */
  const clear = useCallback(() => {
    window.clearTimeout(timer.current);
    storage()?.removeItem(key);
    setDraftState((current) => ({ body: '', internal: current.internal }));
    setSaved(false);
  }, [key]);

  // Leaving the page keeps what was typed in the last moment too.
  useEffect(() => () => window.clearTimeout(timer.current), []);

  return { draft, setDraft, clear, saved };
}
