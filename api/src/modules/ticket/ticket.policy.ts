import { hasScope, Role, type Principal } from '../../platform/auth/principal.js';
import { can, Permission } from '../../platform/auth/permissions.js';
import { Scope } from '../../platform/auth/scopes.js';
import { badInput, forbidden, notFound } from '../../platform/errors.js';
import { TicketStatus } from './ticket.enums.js';
import type { Ticket } from './ticket.entity.js';

/**
 * Every record-level ticket rule lives here. Queries, nested fields, mutations and
 * subscriptions call these checks; nothing else decides who may see or change a ticket.
 */

export const isStaff = (p: Principal): boolean => p.role === Role.ADMIN || p.role === Role.AGENT;

/** Staff and API keys (PARTNER, with tickets:read by directive) see every ticket of their tenant. */
export const seesAllTickets = (p: Principal): boolean => isStaff(p) || p.role === Role.PARTNER;

/** Which tickets a principal may see at all (merged into every ticket query). */
export function visibleTicketsWhere(p: Principal): { customerId?: string } {
  return seesAllTickets(p) ? {} : { customerId: p.userId };
}

/** Customers see only their own tickets; others' tickets do not exist for them. */
export function assertCanView(p: Principal, ticket: Ticket | null | undefined): asserts ticket is Ticket {
  if (!ticket) throw notFound('Ticket');
  if (!seesAllTickets(p) && ticket.customerId !== p.userId) throw notFound('Ticket');
}

/** Internal notes (and their events) are for staff only: never for customers or API keys. */
export const canSeeInternal = (p: Principal): boolean => isStaff(p);

/** Users read the messages of tickets they see; an API key also needs messages:read. */
export const canReadMessages = (p: Principal): boolean => hasScope(p, Scope.MESSAGES_READ);

export function assertCanReadMessages(p: Principal): void {
  if (!canReadMessages(p)) throw forbidden('This API key lacks the scope messages:read', { missingScopes: [Scope.MESSAGES_READ] });
}

export const TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  [TicketStatus.OPEN]: [TicketStatus.IN_PROGRESS, TicketStatus.CLOSED],
  [TicketStatus.IN_PROGRESS]: [TicketStatus.RESOLVED, TicketStatus.CLOSED],
  [TicketStatus.RESOLVED]: [TicketStatus.CLOSED, TicketStatus.IN_PROGRESS],
  [TicketStatus.CLOSED]: [],
};

/** Why the principal may not move the ticket to `to` now, or null when it may (the one transition rule). */
function transitionRefusal(p: Principal, ticket: Ticket, to: TicketStatus) {
  const from = ticket.status;
  if (!TRANSITIONS[from].includes(to)) {
    return badInput({ status: [`cannot change from ${from} to ${to}`] }, `Illegal status transition ${from} → ${to}`);
  }
  if (p.role === Role.CUSTOMER) {
    return from === TicketStatus.RESOLVED && to === TicketStatus.CLOSED ? null : forbidden(`Customers may only close a resolved ticket (not ${from} → ${to})`);
  }
  if (to === TicketStatus.CLOSED && from !== TicketStatus.RESOLVED && p.role !== Role.ADMIN) {
    return forbidden(`Only admins may close a ticket that is ${from} (${from} → ${to})`);
  }
  return null;
}

export function assertCanTransition(p: Principal, ticket: Ticket, to: TicketStatus): void {
  const refusal = transitionRefusal(p, ticket, to);
  if (refusal) throw refusal;
}

/** Moving between statuses of one category (e.g. IN_PROGRESS → "Waiting on customer"): staff and API keys with tickets:write. */
export function assertCanMoveWithinCategory(p: Principal, ticket: Ticket): void {
  if (!canEditTicket(p)) throw forbidden(`Only staff may change the status of ticket #${ticket.number} within ${ticket.status}`);
  if (ticket.status === TicketStatus.CLOSED) throw badInput({ statusKey: ['ticket is closed'] }, `Ticket #${ticket.number} is closed`);
}

