import type { EntityManager } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import type { Ticket } from './ticket.entity.js';

/**
 * What can happen to a ticket. The ticket module owns this vocabulary; the activity module
 * records each change as a durable TicketEvent row and turns it into the public event format.
 */
export enum TicketEventType {
  TICKET_CREATED = 'TICKET_CREATED',
  TICKET_UPDATED = 'TICKET_UPDATED',
  TICKET_ASSIGNED = 'TICKET_ASSIGNED',
  TICKET_CLAIMED = 'TICKET_CLAIMED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  MESSAGE_POSTED = 'MESSAGE_POSTED',
  TAG_ADDED = 'TAG_ADDED',
  TAG_REMOVED = 'TAG_REMOVED',
  TICKET_DELETED = 'TICKET_DELETED',
  SLA_AT_RISK = 'SLA_AT_RISK',
  SLA_ESCALATED = 'SLA_ESCALATED',
  MACRO_APPLIED = 'MACRO_APPLIED',
  /** A live chat was given to an agent by routing (its changes: `assigneeId`, and `routingReason` LEAST_LOADED, ONLY_CANDIDATE, TRANSFERRED or ACCEPTED). */
  CHAT_ASSIGNED = 'CHAT_ASSIGNED',
}
registerEnumType(TicketEventType, { name: 'TicketEventType', description: 'Every kind of ticket change, in the order a partner may want to handle them.' });

export interface FieldChangeData {
  field: string;
  from: string | null;
  to: string | null;
}

/** A message as it was posted, carried by MESSAGE_POSTED. */
export interface PostedMessageData {
  id: string;
  body: string;
  internal: boolean;
  kind: string;
  authorId: string | null;
  createdAt: string;
}

/** What a change carries besides the ticket itself. */
export interface TicketChangeData {
  changes?: FieldChangeData[];
  messageId?: string;
  tag?: string;
  /** For SLA_AT_RISK and SLA_ESCALATED: which clock ('FIRST_RESPONSE' or 'RESOLUTION'). */
  sla?: string;
  /** For MACRO_APPLIED: the macro's name (its changes are in `changes`). */
  macro?: string;
  /** For MESSAGE_POSTED: the message as posted. */
  message?: PostedMessageData;
}

/** One change to record, as TicketService hands it to the event log. */
export interface TicketChange {
  type: TicketEventType;
  /** Only staff may see it (an internal note, an SLA notice). */
  internal?: boolean;
  payload?: TicketChangeData;
}

/** A change once recorded (a TicketEvent row); opaque to the ticket module. */
export type RecordedChange = object;

/**
 * Where ticket changes go. Implemented by the activity module: `record` writes the event in
 * the caller's transaction, `committed` publishes what a transaction recorded after it commits.
 */
export interface TicketEventLog {
  record(tx: EntityManager, ticket: Ticket, actorId: string | null, change: TicketChange): Promise<RecordedChange>;
  committed(events: RecordedChange[]): Promise<void>;
}

/**
 * The SLA rules the ticket's writer applies on every change. Implemented by the sla module,
 * so the ticket module knows no SLA code and the SLA module extends the ticket.
 */
export interface TicketSlaRules {
  /** Created, or category/priority changed: pick the policy again. */
  retarget(tx: EntityManager, t: Ticket, now: Date): Promise<void>;
  /** The status, or its SLA pause flag, changed: pause or resume the resolution clock. */
  statusChanged(tx: EntityManager, t: Ticket, now: Date): Promise<void>;
  /** The first public staff reply stops the first-response clock. */
  firstResponded(tx: EntityManager, t: Ticket, now: Date): Promise<void>;
  /** A status's SLA pause flag changed at `now`: its tickets are recomputed after commit, in batches. */
  statusPauseChanged(tx: EntityManager, key: string, now: Date): Promise<void>;
  /** The transaction that asked for a recompute committed: start it. */
  recomputeCommitted(): void;
}
