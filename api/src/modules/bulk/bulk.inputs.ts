import { ArrayMaxSize, ArrayMinSize, IsOptional, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { TicketPriority, TicketStatus } from '../ticket/ticket.enums.js';
import { TAG_MESSAGE, TAG_RULE } from '../ticket/ticket.inputs.js';

@InputType()
export class BulkUpdateTicketsInput {
  @Field(() => [ID])
  @ArrayMinSize(1, { message: 'choose at least one ticket' })
  @ArrayMaxSize(100, { message: 'at most 100 tickets at once' })
  ids: string[];

  @Field(() => TicketStatus, { nullable: true })
  @IsOptional()
  status?: TicketStatus;

  @Field({ nullable: true, description: 'A status key of ticketStatuses (with `status` too, both must agree).' })
  @IsOptional()
  @MaxLength(40)
  statusKey?: string;

  @Field(() => ID, { nullable: true, description: 'An agent or admin; pass `unassign: true` to send the tickets back to the queue.' })
  @IsOptional()
  assigneeId?: string;

  @Field({ nullable: true, description: 'Back to the queue (instead of assigneeId).' })
  @IsOptional()
  unassign?: boolean;

  @Field(() => TicketPriority, { nullable: true })
  @IsOptional()
  priority?: TicketPriority;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(TAG_RULE, { each: true, message: TAG_MESSAGE })
  addTags?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(TAG_RULE, { each: true, message: TAG_MESSAGE })
  removeTags?: string[];
}