/**
 * The status keys the principal may move this ticket to now (Ticket.viewerCanChangeStatusKeyTo):
 * every active status of an allowed category, and the other statuses of its own category.
 */
export function allowedStatusKeys(p: Principal, ticket: Ticket, statuses: ReadonlyArray<{ key: string; category: TicketStatus; active: boolean }>): string[] {
  const categories = new Set(allowedTransitions(p, ticket));
  const within = canEditTicket(p) && ticket.status !== TicketStatus.CLOSED;
  return statuses
    .filter((s) => s.active && s.key !== ticket.statusKey && (categories.has(s.category) || (within && s.category === ticket.status)))
    .map((s) => s.key);
}

/** API keys change tickets only with tickets:write; users by their role. */
const mayWriteTickets = (p: Principal): boolean => hasScope(p, Scope.TICKETS_WRITE);

/** The statuses the principal may move this ticket to now (Ticket.viewerCanChangeStatusTo). */
export function allowedTransitions(p: Principal, ticket: Ticket): TicketStatus[] {
  if (!mayWriteTickets(p)) return [];
  return TRANSITIONS[ticket.status].filter((to) => !transitionRefusal(p, ticket, to));
}

/** Title, description, priority, category and tags: staff and API keys with tickets:write. */
export const canEditTicket = (p: Principal): boolean =>
  ((isStaff(p) && can(p, Permission.TICKETS_UPDATE)) || p.role === Role.PARTNER) && mayWriteTickets(p);

/** Whether the viewer may assign this ticket (see canAssign). */
export const canAssignTicket = (p: Principal, ticket: Ticket): boolean => canAssign(p, ticket);

/**
 * Staff holding tickets.assign may claim an unassigned ticket. (Depends on role, permissions and ticket only:
 * subscription results are shared by role and permission set.)
 */
export const canClaimTicket = (p: Principal, ticket: Ticket): boolean => isStaff(p) && can(p, Permission.TICKETS_ASSIGN) && !ticket.assigneeId;

/** Closed tickets take no more messages; a follow-up ticket should be opened instead. */
export function assertCanPostMessage(p: Principal, ticket: Ticket, internal: boolean): void {
  if (internal && !isStaff(p)) throw forbidden('Only staff may write internal notes');
  if (ticket.status === TicketStatus.CLOSED) {
    throw badInput({ ticketId: ['ticket is closed; open a new ticket instead'] }, `Ticket #${ticket.number} is closed`);
  }
}

/** Agents hand off tickets they hold or that are unassigned (to a colleague, or back to the queue); admins assign any. */
export function canAssign(p: Principal, ticket: Ticket): boolean {
  if (!can(p, Permission.TICKETS_ASSIGN)) return false;
  if (p.role === Role.ADMIN) return true;
  return p.role === Role.AGENT && (ticket.assigneeId === null || ticket.assigneeId === p.userId);
}

export function assertCanAssign(p: Principal, ticket: Ticket): void {
  if (!canAssign(p, ticket)) {
    throw forbidden(`Ticket #${ticket.number} is held by another agent; only they or an admin may reassign it`);
  }
}

/** Who may open a ticket for someone else: staff and API keys (customers open their own). */
export const opensForCustomers = (p: Principal): boolean => isStaff(p) || p.role === Role.PARTNER;

/** Adding a new customer while opening a ticket is for staff (users), never API keys. */
export const canAddCustomers = (p: Principal): boolean => isStaff(p);

// --- Triage data: tags, priority and their changes are for staff (and API keys) by default.

/** Tags are staff-only: customers never see them, nor their changes. */
export const seesTags = (p: Principal): boolean => p.role !== Role.CUSTOMER;

/** Priority is staff-only unless the workspace shows it to customers (`customersSeePriority`). */
export const seesPriority = (p: Principal, customersSeePriority: boolean): boolean => p.role !== Role.CUSTOMER || customersSeePriority;

