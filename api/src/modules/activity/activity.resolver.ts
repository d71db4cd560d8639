import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Caller } from '../../platform/graphql/caller.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { Ticket } from '../ticket/ticket.entity.js';
import { customersSeePriorityLoader } from '../tenant/tenant.service.js';
import { canSeeInternal, seesPriority, seesTags } from '../ticket/ticket.policy.js';
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
  async activities(
    @Root() t: Ticket,
    @Caller() caller: Caller,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    const p = caller.principal;
    const priority = seesPriority(p, false) || seesPriority(p, await customersSeePriorityLoader(ctx).load(p.tenantId));
    return listActivities(caller.em, t.id, { internal: canSeeInternal(p), tags: seesTags(p), priority }, first, after);
  }
}
