import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../platform/graphql/pagination.js';
import { TicketEventType } from '../ticket/ticket.events.js';

@ObjectType()
export class FieldChange {
  @Field()
  field: string;

  @Field(() => String, { nullable: true })
  from: string | null;

  @Field(() => String, { nullable: true })
  to: string | null;
}

/** One entry of a ticket's timeline, read from its TicketEvent row. */
@ObjectType()
export class TicketActivity {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'Per-tenant event sequence number.' })
  seq: number;

  @Field(() => TicketEventType)
  type: TicketEventType;

  @Field(() => ID, { nullable: true, description: 'Null for changes made by the system.' })
  actorId: string | null;

  @Field()
  createdAt: Date;

  @Field(() => [FieldChange])
  changes: FieldChange[];

  @Field(() => String, { nullable: true })
  tag: string | null;

  @Field(() => ID, { nullable: true })
  messageId: string | null;

  @Field({ description: 'Only staff see it: an internal note, or an SLA notice.' })
  internal: boolean;

  @Field(() => String, { nullable: true, description: "For SLA events: which clock, FIRST_RESPONSE or RESOLUTION." })
  sla: string | null;

  @Field(() => String, { nullable: true, description: 'For MACRO_APPLIED: the name of the macro; its changes are in `changes`.' })
  macro: string | null;

  @Field({ description: 'A short English description, e.g. "status OPEN → IN_PROGRESS".' })
  summary: string;
}

export const TicketActivityConnection = ConnectionType('TicketActivity', TicketActivity);
