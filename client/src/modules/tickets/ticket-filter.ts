import type { OrderDirection, TicketFilter, TicketOrder, TicketOrderField, TicketPriority } from '../../generated/graphql';

/** The ticket fields the list filters and orders look at (absent ones are unknown). */
export interface TicketFacts {
  id: string;
  status?: string;
  statusKey?: string;
  priority?: string;
  category?: string;
  tags?: readonly string[];
  title?: string;
  description?: string;
  assigneeId?: string | null;
  customerId?: string | null;
  createdAt?: string;
  updatedAt?: string;
  number?: number;
  /** State of the most urgent running SLA clock now (null: none runs). */
  slaState?: string | null;
  /** When that clock is due, epoch ms (null: none runs). */
  slaDueAt?: number | null;
}

/** Where tickets without a running SLA clock sort, like the API's "never due". */
const SLA_NEVER = Date.parse('9999-12-31T00:00:00.000Z');

/**
 * Whether a ticket belongs in a list with `filter`, the way the API's ticket query decides.
 * Criteria whose field is unknown count as met: the caller only lacks them for tickets it is
 * moving between lists that share that criterion.
 */
export function ticketMatchesFilter(ticket: TicketFacts, filter: TicketFilter | null | undefined): boolean {
  if (!filter) return true;
  const known = <T,>(value: T | undefined, test: (value: T) => boolean) => value === undefined || test(value);
  if (filter.status?.length && !known(ticket.status, (s) => (filter.status as string[]).includes(s))) return false;
  if (filter.statusKey?.length && !known(ticket.statusKey, (k) => (filter.statusKey as string[]).includes(k))) return false;
  if (filter.priority && !known(ticket.priority, (p) => p === filter.priority)) return false;
  if (filter.category && !known(ticket.category, (c) => c === filter.category)) return false;
  if (filter.assigneeId && !known(ticket.assigneeId, (a) => a === filter.assigneeId)) return false;
  if (filter.unassigned && !known(ticket.assigneeId, (a) => a == null)) return false;
  if (filter.customerId && !known(ticket.customerId, (c) => c === filter.customerId)) return false;
  if (filter.createdAfter && !known(ticket.createdAt, (c) => Date.parse(c) >= Date.parse(filter.createdAfter as string))) return false;
  if (filter.createdBefore && !known(ticket.createdAt, (c) => Date.parse(c) < Date.parse(filter.createdBefore as string))) return false;
  if (filter.slaState?.length && !known(ticket.slaState, (state) => state !== null && (filter.slaState as string[]).includes(state))) return false;
  if (filter.slaDueBefore && !known(ticket.slaDueAt, (due) => due !== null && due < Date.parse(filter.slaDueBefore as string))) return false;
  const tag = filter.tag?.trim().toLowerCase();
  if (tag && !known(ticket.tags, (tags) => tags.includes(tag))) return false;
  const text = filter.text?.trim().toLowerCase();
  if (text && !ticket.title?.toLowerCase().includes(text) && !known(ticket.description, (d) => d.toLowerCase().includes(text))) {
    return false;
  }
  return true;
}

const PRIORITY_RANK: Record<TicketPriority, number> = { LOW: 1, MEDIUM: 2, HIGH: 3, URGENT: 4 };

function sortValue(ticket: TicketFacts, field: TicketOrderField): number | undefined {
  switch (field) {
    case 'UPDATED_AT':
      return ticket.updatedAt ? Date.parse(ticket.updatedAt) : undefined;
    case 'PRIORITY':
      return ticket.priority ? PRIORITY_RANK[ticket.priority as TicketPriority] : undefined;
    case 'NUMBER':
      return ticket.number;
    case 'SLA_DUE':
      return ticket.slaDueAt === undefined ? undefined : (ticket.slaDueAt ?? SLA_NEVER);
    default:
      return ticket.createdAt ? Date.parse(ticket.createdAt) : undefined;
  }
}

/** Orders tickets like the API's keyset pagination: by the sort key, then by id, in one direction. */
export function compareTickets(order: TicketOrder | null | undefined): (a: TicketFacts, b: TicketFacts) => number {
  const field = (order?.field ?? 'CREATED_AT') as TicketOrderField;
  const sign = ((order?.direction ?? 'DESC') as OrderDirection) === 'DESC' ? -1 : 1;
  return (a, b) => {
    const va = sortValue(a, field) ?? 0;
    const vb = sortValue(b, field) ?? 0;
    if (va !== vb) return sign * (va < vb ? -1 : 1);
    return sign * (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  };
}
