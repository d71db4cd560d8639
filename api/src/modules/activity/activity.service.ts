import type { EntityManager } from '@mikro-orm/core';
import { nextCounterValue } from '../../platform/db/counter.entity.js';
import { cursorInteger, decodeCursor, encodeCursor, forwardPage, pageSize, type Connection } from '../../platform/graphql/pagination.js';
import type { Ticket } from '../ticket/ticket.entity.js';
import { isTriageOnly, TAG_EVENT_TYPES } from '../ticket/ticket.policy.js';
import type { TicketActivity } from './activity.types.js';
import { TicketEvent, TicketEventType, type FieldChangeData, type TicketEventPayload } from './ticket-event.entity.js';

export type EventListener = (events: TicketEvent[]) => void | Promise<void>;
/** Runs inside the writing transaction for each recorded event (e.g. to write notifications). */
export type RecordHook = (tx: EntityManager, event: TicketEvent, ticket: Ticket) => Promise<void>;

export interface RecordInput {
  ticket: Ticket;
  type: TicketEventType;
  actorId: string | null;
  payload?: Omit<TicketEventPayload, 'ticket'>;
  internal?: boolean;
}

/** The public state of a ticket, stored in each event so readers need no second lookup. */
export function ticketSnapshot(t: Ticket): Record<string, unknown> {
  return {
    id: t.id,
    number: t.number,
    title: t.title,
    description: t.description,
    status: t.status,
    priority: t.priority,
    category: t.category,
    channel: t.channel,
    customerId: t.customerId,
    assigneeId: t.assigneeId,
    escalationLevel: t.escalationLevel,
    tags: [...t.tags],
    version: t.version,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    firstResponseAt: t.firstResponseAt?.toISOString() ?? null,
    resolvedAt: t.resolvedAt?.toISOString() ?? null,
    closedAt: t.closedAt?.toISOString() ?? null,
    firstResponseDueAt: t.firstResponseDueAt?.toISOString() ?? null,
    resolutionDueAt: t.resolutionDueAt?.toISOString() ?? null,
    slaPolicyId: t.slaPolicyId,
    slaBusinessHours: t.slaBusinessHours,
    slaFirstResponseMinutes: t.slaFirstResponseMinutes,
    slaResolutionMinutes: t.slaResolutionMinutes,
    slaPausedAt: t.slaPausedAt?.toISOString() ?? null,
    deleted: t.deletedAt !== null,
  };
}

/**
 * Writes TicketEvent rows inside the caller's transaction and hands committed events to
 * listeners (subscriptions, webhooks) only after the transaction commits.
 */
export class ActivityService {
  private readonly listeners: EventListener[] = [];
  private readonly hooks: RecordHook[] = [];

  onRecorded(hook: RecordHook): void {
    this.hooks.push(hook);
  }

  onCommitted(listener: EventListener): void {
    this.listeners.push(listener);
  }

  /** Must run inside a transaction; the event exists only if that transaction commits. */
  async record(tx: EntityManager, input: RecordInput): Promise<TicketEvent> {
    const seq = await nextCounterValue(tx, 'event_seq', 1);
    const event = tx.create(TicketEvent, {
      seq,
      type: input.type,
      ticketId: input.ticket.id,
      actorId: input.actorId,
      internal: input.internal ?? false,
      triage: isTriageOnly(input.type, input.payload?.changes),
      payload: { ...input.payload, ticket: ticketSnapshot(input.ticket) },
    });
    tx.persist(event);
    for (const hook of this.hooks) await hook(tx, event, input.ticket);
    return event;
  }

  /** Call after commit with the events the transaction recorded. */
  async committed(events: TicketEvent[]): Promise<void> {
    if (!events.length) return;
    for (const listener of this.listeners) await listener(events);
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
};

export function toActivity(e: TicketEvent, changes: FieldChangeData[] = e.payload.changes ?? []): TicketActivity {
  const detail = [
    ...changes.map((c) => `${c.field} ${c.from ?? '—'} → ${c.to ?? '—'}`),
    ...(e.payload.tag ? [e.payload.tag] : []),
    ...(e.payload.sla ? [e.payload.sla.toLowerCase().replace('_', ' ')] : []),
    ...(e.type === TicketEventType.MESSAGE_POSTED && e.internal ? ['(internal note)'] : []),
  ].join(', ');
  return {
    id: e.id,
    seq: e.seq,
    type: e.type,
    actorId: e.actorId,
    createdAt: e.createdAt,
    changes,
    tag: e.payload.tag ?? null,
    messageId: e.payload.messageId ?? null,
    summary: detail ? `${SUMMARIES[e.type]}: ${detail}` : SUMMARIES[e.type],
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

/** The field changes the viewer may see (an update that also changed priority keeps its other changes). */
function changesForView(e: TicketEvent, view: ActivityView): FieldChangeData[] {
  const changes = e.payload.changes ?? [];
  return view.priority ? changes : changes.filter((c) => c.field !== 'priority');
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
  return { ...forwardPage(rows, limit, !!after, (e) => ({ node: toActivity(e, changesForView(e, view)), cursor: encodeCursor([e.seq]) })), totalCount };
}