export const TAG_EVENT_TYPES: readonly string[] = ['TAG_ADDED', 'TAG_REMOVED'];
/** Field changes that are staff triage data: priority (unless the workspace shows it) and tags (`tags` before → after, as a macro records them). */
const TRIAGE_FIELDS: ReadonlySet<string> = new Set(['priority', 'tags']);
/** Events that carry a list of field changes, each visible on its own (an update, a macro's application). */
const FIELD_CHANGE_TYPES: readonly string[] = ['TICKET_UPDATED', 'MACRO_APPLIED'];

const seesField = (p: Principal, customersSeePriority: boolean, field: string): boolean =>
  field === 'tags' ? seesTags(p) : field === 'priority' ? seesPriority(p, customersSeePriority) : true;

/**
 * Whether an event carries nothing but triage data (a tag change, or field changes of priority
 * and tags only). Stored on the event row, so timelines and feeds can leave such events out in SQL.
 */
export function isTriageOnly(type: string, changes: ReadonlyArray<{ field: string }> | undefined): boolean {
  if (TAG_EVENT_TYPES.includes(type)) return true;
  return FIELD_CHANGE_TYPES.includes(type) && !!changes?.length && changes.every((c) => TRIAGE_FIELDS.has(c.field));
}

/** The field changes of an event a principal may see (per change: an update that also changed priority keeps its other changes). */
export function visibleChanges<C extends { field: string }>(p: Principal, customersSeePriority: boolean, changes: C[]): C[] {
  return changes.filter((c) => seesField(p, customersSeePriority, c.field));
}

/** Whether a principal may see an event at all, as far as triage data goes. */
export function seesTriageEvent(p: Principal, customersSeePriority: boolean, e: { type: string; triage: boolean; changes?: ReadonlyArray<{ field: string }> }): boolean {
  if (!e.triage) return true;
  if (TAG_EVENT_TYPES.includes(e.type)) return seesTags(p);
  if (e.changes) return e.changes.some((c) => seesField(p, customersSeePriority, c.field));
  return seesPriority(p, customersSeePriority);
}

/** The kind of change one field change is, as its own event would have been typed. */
const KIND_OF_FIELD: Record<string, string> = { status: 'STATUS_CHANGED', statusKey: 'STATUS_CHANGED', assigneeId: 'TICKET_ASSIGNED', tags: 'TAG_ADDED' };

/**
 * Every kind of change an event carries: its own type, and for an event that combines field
 * changes (a macro's application) the type each change would have had alone. Subscribers and
 * webhooks asking for STATUS_CHANGED also get a macro's status change.
 */
export function changeKinds(type: string, changes: ReadonlyArray<{ field: string }> | undefined): string[] {
  if (type !== 'MACRO_APPLIED') return [type];
  const kinds = new Set([type, ...(changes ?? []).map((c) => KIND_OF_FIELD[c.field] ?? 'TICKET_UPDATED')]);
  if (kinds.has('TAG_ADDED')) kinds.add('TAG_REMOVED');
  return [...kinds];
}

/** Customers may not filter or sort by what they cannot see (the answer would reveal it). */
export function assertCanFilterTriage(
  p: Principal,
  customersSeePriority: boolean,
  filter: { tag?: string | null; priority?: string | null } | null | undefined,
  orderField: string | null | undefined,
): void {
  if (filter?.tag && !seesTags(p)) throw badInput({ tag: ['tags are for staff only'] });
  if (seesPriority(p, customersSeePriority)) return;
  if (filter?.priority) throw badInput({ priority: ['priority is for staff only'] });
  if (orderField === 'PRIORITY') throw badInput({ orderBy: ['priority is for staff only'] });
}

/** Agents may claim only unassigned tickets. */
export function assertCanClaim(p: Principal, ticket: Ticket): void {
  if (!isStaff(p)) throw forbidden('Only staff may claim tickets');
  if (ticket.assigneeId && ticket.assigneeId !== p.userId) {
    throw badInput({ id: ['ticket is already assigned'] }, `Ticket #${ticket.number} is already assigned`);
  }
}
