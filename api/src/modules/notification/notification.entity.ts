import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwnedEntity } from '../../platform/db/base.entity.js';

export enum NotificationType {
  TICKET_CREATED = 'TICKET_CREATED',
  TICKET_ASSIGNED = 'TICKET_ASSIGNED',
  MESSAGE_POSTED = 'MESSAGE_POSTED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  SLA_AT_RISK = 'SLA_AT_RISK',
  SLA_BREACHED = 'SLA_BREACHED',
}
registerEnumType(NotificationType, { name: 'NotificationType' });

/** An in-app notification for one member, written in the same transaction as its event. */
@ObjectType('Notification')
@Entity({ tableName: 'notifications' })
@Index({ properties: ['tenantId', 'recipientId', 'readAt', 'id'] })
export class Notification extends TenantOwnedEntity<'readAt'> {
  @Field(() => ID)
  override id: string;

  @Property({ type: 'string', length: 36 })
  recipientId: string;

  @Field(() => NotificationType)
  @Property({ type: 'string', length: 24 })
  type: NotificationType;

  @Field(() => ID)
  @Property({ type: 'string', length: 36 })
  ticketId: string;

  @Field(() => ID, { description: 'The TicketEvent that caused it.' })
  @Property({ type: 'string', length: 36 })
  eventId: string;

  @Field({ description: 'A short English summary, e.g. "Ticket #1042 was assigned to you".' })
  @Property({ type: 'string', length: 300 })
  title: string;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', length: 3, nullable: true })
  readAt: Date | null = null;

  @Field()
  override createdAt: Date;
}
