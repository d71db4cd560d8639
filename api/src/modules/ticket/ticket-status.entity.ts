import { Entity, Property, Unique } from '@mikro-orm/core';
import { TenantOwnedEntity } from '../../platform/db/base.entity.js';
import { TicketStatus } from './ticket.enums.js';

/**
 * A tenant's own status under one of the four fixed categories (e.g. "Waiting on customer"
 * under IN_PROGRESS). The state machine runs on the category; the key tells statuses of one
 * category apart. The four categories are the built-in statuses (their key is the category).
 */
@Entity({ tableName: 'ticket_status_definitions' })
@Unique({ properties: ['tenantId', 'key'] })
export class TicketStatusDefinition extends TenantOwnedEntity<'nameIndonesian' | 'pausesSla' | 'position' | 'active'> {
  /** Lower-case slug, unique per tenant, never changed (partners and scripts rely on it). */
  @Property({ type: 'string', length: 40 })
  key: string;

  @Property({ type: 'string', length: 60 })
  name: string;

  /** The name in Bahasa Indonesia, shown when the viewer's language is `id` (else `name`). */
  @Property({ type: 'string', length: 60, nullable: true })
  nameIndonesian: string | null = null;

  @Property({ type: 'string', length: 16 })
  category: TicketStatus;

  /** While a ticket sits in this status its resolution clock is paused. */
  @Property({ type: 'boolean' })
  pausesSla: boolean = false;

  /** Order among the statuses of its category (after the built-in one). */
  @Property({ type: 'integer' })
  position: number = 0;

  /** Inactive statuses are kept on the tickets that have them but can no longer be chosen. */
  @Property({ type: 'boolean' })
  active: boolean = true;
}
