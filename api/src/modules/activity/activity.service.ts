import type { EntityManager } from '@mikro-orm/core';
import { nextCounterValue } from '../../platform/db/counter.entity.js';
import { cursorInteger, decodeCursor, encodeCursor, forwardPage, pageSize, type Connection } from '../../platform/graphql/pagination.js';
import type { Ticket } from '../ticket/ticket.entity.js';
import { isTriageOnly, TAG_EVENT_TYPES } from '../ticket/ticket.policy.js';
import type { TicketChange, TicketEventLog } from '../ticket/ticket.events.js';
import type { TicketActivity } from './activity.types.js';
import { EVENT_SEQ_COUNTER, TicketEvent, TicketEventType, type FieldChangeData } from './ticket-event.entity.js';
import { ticketSnapshot } from './ticket-event.format.js';

export type EventListener = (events: TicketEvent[]) => void | Promise<void>;
/** Runs inside the writing transaction for each recorded event (notifications, the SLA system note). */
export type RecordHook = (tx: EntityManager, event: TicketEvent, ticket: Ticket) => Promise<void>;

/**
 * The ticket's event log: writes TicketEvent rows inside the caller's transaction and hands
 * committed events to listeners (subscriptions, webhooks, notifications) only after the
 * transaction commits. Other modules react to ticket changes here, never by writing tickets.
 */
export class ActivityService implements TicketEventLog {
  private readonly listeners: EventListener[] = [];
  private readonly hooks: RecordHook[] = [];

  onRecorded(hook: RecordHook): void {
    this.hooks.push(hook);
  }

  onCommitted(listener: EventListener): void {
    this.listeners.push(listener);
  }

  /** Must run inside a transaction; the event exists only if that transaction commits. */
  async record(tx: EntityManager, ticket: Ticket, actorId: string | null, change: TicketChange): Promise<TicketEvent> {
    const seq = await nextCounterValue(tx, EVENT_SEQ_COUNTER, 1);
    const event = tx.create(TicketEvent, {
      seq,
      type: change.type,
      ticketId: ticket.id,
      actorId,
      internal: change.internal ?? false,
      triage: isTriageOnly(change.type, change.payload?.changes),
      payload: { ...change.payload, ticket: ticketSnapshot(ticket) },
    });
    tx.persist(event);
    for (const hook of this.hooks) await hook(tx, event, ticket);
    return event;
  }

  /** Call after commit with the events the transaction recorded. */
  async committed(events: object[]): Promise<void> {
    if (!events.length) return;
    for (const listener of this.listeners) await listener(events as TicketEvent[]);
  }
}

const SUMMARIES: Record<TicketEventType, string> = {
  TICKET_CREATED: 'created the ticket',
  TICKET_UPDATED: 'updated',
  TICKET_ASSIGNED: 'assigned the ticket',
  TICKET_CLAIMED: 'claimed the ticket',
  STATUS_CHANGED: 'changed status',
  MESSAGE_POSTED: 'posted a message',
  TAG_ADDED: 'added tag',
  TAG_REMOVED: 'removed tag',
  TICKET_DELETED: 'deleted the ticket',
  SLA_AT_RISK: 'SLA at risk',
  SLA_ESCALATED: 'SLA breached, escalated',
  MACRO_APPLIED: 'applied a macro',
  CHAT_ASSIGNED: 'chat assigned',
};

/**
 * One timeline entry. `staff: false` (customers): a macro's application reads as the update it
 * made, without the macro's name (the macro is staff tooling).
 */
export function toActivity(e: TicketEvent, changes: FieldChangeData[] = e.payload.changes ?? [], staff = true): TicketActivity {
  const type = !staff && e.type === TicketEventType.MACRO_APPLIED ? TicketEventType.TICKET_UPDATED : e.type;
  const macro = staff ? (e.payload.macro ?? null) : null;
  const detail = [
    ...changes.map((c) => `${c.field} ${c.from ?? '—'} → ${c.to ?? '—'}`),
    ...(e.payload.tag ? [e.payload.tag] : []),
    ...(macro ? [macro] : []),
    ...(e.payload.sla ? [e.payload.sla.toLowerCase().replace('_', ' ')] : []),
    ...(e.type === TicketEventType.MESSAGE_POSTED && e.internal ? ['(internal note)'] : []),
  ].join(', ');
  return {
    id: e.id,
    seq: e.seq,
    type,
    actorId: e.actorId,
    createdAt: e.createdAt,
    changes,
    tag: e.payload.tag ?? null,
    messageId: e.payload.messageId ?? null,
    internal: e.internal,
    sla: e.payload.sla ?? null,
    macro,
    summary: detail ? `${SUMMARIES[type]}: ${detail}` : SUMMARIES[type],
  };
}

/** What of a timeline a viewer sees: internal notes, tag changes, priority changes. */
export interface ActivityView {
  internal: boolean;
  tags: boolean;
  priority: boolean;
}

/** Leaves out what the viewer may not see, in SQL (so pages and counts stay right). */
function viewWhere(view: ActivityView): { internal?: boolean; triage?: boolean; type?: { $nin: TicketEventType[] } } {
  const where: { internal?: boolean; triage?: boolean; type?: { $nin: TicketEventType[] } } = view.internal ? {} : { internal: false };
  if (!view.tags && !view.priority) where.triage = false;
  else if (!view.tags) where.type = { $nin: TAG_EVENT_TYPES as TicketEventType[] };
  return where;
}

/** The field changes the viewer may see, per change (an update that also changed priority keeps its other changes). */
function changesForView(e: TicketEvent, view: ActivityView): FieldChangeData[] {
  const changes = e.payload.changes ?? [];
  return changes.filter((c) => (c.field === 'priority' ? view.priority : c.field === 'tags' ? view.tags : true));
}

/** A ticket's timeline in sequence order; customers never see internal-note events nor staff-only triage data. */
export async function listActivities(
  em: EntityManager,
  ticketId: string,
  view: ActivityView,
  first?: number | null,
  after?: string | null,
): Promise<Connection<TicketActivity>> {
  const limit = pageSize(first, 50);
  const where = { ticketId, ...viewWhere(view) };
  const afterSeq = after ? cursorInteger(decodeCursor(after, 'after', 1)[0]) : 0;
  const [rows, totalCount] = await Promise.all([
    em.find(TicketEvent, { ...where, seq: { $gt: afterSeq } }, { orderBy: { seq: 'asc' }, limit: limit + 1 }),
    em.count(TicketEvent, where),
  ]);
  return { ...forwardPage(rows, limit, !!after, (e) => ({ node: toActivity(e, changesForView(e, view), view.internal), cursor: encodeCursor([e.seq]) })), totalCount };
}
