import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Ticket } from '../ticket/ticket.entity.js';
import { TicketCategory, TicketPriority, TicketStatus } from '../ticket/ticket.enums.js';

export enum MacroActionType {
  SET_STATUS = 'SET_STATUS',
  SET_PRIORITY = 'SET_PRIORITY',
  SET_CATEGORY = 'SET_CATEGORY',
  /** To an agent, or to the queue when `assigneeId` is null. */
  SET_ASSIGNEE = 'SET_ASSIGNEE',
  ADD_TAG = 'ADD_TAG',
  REMOVE_TAG = 'REMOVE_TAG',
  /** A public reply from a canned response, its variables filled for each ticket. */
  POST_REPLY = 'POST_REPLY',
  /** An internal note from a canned response. */
  POST_NOTE = 'POST_NOTE',
}
registerEnumType(MacroActionType, { name: 'MacroActionType', description: 'One step of a macro.' });

/** One step of a macro, as stored and as shown; only the field its type needs is set. */
@ObjectType()
export class MacroAction {
  @Field(() => MacroActionType)
  type: MacroActionType;

  @Field(() => TicketStatus, { nullable: true })
  status?: TicketStatus | null;

  @Field(() => String, { nullable: true, description: 'SET_STATUS: the status key, when the macro sets a status of the workspace.' })
  statusKey?: string | null;

  @Field(() => TicketPriority, { nullable: true })
  priority?: TicketPriority | null;

  @Field(() => TicketCategory, { nullable: true })
  category?: TicketCategory | null;

  @Field(() => ID, { nullable: true, description: 'SET_ASSIGNEE: the agent, or null for the queue.' })
  assigneeId?: string | null;

  @Field(() => String, { nullable: true })
  tag?: string | null;

  @Field(() => ID, { nullable: true, description: 'POST_REPLY and POST_NOTE: the canned response posted.' })
  cannedResponseId?: string | null;
}

@ObjectType()
export class MacroApplication {
  @Field(() => [Ticket], { description: 'The tickets as the macro left them, in the order given.' })
  tickets: Ticket[];
}
