import { IsOptional, Length, Matches } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';
import { SlaFilterState, TicketCategory, TicketPriority, TicketStatus } from '../ticket/ticket.enums.js';
import { TAG_MESSAGE, TAG_RULE } from '../ticket/ticket.inputs.js';

/** The ticket filter a saved view keeps: the list's and board's filters, with "assigned to me" for the viewer. */
@ObjectType()
export class SavedViewFilter {
  @Field(() => [TicketStatus], { nullable: true })
  status?: TicketStatus[] | null;

  @Field(() => TicketPriority, { nullable: true })
  priority?: TicketPriority | null;

  @Field(() => TicketCategory, { nullable: true })
  category?: TicketCategory | null;

  @Field(() => Boolean, { nullable: true, description: 'Tickets assigned to whoever looks at the view.' })
  assignedToMe?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  unassigned?: boolean | null;

  @Field(() => String, { nullable: true })
  tag?: string | null;

  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => [SlaFilterState], { nullable: true })
  slaState?: SlaFilterState[] | null;
}

@InputType()
export class SavedViewFilterInput {
  @Field(() => [TicketStatus], { nullable: true })
  @IsOptional()
  status?: TicketStatus[];

  @Field(() => TicketPriority, { nullable: true })
  @IsOptional()
  priority?: TicketPriority;

  @Field(() => TicketCategory, { nullable: true })
  @IsOptional()
  category?: TicketCategory;

  @Field({ nullable: true })
  @IsOptional()
  assignedToMe?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  unassigned?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(TAG_RULE, { message: TAG_MESSAGE })
  tag?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'must be between 1 and 200 characters' })
  text?: string;

  @Field(() => [SlaFilterState], { nullable: true })
  @IsOptional()
  slaState?: SlaFilterState[];
}

@InputType()
export class CreateSavedViewInput {
  @Field()
  @Length(1, 60, { message: 'must be between 1 and 60 characters' })
  @Matches(/\S/, { message: 'must not be blank' })
  name: string;

  @Field(() => SavedViewFilterInput)
  filter: SavedViewFilterInput;

  @Field({ defaultValue: false, description: 'Shared with the whole tenant (admins only), or private to you.' })
  shared: boolean;
}
