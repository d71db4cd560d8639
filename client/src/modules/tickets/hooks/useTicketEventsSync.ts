import { useSubscription } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useConnectionState } from '../../../app/connection-status';
import { TicketEventsDocument } from '../../../generated/graphql';
import { applyTicketEvent } from '../ticket-events';

/**
 * One `ticketEvents` subscription for the whole signed-in app: each event is applied to the
 * cache, so the board, the list, the portal and an open ticket update in place. After the
 * socket was down it resubscribes from the last event's cursor, and the server replays what
 * was missed (nothing is refetched).
 */
export function useTicketEventsSync(): void {
  const lastCursor = useRef<string | null>(null);
  const [after, setAfter] = useState<string | null>(null);
  const connection = useConnectionState();
  const wasDown = useRef(false);

  useEffect(() => {
    if (connection === 'reconnecting') wasDown.current = true;
    if (connection === 'connected' && wasDown.current) {
      wasDown.current = false;
      if (lastCursor.current) setAfter(lastCursor.current);
    }
  }, [connection]);

  useSubscription(TicketEventsDocument, {
    variables: { after },
    onData: ({ client, data }) => {
      const event = data.data?.ticketEvents;
      if (!event) return;
      lastCursor.current = event.cursor;
      applyTicketEvent(client.cache, event);
    },
  });
}
