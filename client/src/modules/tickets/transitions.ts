import { TicketStatus, type TicketCardFragment, type TicketStatusFieldsFragment } from '../../generated/graphql';

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

/** Whether the viewer may move `ticket` to the status with this key (`Ticket.viewerCanChangeStatusKeyTo`). */
export function mayMoveToKey(ticket: Pick<TicketCardFragment, 'statusKey' | 'viewerCanChangeStatusKeyTo'>, key: string): boolean {
  return ticket.statusKey !== key && ticket.viewerCanChangeStatusKeyTo.includes(key);
}

/** The statuses (by key) the viewer may move `ticket` to, in the workspace's order. */
export function allowedStatusTargets(
  ticket: Pick<TicketCardFragment, 'statusKey' | 'viewerCanChangeStatusKeyTo'>,
  statuses: readonly TicketStatusFieldsFragment[],
): TicketStatusFieldsFragment[] {
  return statuses.filter((s) => mayMoveToKey(ticket, s.key));
}
