import { useApolloClient, useQuery } from '@apollo/client/react';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { CannedResponsesDocument, RenderCannedResponseDocument, type CannedResponseFieldsFragment } from '../../../generated/graphql';

const MAX_SHOWN = 8;

/** Where a `/` command starts and where the caret is, while the picker is open. */
interface SlashState {
  start: number;
  caret: number;
  active: number;
}

/** The canned responses whose title or text contain the query (case-insensitive). */
export function matchCanned(items: readonly CannedResponseFieldsFragment[], query: string): CannedResponseFieldsFragment[] {
  const q = query.trim().toLowerCase();
  const found = q ? items.filter((c) => c.title.toLowerCase().includes(q) || c.body.toLowerCase().includes(q)) : items;
  return found.slice(0, MAX_SHOWN);
}

/**
 * The reply box's `/` command: typing `/` at the start of a word opens the picker, the
 * following characters search, and choosing one replaces `/query` with the response rendered
 * for the ticket by the API (variables filled).
 */
export function useCannedSlash(opts: { ticketId: string; enabled: boolean; body: string; setBody: (next: string) => void; onError: (e: unknown) => void }) {
  const { ticketId, enabled, body, setBody, onError } = opts;
  const client = useApolloClient();
  const [slash, setSlash] = useState<SlashState | null>(null);
  const { data, loading } = useQuery(CannedResponsesDocument, { skip: !enabled || !slash });
  const query = slash ? body.slice(slash.start + 1, slash.caret) : '';
  const matches = useMemo(() => matchCanned(data?.cannedResponses ?? [], query), [data, query]);
  const active = slash ? Math.min(slash.active, Math.max(matches.length - 1, 0)) : 0;

  /** Call from the textarea's onChange with its new value and caret. */
  const changed = (value: string, caret: number) => {
    if (!enabled) return;
    if (slash) {
      const stillOpen = caret > slash.start && value[slash.start] === '/' && !/\s/.test(value.slice(slash.start + 1, caret));
      setSlash(stillOpen ? { ...slash, caret } : null);
      return;
    }
    const typed = value[caret - 1];
    const before = caret >= 2 ? value[caret - 2]! : '';
    if (typed === '/' && value.length > body.length && (caret === 1 || /\s/.test(before))) setSlash({ start: caret - 1, caret, active: 0 });
  };

  const choose = async (item: CannedResponseFieldsFragment) => {
    if (!slash) return;
    const { start, caret } = slash;
    setSlash(null);
    try {
      const { data: rendered } = await client.query({ query: RenderCannedResponseDocument, variables: { id: item.id, ticketId }, fetchPolicy: 'network-only' });
      if (!rendered) throw new Error('No rendered canned response');
      setBody(body.slice(0, start) + rendered.renderCannedResponse + body.slice(caret));
    } catch (error) {
      onError(error);
    }
  };

  /** Call from the textarea's onKeyDown; returns true when the picker handled the key. */
  const keyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!slash) return false;
    if (event.key === 'Escape') {
      event.preventDefault();
      setSlash(null);
      return true;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const count = Math.max(matches.length, 1);
      setSlash({ ...slash, active: (active + step + count) % count });
      return true;
    }
    if ((event.key === 'Enter' || event.key === 'Tab') && matches[active]) {
      event.preventDefault();
      void choose(matches[active]);
      return true;
    }
    return false;
  };

  return { open: !!slash, query, matches, active, loading, changed, keyDown, choose, close: () => setSlash(null) };
}

export type CannedSlash = ReturnType<typeof useCannedSlash>;
