import { Entity, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { TenantOwnedEntity } from '../../platform/db/base.entity.js';
import { TicketCategory, TicketPriority } from '../ticket/ticket.enums.js';
import type { OpeningHours } from './sla.clock.js';

/** Response and resolution targets for a category, optionally narrowed to one priority. */
@ObjectType('SlaPolicy')
@Entity({ tableName: 'sla_policies' })
@Unique({ properties: ['tenantId', 'category', 'priorityKey'] })
export class SlaPolicy extends TenantOwnedEntity {
  @Field(() => ID)
  override id: string;

  @Field(() => TicketCategory)
  @Property({ type: 'string', length: 16 })
  category: TicketCategory;

  /** A priority, or 'ANY' (unique keys and NULL do not mix portably). */
  @Property({ type: 'string', length: 8 })
  priorityKey: string;

  @Field(() => TicketPriority, { nullable: true, description: 'Null: every priority without a more specific policy.' })
  get priority(): TicketPriority | null {
    return this.priorityKey === 'ANY' ? null : (this.priorityKey as TicketPriority);
  }

  @Field(() => Int)
  @Property({ type: 'integer' })
  firstResponseMinutes: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  resolutionMinutes: number;

  @Field({ description: 'Count only business hours (true) or all hours (false).' })
  @Property({ type: 'boolean' })
  businessHours: boolean;

  @Field()
  override updatedAt: Date;
}

/** A tenant's business hours: timezone, weekly opening hours and holidays. */
@Entity({ tableName: 'business_calendars' })
@Unique({ properties: ['tenantId'] })
export class BusinessCalendarRecord extends TenantOwnedEntity {
  @Property({ type: 'string', length: 64 })
  timezone: string;

  @Property({ type: 'json' })
  hours: OpeningHours[];

  @Property({ type: 'json' })
  holidays: string[];
}
