import { Role, TicketStatus } from '../../generated/graphql';

/** The board's columns, in workflow order. */
export const STATUSES: readonly TicketStatus[] = [TicketStatus.Open, TicketStatus.InProgress, TicketStatus.Resolved, TicketStatus.Closed];

/** The workflow the API enforces (README "Status transitions"); the server has the last word. */
export const TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  OPEN: [TicketStatus.InProgress, TicketStatus.Closed],
  IN_PROGRESS: [TicketStatus.Resolved, TicketStatus.Closed],
  RESOLVED: [TicketStatus.Closed, TicketStatus.InProgress],
  CLOSED: [],
};

/**
 * Whether someone with `role` may move a ticket from `from` to `to`: customers only close
 * resolved tickets, and only admins close tickets that were not resolved first.
 */
export function canTransition(role: Role, from: TicketStatus, to: TicketStatus): boolean {
  if (from === to || !TRANSITIONS[from].includes(to)) return false;
  if (role === Role.Customer) return from === TicketStatus.Resolved && to === TicketStatus.Closed;
  if (to === TicketStatus.Closed && from !== TicketStatus.Resolved) return role === Role.Admin;
  return true;
}

/** The statuses `role` may move a ticket in `from` to, in workflow order. */
export function allowedTargets(role: Role, from: TicketStatus): TicketStatus[] {
  return STATUSES.filter((to) => canTransition(role, from, to));
}
