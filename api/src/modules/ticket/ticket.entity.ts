import { Entity, Filter, Index, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { TenantOwnedEntity } from '../../platform/db/base.entity.js';
import { TicketCategory, TicketChannel, TicketPriority, TicketStatus } from './ticket.enums.js';

/**
 * A support ticket. `customerId`/`assigneeId` are plain columns; the GraphQL `customer`
 * and `assignee` fields are resolved through batched loaders.
 */
@ObjectType('Ticket')
@Entity({ tableName: 'tickets' })
@Unique({ properties: ['tenantId', 'number'] })
@Index({ properties: ['tenantId', 'status', 'createdAt'] })
@Index({ properties: ['tenantId', 'updatedAt'] })
@Index({ properties: ['tenantId', 'customerId'] })
@Index({ properties: ['tenantId', 'assigneeId'] })
@Filter({ name: 'notDeleted', cond: { deletedAt: null }, default: true })
export class Ticket extends TenantOwnedEntity<
  'status' | 'escalationLevel' | 'tags' | 'version' | 'assigneeId' | 'firstResponseAt' | 'resolvedAt' | 'closedAt' | 'deletedAt'
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

  @Field(() => TicketPriority)
  @Property({ type: 'string', length: 8 })
  priority: TicketPriority;

  /** 1..3, for ordering by priority. */
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

  /** Denormalised for reading; `ticket_tags` rows serve tag filters. */
  @Field(() => [String])
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
  @Property({ type: 'datetime', length: 3, nullable: true })
  firstResponseAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', length: 3, nullable: true })
  resolvedAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', length: 3, nullable: true })
  closedAt: Date | null = null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  deletedAt: Date | null = null;
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
