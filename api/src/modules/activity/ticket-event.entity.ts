import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { TenantOwnedEntity } from '../../platform/db/base.entity.js';
import type { TicketChangeData } from '../ticket/ticket.events.js';
import { TicketEventType } from '../ticket/ticket.events.js';
import type { TicketSnapshot } from './ticket-event.format.js';

export { TicketEventType };
export type { FieldChangeData } from '../ticket/ticket.events.js';

/** What a TicketEvent row stores: the change's data and the ticket right after it. */
export interface TicketEventPayload extends TicketChangeData {
  /** The ticket as it was right after this change (see ticket-event.format.ts). */
  ticket: TicketSnapshot;
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

  /** True when only staff may see this event (an internal note, an SLA notice). */
  @Property({ type: 'boolean' })
  internal: boolean = false;

  /** True when the event carries only staff triage data (a tag change, or a priority-only update). */
  @Property({ type: 'boolean' })
  triage: boolean = false;

  @Property({ type: 'json' })
  payload: TicketEventPayload;
}

/** The tenant counter (platform/db/counter.entity.ts) that numbers a tenant's events: `seq`. */
export const EVENT_SEQ_COUNTER = 'event_seq';
