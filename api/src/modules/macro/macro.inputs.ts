import { ArrayMaxSize, ArrayMinSize, IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { TicketCategory, TicketPriority, TicketStatus } from '../ticket/ticket.enums.js';
import { TAG_MESSAGE, TAG_RULE } from '../ticket/ticket.inputs.js';
import { MacroActionType } from './macro.types.js';
import { NonBlankText } from '../../platform/graphql/text-field.js';

@InputType()
export class MacroActionInput {
  @Field(() => MacroActionType)
  type: MacroActionType;

  @Field(() => TicketStatus, { nullable: true })
  @IsOptional()
  status?: TicketStatus;

  @Field({ nullable: true, description: 'SET_STATUS: a status key of ticketStatuses (instead of, or agreeing with, `status`).' })
  @IsOptional()
  @MaxLength(40)
  statusKey?: string;

  @Field(() => TicketPriority, { nullable: true })
  @IsOptional()
  priority?: TicketPriority;

  @Field(() => TicketCategory, { nullable: true })
  @IsOptional()
  category?: TicketCategory;

  @Field(() => ID, { nullable: true, description: 'SET_ASSIGNEE: the agent; leave out for the queue.' })
  @IsOptional()
  assigneeId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(TAG_RULE, { message: TAG_MESSAGE })
  tag?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  cannedResponseId?: string;
}

@InputType()
export class MacroInput {
  @Field()
  @NonBlankText(120)
  name: string;

  @Field(() => [MacroActionInput])
  @ArrayMinSize(1, { message: 'a macro needs at least one action' })
  @ArrayMaxSize(20, { message: 'a macro has at most 20 actions' })
  @ValidateNested({ each: true })
  actions: MacroActionInput[];

  @Field({ defaultValue: false, description: 'Shared with the whole tenant (admins only), or private to you.' })
  shared: boolean;
}

@InputType()
export class ApplyMacroInput {
  @Field(() => ID)
  macroId: string;

  @Field(() => [ID])
  @ArrayMinSize(1, { message: 'choose at least one ticket' })
  @ArrayMaxSize(100, { message: 'at most 100 tickets at once' })
  ticketIds: string[];
}
