import { useTicketEventsSubscription } from '../../../generated/graphql';
import { applyTicketEvent } from '../ticket-events';

/**
 * One `ticketEvents` subscription for the whole signed-in app: each event is applied to the
 * cache, so the board, the list, the portal and an open ticket update in place.
 */
export function useTicketEventsSync(): void {
  useTicketEventsSubscription({
    onData: ({ client, data }) => {
      const event = data.data?.ticketEvents;
      if (event) applyTicketEvent(client.cache, event);
    },
  });
}
