import { Field, ID, ObjectType } from 'type-graphql';
import { Ticket } from '../ticket/ticket.entity.js';

/** A ticket a bulk change (or a macro) could not change, and why. */
@ObjectType()
export class TicketFailure {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The error code this ticket alone would have answered: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, CONFLICT.' })
  code: string;

  @Field()
  message: string;
}

@ObjectType()
export class BulkUpdateResult {
  @Field(() => [Ticket], { description: 'The tickets changed (or already as asked), in the order given.' })
  updated: Ticket[];

  @Field(() => [TicketFailure])
  failures: TicketFailure[];
}
