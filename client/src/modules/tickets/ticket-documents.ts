import { combineDocuments } from '../../app/documents';
import { PersonSummaryFragmentDoc, TicketCardFragmentDoc, TicketDetailFragmentDoc } from '../../generated/graphql';

/** Fragment documents with the fragments they spread, for cache reads and writes. */
export const ticketCardFragment = combineDocuments(TicketCardFragmentDoc, PersonSummaryFragmentDoc);
export const ticketDetailFragment = combineDocuments(TicketDetailFragmentDoc, TicketCardFragmentDoc, PersonSummaryFragmentDoc);
