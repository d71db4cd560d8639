import type { TicketSlaFieldsFragment } from '../generated/graphql';

/** The SLA part of a ticket no policy covers, for ticket fixtures. */
export const NO_SLA: TicketSlaFieldsFragment = { escalationLevel: 0, firstResponseDueAt: null, resolutionDueAt: null, sla: null };
