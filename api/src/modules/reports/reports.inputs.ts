import { IsOptional, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { TicketCategory, TicketChannel, TicketPriority } from '../ticket/ticket.enums.js';

export enum ReportGroupBy {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(ReportGroupBy, { name: 'ReportGroupBy', description: 'Bucket size; days, weeks (from Monday) and months are in the tenant\'s timezone.' });

/** Longest range a report covers. */
export const MAX_RANGE_DAYS = 400;

@InputType({ description: `A time range [from, to), at most ${MAX_RANGE_DAYS} days.` })
export class ReportRangeInput {
  @Field()
  from: Date;

  @Field()
  to: Date;
}

@InputType({ description: 'Narrows a report to tickets with these values.' })
export class ReportFilterInput {
  @Field(() => TicketCategory, { nullable: true })
  @IsOptional()
  category?: TicketCategory | null;

  @Field(() => TicketPriority, { nullable: true })
  @IsOptional()
  priority?: TicketPriority | null;

  @Field(() => TicketChannel, { nullable: true })
  @IsOptional()
  channel?: TicketChannel | null;

  @Field(() => String, { nullable: true, description: 'Live chat department.' })
  @IsOptional()
  @Length(1, 64)
  department?: string | null;

  @Field(() => ID, { nullable: true, description: 'The assigned agent.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an id' })
  assigneeId?: string | null;
}

@InputType({ description: 'Which metrics rows: created in the range (optional) and matching the filter.' })
export class TicketMetricsFilterInput extends ReportFilterInput {
  @Field(() => ReportRangeInput, { nullable: true })
  @IsOptional()
  range?: ReportRangeInput | null;
}
