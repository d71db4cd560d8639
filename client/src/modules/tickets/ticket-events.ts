import type { ApolloCache } from '@apollo/client';
import { TicketDetailFragmentDoc, TicketEventType, type TicketEventsSubscription } from '../../generated/graphql';
import { appendMessage } from '../conversation/message-cache';
import { removeTicketFromCache, syncTicketIntoLists } from './ticket-cache';

export type TicketEvent = TicketEventsSubscription['ticketEvents'];

/**
 * Applies one `ticketEvents` event to the cache: the ticket as it is after the change is
 * written (so every screen showing it updates), then the cached lists are adjusted (new
 * tickets appear, deleted ones disappear, moved ones move, new messages join their thread).
 * Nothing is fetched, and applying an event twice changes nothing.
 */
export function applyTicketEvent(cache: ApolloCache, event: TicketEvent): void {
  if (event.type === TicketEventType.TicketDeleted) {
    removeTicketFromCache(cache, event.ticketId);
    return;
  }
  cache.writeFragment({ fragment: TicketDetailFragmentDoc, fragmentName: 'TicketDetail', data: event.ticket });
  syncTicketIntoLists(cache, event.ticket.id);
  // A replayed MESSAGE_POSTED brings the message too, so an open thread misses nothing.
  if (event.message) appendMessage(cache, event.message);
}
