import { combineDocuments } from '../../app/documents';
import {
  PersonSummaryFragmentDoc,
  SlaClockFieldsFragmentDoc,
  TicketCardFragmentDoc,
  TicketDetailFragmentDoc,
  TicketSlaFieldsFragmentDoc,
} from '../../generated/graphql';

/** The TicketDetail fragment with the fragments it spreads, for cache writes. */
export const ticketDetailFragment = combineDocuments(
  TicketDetailFragmentDoc,
  TicketCardFragmentDoc,
  TicketSlaFieldsFragmentDoc,
  SlaClockFieldsFragmentDoc,
  PersonSummaryFragmentDoc,
);
