import { TicketStatus, type TicketCardFragment } from '../../generated/graphql';

/** The board's columns, in workflow order. */
export const STATUSES: readonly TicketStatus[] = [TicketStatus.Open, TicketStatus.InProgress, TicketStatus.Resolved, TicketStatus.Closed];

/**
 * Whether the viewer may move `ticket` to `to` now. The API decides and says so in
 * `Ticket.viewerCanChangeStatusTo`; the client keeps no copy of the workflow or the role rules.
 */
export function mayMove(ticket: Pick<TicketCardFragment, 'status' | 'viewerCanChangeStatusTo'>, to: TicketStatus): boolean {
  return ticket.status !== to && ticket.viewerCanChangeStatusTo.includes(to);
}

/** The statuses the viewer may move `ticket` to, in workflow order. */
export function allowedTargets(ticket: Pick<TicketCardFragment, 'status' | 'viewerCanChangeStatusTo'>): TicketStatus[] {
  return STATUSES.filter((to) => mayMove(ticket, to));
}
