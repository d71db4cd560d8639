import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { TenantOwnedEntity } from '../../platform/db/base.entity.js';

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
}
registerEnumType(TicketEventType, { name: 'TicketEventType' });

export interface FieldChangeData {
  field: string;
  from: string | null;
  to: string | null;
}

export interface TicketEventPayload {
  changes?: FieldChangeData[];
  messageId?: string;
  tag?: string;
  /** For SLA_AT_RISK and SLA_ESCALATED: which clock ('FIRST_RESPONSE' or 'RESOLUTION'). */
  sla?: string;
  /** For MESSAGE_POSTED: the message as posted. */
  message?: { id: string; body: string; internal: boolean; kind: string; authorId: string | null; createdAt: string };
  /** The ticket as it was right after this change. */
  ticket?: Record<string, unknown>;
}

/**
 * The durable record of every ticket change, written in the same transaction as the
 * change. `seq` is a per-tenant, gap-free, commit-ordered cursor; the same rows feed the
 * activity timeline, subscriptions, the partner change feed and webhooks.
 */
@Entity({ tableName: 'ticket_events' })
@Unique({ properties: ['tenantId', 'seq'] })
@Index({ properties: ['tenantId', 'ticketId', 'seq'] })
export class TicketEvent extends TenantOwnedEntity<'actorId' | 'internal' | 'triage'> {
  @Property({ type: 'bigint', runtimeType: 'number' })
  seq: number;

  @Property({ type: 'string', length: 32 })
  type: TicketEventType;

  @Property({ type: 'string', length: 36 })
  ticketId: string;

  /** The user who made the change; null for the system (e.g. SLA escalation). */
  @Property({ type: 'string', length: 36, nullable: true })
  actorId: string | null = null;

  /** True when only staff may see this event (an internal note). */
  @Property({ type: 'boolean' })
  internal: boolean = false;

  /** True when the event carries only staff triage data (a tag change, or a priority-only update). */
  @Property({ type: 'boolean' })
  triage: boolean = false;

  @Property({ type: 'json' })
  payload: TicketEventPayload;
}
