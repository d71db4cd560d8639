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

/** A status whose SLA pause flag changed: its tickets pause or resume their clock as of `at`. */
export interface StatusPauseTask {
  key: string;
  /** When the flag changed (the pause starts, or ends, then). */
  at: string;
  /** The last ticket id done, in id order; null: from the start. */
  cursor: string | null;
}

/**
 * A tenant's pending SLA recompute after a policy, calendar or status change: one row per
 * tenant, worked through in short keyset batches by one runner at a time (the claim in
 * `lockedBy`/`lockedUntil`), and deleted when nothing is left. A further change while it runs
 * widens the scope and starts that part again, so a restart mid-way only repeats work.
 */
@Entity({ tableName: 'sla_recompute_jobs' })
@Unique({ properties: ['tenantId'] })
export class SlaRecomputeJob extends TenantOwnedEntity<'policyScope' | 'policyCursor' | 'statusTasks' | 'lockedBy' | 'lockedUntil'> {
  /** Which tickets need their policy applied again: a category, 'ALL', or null (none). */
  @Property({ type: 'string', length: 16, nullable: true })
  policyScope: string | null = null;

  @Property({ type: 'string', length: 36, nullable: true })
  policyCursor: string | null = null;

  @Property({ type: 'json' })
  statusTasks: StatusPauseTask[] = [];

  @Property({ type: 'string', length: 64, nullable: true })
  lockedBy: string | null = null;

  @Property({ type: 'Date', length: 3, nullable: true })
  lockedUntil: Date | null = null;
}
