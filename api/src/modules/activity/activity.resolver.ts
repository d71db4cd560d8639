import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Caller } from '../../platform/graphql/caller.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { Ticket } from '../ticket/ticket.entity.js';
import { canSeeInternal } from '../ticket/ticket.policy.js';
import { memberLoader } from '../user/user.loaders.js';
import { UserType } from '../user/user.types.js';
import { listActivities } from './activity.service.js';
import { TicketActivity, TicketActivityConnection } from './activity.types.js';

@Resolver(() => TicketActivity)
export class ActivityResolver {
  @FieldResolver(() => UserType, { nullable: true, description: 'Null for changes made by the system.' })
  actor(@Root() a: TicketActivity, @Ctx() ctx: GraphQLContext) {
    return a.actorId ? memberLoader(ctx).load(a.actorId) : null;
  }
}

/** The activity module adds the timeline to the ticket. */
@Resolver(() => Ticket)
export class TicketActivitiesResolver {
  @FieldResolver(() => TicketActivityConnection, { description: 'The timeline, in order. Customers do not see internal notes.' })
  activities(
    @Root() t: Ticket,
    @Caller() caller: Caller,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return listActivities(caller.em, t.id, canSeeInternal(caller.principal), first, after);
  }
}
