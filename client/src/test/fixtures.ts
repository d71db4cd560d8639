import type { TicketSlaFieldsFragment, TicketStatus } from '../generated/graphql';

/** The SLA part of a ticket no policy covers, for ticket fixtures. */
export const NO_SLA: TicketSlaFieldsFragment = { escalationLevel: 0, firstResponseDueAt: null, resolutionDueAt: null, sla: null };

/**
 * What the API answers in `Ticket.viewerCanChangeStatusTo` for staff of each role (README
 * "Status transitions"): fixture data standing in for the server, which alone decides.
 */
export const API_MOVES: Record<'ADMIN' | 'AGENT', Record<TicketStatus, TicketStatus[]>> = {
  ADMIN: { OPEN: ['IN_PROGRESS', 'CLOSED'], IN_PROGRESS: ['RESOLVED', 'CLOSED'], RESOLVED: ['CLOSED', 'IN_PROGRESS'], CLOSED: [] },
  AGENT: { OPEN: ['IN_PROGRESS'], IN_PROGRESS: ['RESOLVED'], RESOLVED: ['CLOSED', 'IN_PROGRESS'], CLOSED: [] },
};
