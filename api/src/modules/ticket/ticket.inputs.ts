import { ArrayMaxSize, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { NewCustomerInput } from '../user/user.inputs.js';
import { OrderDirection, SlaFilterState, TicketCategory, TicketChannel, TicketOrderField, TicketPriority, TicketStatus } from './ticket.enums.js';

export const TAG_RULE = /^[a-z0-9][a-z0-9_-]{0,49}$/;
export const TAG_MESSAGE = 'each tag must be 1-50 characters of a-z, 0-9, "-" or "_", starting with a letter or digit';

@InputType()
export class CreateTicketInput {
  @Field()
  @IsString()
  @Length(3, 200, { message: 'must be between 3 and 200 characters' })
  @Matches(/\S/, { message: 'must not be blank' })
  title: string;

  @Field()
  @IsString()
  @Length(1, 20_000, { message: 'must be between 1 and 20000 characters' })
  @Matches(/\S/, { message: 'must not be blank' })
  description: string;

  @Field(() => TicketPriority, { defaultValue: TicketPriority.MEDIUM })
  priority: TicketPriority;

  @Field(() => TicketCategory)
  category: TicketCategory;

  @Field(() => TicketChannel, { nullable: true, description: 'Defaults to WEB.' })
  @IsOptional()
  channel?: TicketChannel;

  @Field(() => ID, { nullable: true, description: 'Staff and API keys: open the ticket on behalf of this customer.' })
  @IsOptional()
  customerId?: string;

  @Field(() => NewCustomerInput, {
    nullable: true,
    description: 'Staff: add this customer and open the ticket for them, in one transaction (instead of customerId).',
  })
  @IsOptional()
  @ValidateNested()
  newCustomer?: NewCustomerInput;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(TAG_RULE, { each: true, message: TAG_MESSAGE })
  tags?: string[];

  @Field({ nullable: true, description: 'Repeating a key within 24 hours returns the first result.' })
  @IsOptional()
  @Length(1, 100)
  idempotencyKey?: string;
}

@InputType()
export class UpdateTicketInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(3, 200, { message: 'must be between 3 and 200 characters' })
  @Matches(/\S/, { message: 'must not be blank' })
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 20_000, { message: 'must be between 1 and 20000 characters' })
  @Matches(/\S/, { message: 'must not be blank' })
  description?: string;

  @Field(() => TicketPriority, { nullable: true })
  @IsOptional()
  priority?: TicketPriority;

  @Field(() => TicketCategory, { nullable: true })
  @IsOptional()
  category?: TicketCategory;

  @Field(() => [String], { nullable: true, description: 'Replaces the tag set.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(TAG_RULE, { each: true, message: TAG_MESSAGE })
  tags?: string[];
}

@InputType()
export class TicketFilter {
  @Field(() => [TicketStatus], { nullable: true })
  status?: TicketStatus[];

  @Field(() => [String], { nullable: true, description: 'Status keys (ticketStatuses): a category key matches only the tickets without a status of the workspace.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @MaxLength(40, { each: true })
  statusKey?: string[];

  @Field(() => TicketPriority, { nullable: true })
  priority?: TicketPriority;

  @Field(() => TicketCategory, { nullable: true })
  category?: TicketCategory;

  @Field(() => ID, { nullable: true })
  assigneeId?: string;

  @Field({ nullable: true, description: 'Only tickets with no assignee.' })
  unassigned?: boolean;

  @Field(() => ID, { nullable: true })
  customerId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(50)
  tag?: string;

  @Field({ nullable: true, description: 'Searches title and description.' })
  @IsOptional()
  @MaxLength(200)
  text?: string;

  @Field({ nullable: true })
  createdAfter?: Date;

  @Field({ nullable: true })
  createdBefore?: Date;

  @Field(() => [SlaFilterState], { nullable: true, description: 'SLA state of the pending clocks, evaluated now.' })
  slaState?: SlaFilterState[];

  @Field({ nullable: true, description: 'Only tickets with a pending SLA deadline before this time.' })
  slaDueBefore?: Date;
}

@InputType()
export class TicketOrder {
  @Field(() => TicketOrderField, { defaultValue: TicketOrderField.CREATED_AT })
  field: TicketOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.DESC })
  direction: OrderDirection;
}
