import { Field, ID, Int, ObjectType } from 'type-graphql';
import { TicketStatus } from './ticket.enums.js';

@ObjectType('TicketStatusDefinition', {
  description: 'A status a ticket can be in: one of the four built-in categories, or a status of the workspace mapped onto one.',
})
export class TicketStatusView {
  @Field(() => ID, { description: 'The key for built-in statuses.' })
  id: string;

  @Field({ description: 'What changeTicketStatus(statusKey) and Ticket.statusKey use: the category for built-in statuses, a lower-case slug otherwise.' })
  key: string;

  @Field({ description: 'The name in English (or the workspace\'s own language).' })
  name: string;

  @Field(() => String, { nullable: true, description: 'The name in Bahasa Indonesia, when given.' })
  nameIndonesian: string | null;

  @Field(() => TicketStatus, { description: 'The fixed category the state machine runs on.' })
  category: TicketStatus;

  @Field({ description: 'A ticket in this status has its resolution SLA clock paused.' })
  pausesSla: boolean;

  @Field(() => Int, { description: 'Order within the category; the built-in status comes first.' })
  position: number;

  @Field({ description: 'Inactive statuses stay on their tickets but cannot be chosen.' })
  active: boolean;

  @Field({ description: 'One of the four fixed categories (cannot be changed).' })
  builtIn: boolean;
}
