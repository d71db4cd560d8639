import { encodeCursor } from '../../platform/graphql/pagination.js';
import { Ticket } from '../ticket/ticket.entity.js';
import { PRIORITY_RANK, type TicketCategory, type TicketChannel, type TicketPriority, type TicketStatus } from '../ticket/ticket.enums.js';
import type { FieldChangeData, PostedMessageData, TicketEventType } from '../ticket/ticket.events.js';
import type { TicketEvent } from './ticket-event.entity.js';

/**
 * The one event format. `ticketSnapshot` is what each TicketEvent row stores of its ticket;
 * `toPublicEvent` is what the outside sees of a row: the change feed (ticketEventFeed), the
 * ticketEvents subscription and the webhook body are all built from it. A change here is a
 * change to the partner contract (docs/partners.md): raise `EVENT_FORMAT_VERSION` when a
 * field changes meaning or goes away.
 */
export const EVENT_FORMAT_VERSION = 1;

/** The public state of a ticket right after a change. Dates are ISO 8601 strings. */
export interface TicketSnapshot {
  id: string;
  number: number;
  title: string;
  description: string;
  status: TicketStatus;
  /** The status key (ticketStatuses): the category, or the workspace's status under it. Absent from events written before custom statuses. */
  statusKey?: string;
  priority: TicketPriority;
  category: TicketCategory;
  channel: TicketChannel;
  customerId: string;
  assigneeId: string | null;
  escalationLevel: number;
  tags: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
  slaPolicyId: string | null;
  slaBusinessHours: boolean;
  slaFirstResponseMinutes: number | null;
  slaResolutionMinutes: number | null;
  slaPausedAt: string | null;
  deleted: boolean;
}

/** One committed event as the outside sees it. */
export interface PublicTicketEvent {
  /** The format version (EVENT_FORMAT_VERSION). */
  version: number;
  id: string;
  seq: number;
  /** Resume cursor: pass it as `after` to ticketEventFeed or ticketEvents. */
  cursor: string;
  type: TicketEventType;
  ticketId: string;
  actorId: string | null;
  /** Only staff receive internal events (internal notes, SLA notices); webhooks never do. */
  internal: boolean;
  createdAt: string;
  data: {
    changes: FieldChangeData[];
    tag: string | null;
    sla: string | null;
    messageId: string | null;
    message: PostedMessageData | null;
    ticket: TicketSnapshot;
  };
}

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;
const date = (s: string | null): Date | null => (s ? new Date(s) : null);

export function ticketSnapshot(t: Ticket): TicketSnapshot {
  return {
    id: t.id,
    number: t.number,
    title: t.title,
    description: t.description,
    status: t.status,
    statusKey: t.statusKey,
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
    firstResponseAt: iso(t.firstResponseAt),
    resolvedAt: iso(t.resolvedAt),
    closedAt: iso(t.closedAt),
    firstResponseDueAt: iso(t.firstResponseDueAt),
    resolutionDueAt: iso(t.resolutionDueAt),
    slaPolicyId: t.slaPolicyId,
    slaBusinessHours: t.slaBusinessHours,
    slaFirstResponseMinutes: t.slaFirstResponseMinutes,
    slaResolutionMinutes: t.slaResolutionMinutes,
    slaPausedAt: iso(t.slaPausedAt),
    deleted: t.deletedAt !== null,
  };
}

/** The ticket an event carries, as an (unmanaged) entity for GraphQL field resolvers. */
export function ticketFromSnapshot(s: TicketSnapshot, tenantId: string): Ticket {
  const { deleted, ...fields } = s;
  return Object.assign(new Ticket(), {
    ...fields,
    tags: [...s.tags],
    statusKey: s.statusKey ?? s.status,
    priorityRank: PRIORITY_RANK[s.priority],
    tenantId,
    createdAt: new Date(s.createdAt),
    updatedAt: new Date(s.updatedAt),
    firstResponseAt: date(s.firstResponseAt),
    resolvedAt: date(s.resolvedAt),
    closedAt: date(s.closedAt),
    firstResponseDueAt: date(s.firstResponseDueAt),
    resolutionDueAt: date(s.resolutionDueAt),
    slaPausedAt: date(s.slaPausedAt),
    // The exact deletion time is not part of the public state; the snapshot says whether it happened.
    deletedAt: deleted ? new Date(s.updatedAt) : null,
  });
}

export function toPublicEvent(e: TicketEvent): PublicTicketEvent {
  const p = e.payload;
  return {
    version: EVENT_FORMAT_VERSION,
    id: e.id,
    seq: e.seq,
    cursor: encodeCursor([e.seq]),
    type: e.type,
    ticketId: e.ticketId,
    actorId: e.actorId,
    internal: e.internal,
    createdAt: e.createdAt.toISOString(),
    data: {
      changes: p.changes ?? [],
      tag: p.tag ?? null,
      sla: p.sla ?? null,
      messageId: p.messageId ?? null,
      message: p.message ?? null,
      ticket: p.ticket,
    },
  };
}
