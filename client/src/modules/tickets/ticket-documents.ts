import { combineDocuments } from '../../app/documents';
import { PersonSummaryFragmentDoc, TicketCardFragmentDoc, TicketDetailFragmentDoc } from '../../generated/graphql';

/** The TicketDetail fragment with the fragments it spreads, for cache writes. */
export const ticketDetailFragment = combineDocuments(TicketDetailFragmentDoc, TicketCardFragmentDoc, PersonSummaryFragmentDoc);
