import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { memberLoader } from '../user/user.loaders.js';
import { UserType } from '../user/user.types.js';
import { TicketActivity } from './activity.types.js';

@Resolver(() => TicketActivity)
export class ActivityResolver {
  @FieldResolver(() => UserType, { nullable: true, description: 'Null for changes made by the system.' })
  actor(@Root() a: TicketActivity, @Ctx() ctx: GraphQLContext) {
    return a.actorId ? memberLoader(ctx).load(a.actorId) : null;
  }
}
