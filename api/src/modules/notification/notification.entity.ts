import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwnedEntity } from '../../platform/db/base.entity.js';
import { TicketStatus } from '../ticket/ticket.enums.js';

export enum NotificationType {
  TICKET_CREATED = 'TICKET_CREATED',
  TICKET_ASSIGNED = 'TICKET_ASSIGNED',
  MESSAGE_POSTED = 'MESSAGE_POSTED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  SLA_AT_RISK = 'SLA_AT_RISK',
  SLA_BREACHED = 'SLA_BREACHED',
}
registerEnumType(NotificationType, { name: 'NotificationType' });

/** Which SLA clock a notice is about. */
export enum SlaClock {
  FIRST_RESPONSE = 'FIRST_RESPONSE',
  RESOLUTION = 'RESOLUTION',
}
registerEnumType(SlaClock, { name: 'SlaClockName' });

/** What a notification says, as data: the client words it in the reader's language. */
@ObjectType()
export class NotificationParams {
  @Field(() => Int)
  ticketNumber: number;

  @Field()
  ticketTitle: string;

  @Field(() => String, { nullable: true, description: 'Who did it (the replier, the assigner); null for the system.' })
  actorName?: string | null;

  @Field(() => TicketStatus, { nullable: true, description: 'STATUS_CHANGED: the new status.' })
  status?: TicketStatus | null;

  @Field(() => SlaClock, { nullable: true, description: 'SLA_AT_RISK and SLA_BREACHED: which clock.' })
  clock?: SlaClock | null;

  @Field(() => Int, { nullable: true, description: 'SLA_BREACHED: the escalation level reached.' })
  level?: number | null;
}

/** An in-app notification for one member, written in the same transaction as its event. */
@ObjectType('Notification', { description: 'Render it from `type` and `params` in the reader\'s language.' })
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

  @Field(() => NotificationParams)
  @Property({ type: 'json' })
  params: NotificationParams;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'Date', length: 3, nullable: true })
  readAt: Date | null = null;

  @Field()
  override createdAt: Date;
}
