import { Field, Int, ObjectType } from 'type-graphql';
import { SlaState } from './sla.engine.js';

@ObjectType()
export class SlaClock {
  @Field(() => Date, { nullable: true })
  dueAt: Date | null;

  @Field(() => SlaState)
  state: SlaState;

  @Field(() => Int, { nullable: true, description: 'Working minutes left (negative when overdue); null once met or breached for good.' })
  remainingMinutes: number | null;
}

@ObjectType()
export class TicketSla {
  @Field(() => SlaClock, { nullable: true })
  firstResponse: SlaClock | null;

  @Field(() => SlaClock, { nullable: true })
  resolution: SlaClock | null;

  @Field({ description: 'Whether the clocks count business hours only.' })
  businessHours: boolean;
}

@ObjectType()
export class OpeningHoursType {
  @Field(() => Int)
  day: number;

  @Field()
  open: string;

  @Field()
  close: string;
}

@ObjectType('BusinessCalendar')
export class BusinessCalendarType {
  @Field()
  timezone: string;

  @Field(() => [OpeningHoursType])
  hours: OpeningHoursType[];

  @Field(() => [String])
  holidays: string[];
}
