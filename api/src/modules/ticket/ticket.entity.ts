import { Entity, Filter, Index, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { TenantOwnedEntity } from '../../platform/db/base.entity.js';
import { TicketCategory, TicketChannel, TicketPriority, TicketStatus } from './ticket.enums.js';

/** "No deadline": far enough to sort last, and a real value so keyset cursors stay simple. */
export const SLA_NEVER = new Date('9999-12-31T00:00:00.000Z');

/**
 * A support ticket. `customerId`/`assigneeId` are plain columns; the GraphQL `customer`
 * and `assignee` fields are resolved through batched loaders.
 */
@ObjectType('Ticket')
@Entity({ tableName: 'tickets' })
@Unique({ properties: ['tenantId', 'number'] })
@Index({ properties: ['tenantId', 'status', 'createdAt'] })
@Index({ properties: ['tenantId', 'statusKey'] })
@Index({ properties: ['tenantId', 'updatedAt'] })
@Index({ properties: ['tenantId', 'customerId'] })
@Index({ properties: ['tenantId', 'assigneeId'] })
@Filter({ name: 'notDeleted', cond: { deletedAt: null }, default: true })
export class Ticket extends TenantOwnedEntity<
  | 'status'
  | 'statusKey'
  | 'statusPausesSla'
  | 'escalationLevel'
  | 'tags'
  | 'version'
  | 'assigneeId'
  | 'firstResponseAt'
  | 'resolvedAt'
  | 'closedAt'
  | 'deletedAt'
  | 'slaPolicyId'
  | 'slaBusinessHours'
  | 'slaFirstResponseMinutes'
  | 'slaResolutionMinutes'
  | 'firstResponseDueAt'
  | 'firstResponseAtRiskAt'
  | 'resolutionDueAt'
  | 'resolutionAtRiskAt'
  | 'slaPausedAt'
  | 'slaPausedMinutes'
  | 'slaNotified'
  | 'slaDueAt'
  | 'slaAtRiskAt'
  | 'slaNextCheckAt'
> {
  @Field(() => ID)
  override id: string;

  @Field(() => Int, { description: 'Per-tenant ticket number, starting at 1001 ("ticket #1042").' })
  @Property({ type: 'integer' })
  number: number;

  @Field()
  @Property({ type: 'string', length: 200 })
  title: string;

  @Field()
  @Property({ type: 'text' })
  description: string;

  @Field(() => TicketStatus)
  @Property({ type: 'string', length: 16 })
  status: TicketStatus = TicketStatus.OPEN;

  @Field({ description: 'The status: a key of ticketStatuses. The category (`status`) when the ticket has no status of the workspace.' })
  @Property({ type: 'string', length: 40 })
  statusKey: string = TicketStatus.OPEN;

  /** Copied from the status (TicketStatusDefinition.pausesSla): the resolution clock is paused while set. */
  @Property({ type: 'boolean' })
  statusPausesSla: boolean = false;

  /** GraphQL field resolved in ticket.resolver.ts: hidden from customers unless the workspace shows it. */
  @Property({ type: 'string', length: 8 })
  priority: TicketPriority;

  /** 1..3, for ordering by priority. */
  @Field(() => Int, { description: 'The priority as a number, LOW 1 < MEDIUM 2 < HIGH 3: sort by it rather than by the name.' })
  @Property({ type: 'smallint' })
  priorityRank: number;

  @Field(() => TicketCategory)
  @Property({ type: 'string', length: 16 })
  category: TicketCategory;

  @Field(() => TicketChannel)
  @Property({ type: 'string', length: 8 })
  channel: TicketChannel;

  @Property({ type: 'string', length: 36 })
  customerId: string;

  @Property({ type: 'string', length: 36, nullable: true })
  assigneeId: string | null = null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  escalationLevel: number = 0;

  /** Denormalised for reading; `ticket_tags` rows serve tag filters. GraphQL field in ticket.resolver.ts (staff-only). */
  @Property({ type: 'json' })
  tags: string[] = [];

  @Field(() => Int, { description: 'Increments on every change; pass it as expectedVersion to avoid lost updates.' })
  @Property({ type: 'integer' })
  version: number = 1;

  @Field()
  override createdAt: Date;

  @Field()
  override updatedAt: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'Date', length: 3, nullable: true })
  firstResponseAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'Date', length: 3, nullable: true })
  resolvedAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'Date', length: 3, nullable: true })
  closedAt: Date | null = null;

  @Property({ type: 'Date', length: 3, nullable: true })
  deletedAt: Date | null = null;

  // --- SLA: targets copied from the policy, and the clocks (see modules/sla/sla.engine.ts).
  @Property({ type: 'string', length: 36, nullable: true })
  slaPolicyId: string | null = null;

  @Property({ type: 'boolean' })
  slaBusinessHours: boolean = false;

  @Property({ type: 'integer', nullable: true })
  slaFirstResponseMinutes: number | null = null;

  @Property({ type: 'integer', nullable: true })
  slaResolutionMinutes: number | null = null;

  @Field(() => Date, { nullable: true, description: 'When the first public staff reply is due (SLA).' })
  @Property({ type: 'Date', length: 3, nullable: true })
  firstResponseDueAt: Date | null = null;

  @Property({ type: 'Date', length: 3, nullable: true })
  firstResponseAtRiskAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When resolution is due (SLA); moves while the ticket is resolved.' })
  @Property({ type: 'Date', length: 3, nullable: true })
  resolutionDueAt: Date | null = null;

  @Property({ type: 'Date', length: 3, nullable: true })
  resolutionAtRiskAt: Date | null = null;

  /** Set while the resolution clock is paused (ticket RESOLVED). */
  @Property({ type: 'Date', length: 3, nullable: true })
  slaPausedAt: Date | null = null;

  /** Working minutes the resolution clock has spent paused. */
  @Property({ type: 'double' })
  slaPausedMinutes: number = 0;

  /** Bit 1: first-response at-risk notice sent; bit 2: resolution at-risk notice sent. */
  @Property({ type: 'integer' })
  slaNotified: number = 0;

  /** Earliest pending due time (SLA_NEVER when none; set on create): sorting and SLA-state filters. */
  @Property({ type: 'Date', length: 3, nullable: true })
  slaDueAt: Date | null;

  /** Earliest pending at-risk time (far future when none). */
  @Property({ type: 'Date', length: 3, nullable: true })
  slaAtRiskAt: Date | null;

  /** When the escalation worker should look at this ticket next (far future when never). */
  @Property({ type: 'Date', length: 3, nullable: true, index: true })
  slaNextCheckAt: Date | null;
}


/** One row per tag of a ticket, for filtering by tag. */
@Entity({ tableName: 'ticket_tags' })
@Unique({ properties: ['ticketId', 'tag'] })
@Index({ properties: ['tenantId', 'tag'] })
export class TicketTag extends TenantOwnedEntity {
  @Property({ type: 'string', length: 36 })
  ticketId: string;

  @Property({ type: 'string', length: 50 })
  tag: string;
}
