import { useSubscription } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { TypingDocument } from '../../../generated/graphql';

interface Typist {
  name: string;
  expiresAt: number;
}

/** Who else is typing in this ticket now (entries expire unless renewed). */
export function useTypingUsers(ticketId: string, selfId: string): string[] {
  const [typists, setTypists] = useState<Record<string, Typist>>({});

  useSubscription(TypingDocument, {
    variables: { ticketId },
    onData: ({ data }) => {
      const event = data.data?.typing;
      if (!event || event.userId === selfId) return;
      setTypists((current) => {
        const next = { ...current };
        if (event.isTyping) next[event.userId] = { name: event.name, expiresAt: Date.parse(event.expiresAt) || Date.now() + 6000 };
        else delete next[event.userId];
        return next;
      });
    },
  });

  // Drop indicators that were not renewed (the server stops them after its TTL too).
  const hasTypists = Object.keys(typists).length > 0;
  useEffect(() => {
    if (!hasTypists) return;
    const timer = window.setInterval(() => {
      setTypists((current) => {
        const now = Date.now();
        const alive = Object.entries(current).filter(([, typist]) => typist.expiresAt > now);
        return alive.length === Object.keys(current).length ? current : Object.fromEntries(alive);
      });
    }, 1000);
    return () => window.clearInterval(timer);
  }, [hasTypists]);

  return Object.values(typists).map((typist) => typist.name);
}
