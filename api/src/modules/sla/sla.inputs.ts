import { ArrayMaxSize, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { TicketCategory, TicketPriority } from '../ticket/ticket.enums.js';

@InputType()
export class SlaPolicyInput {
  @Field(() => TicketCategory)
  category: TicketCategory;

  @Field(() => TicketPriority, { nullable: true, description: 'Leave out for a policy covering every priority of the category.' })
  @IsOptional()
  priority?: TicketPriority | null;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'must be at least 1 minute' })
  @Max(525_600, { message: 'must be at most one year' })
  firstResponseMinutes: number;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'must be at least 1 minute' })
  @Max(525_600, { message: 'must be at most one year' })
  resolutionMinutes: number;

  @Field({ defaultValue: true, description: 'Count business hours only (true) or all hours (false).' })
  businessHours: boolean;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

@InputType()
export class OpeningHoursInput {
  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' })
  @IsInt()
  @Min(1)
  @Max(7)
  day: number;

  @Field({ description: '"09:00"' })
  @Matches(HHMM, { message: 'must be HH:MM' })
  open: string;

  @Field({ description: '"17:00"' })
  @Matches(HHMM, { message: 'must be HH:MM' })
  close: string;
}

@InputType()
export class BusinessCalendarInput {
  @Field({ description: 'IANA timezone, e.g. "Asia/Jakarta".' })
  timezone: string;

  @Field(() => [OpeningHoursInput])
  @ValidateNested({ each: true })
  @ArrayMaxSize(50)
  hours: OpeningHoursInput[];

  @Field(() => [String], { description: 'Local dates without business hours, "2026-12-25".' })
  @ArrayMaxSize(400)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'each holiday must be YYYY-MM-DD' })
  holidays: string[];
}
