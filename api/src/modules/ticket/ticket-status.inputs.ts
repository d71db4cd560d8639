import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { TicketStatus } from './ticket.enums.js';
import { NonBlankText } from '../../platform/graphql/text-field.js';

export const STATUS_KEY_RULE = /^[a-z][a-z0-9_-]{1,39}$/;

@InputType()
export class CreateTicketStatusInput {
  @Field({ description: 'Lower-case slug (a-z, 0-9, "-", "_"), unique in the workspace; it never changes.' })
  @IsString()
  @Matches(STATUS_KEY_RULE, { message: 'must be 2-40 characters of a-z, 0-9, "-" or "_", starting with a letter' })
  key: string;

  @Field()
  @NonBlankText(60)
  name: string;

  @Field(() => String, { nullable: true, description: 'The name in Bahasa Indonesia.' })
  @IsOptional()
  @IsString()
  @Length(1, 60, { message: 'must be between 1 and 60 characters' })
  nameIndonesian?: string;

  @Field(() => TicketStatus)
  category: TicketStatus;

  @Field({ defaultValue: false })
  pausesSla: boolean;

  @Field(() => Int, { nullable: true, description: 'Defaults to after the other statuses of its category.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  position?: number;
}

@InputType()
export class UpdateTicketStatusInput {
  @Field({ nullable: true })
  @IsOptional()
  @NonBlankText(60)
  name?: string;

  @Field(() => String, { nullable: true, description: 'The name in Bahasa Indonesia; an empty string removes it.' })
  @IsOptional()
  @IsString()
  @Length(0, 60, { message: 'must be at most 60 characters' })
  nameIndonesian?: string;

  @Field(() => TicketStatus, { nullable: true, description: 'Only while no ticket has this status.' })
  @IsOptional()
  category?: TicketStatus;

  @Field({ nullable: true })
  @IsOptional()
  pausesSla?: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  position?: number;

  @Field({ nullable: true })
  @IsOptional()
  active?: boolean;
}
