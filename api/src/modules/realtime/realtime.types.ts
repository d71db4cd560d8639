import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../platform/graphql/pagination.js';
import { FieldChange } from '../activity/activity.types.js';
import { TicketEventType } from '../ticket/ticket.events.js';
import { Message } from '../conversation/message.entity.js';
import { Ticket } from '../ticket/ticket.entity.js';

/** A change to a ticket, delivered live. It carries the ticket's state right after the change. */
@ObjectType('TicketEvent')
export class TicketEventNotification {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'Per-tenant sequence number: a resume cursor, increasing in commit order.' })
  seq: number;

  @Field(() => Int, { description: 'Version of the event format (the same as the webhook body\'s `version`).' })
  version: number;

  @Field({ description: 'Opaque resume cursor of this event: pass it as `after` to ticketEventFeed or ticketEvents.' })
  cursor: string;

  @Field(() => TicketEventType)
  type: TicketEventType;

  @Field(() => ID)
  ticketId: string;

  @Field(() => Ticket, { description: 'The ticket as it was right after this change.' })
  ticket: Ticket;

  actorId: string | null;

  @Field(() => [FieldChange])
  changes: FieldChange[];

  @Field(() => String, { nullable: true })
  tag: string | null;

  @Field(() => Message, { nullable: true, description: 'For MESSAGE_POSTED.' })
  message: Message | null;

  @Field()
  createdAt: Date;
}

@InputType()
export class TicketEventFilter {
  @Field(() => ID, { nullable: true })
  ticketId?: string;

  @Field(() => [TicketEventType], { nullable: true })
  types?: TicketEventType[];
}

@ObjectType()
export class TypingEvent {
  @Field(() => ID)
  ticketId: string;

  @Field(() => ID)
  userId: string;

  @Field()
  name: string;

  @Field()
  isTyping: boolean;

  @Field({ description: 'Typing stops by itself at this time unless renewed.' })
  expiresAt: Date;

  internal: boolean;
}

@ObjectType()
export class TicketEventEdge {
  @Field()
  cursor: string;

  @Field(() => TicketEventNotification)
  node: TicketEventNotification;
}

@ObjectType({ description: 'A page of the change feed. There is no totalCount: the feed only grows.' })
export class TicketEventConnection {
  @Field(() => [TicketEventEdge])
  edges: TicketEventEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
