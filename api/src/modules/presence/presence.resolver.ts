import { Arg, Ctx, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { Auth } from '../../platform/auth/auth.directive.js';
import { Role } from '../../platform/auth/principal.js';
import { Permission } from '../../platform/auth/permissions.js';
import { Caller, principalOf } from '../../platform/graphql/caller.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { memberLoader } from '../user/user.loaders.js';
import { PresenceService } from './presence.service.js';
import { PresenceStatus } from './presence.store.js';
import { AgentPresence, type PresenceEvent } from './presence.types.js';

const { ADMIN, AGENT } = Role;

@Resolver()
export class PresenceResolver {
  constructor(private readonly presence: PresenceService) {}

  @Auth(ADMIN, AGENT, { permission: Permission.TICKETS_READ })
  @Query(() => [AgentPresence], { description: 'Agents and admins of this tenant with their current presence.' })
  agents(@Caller() caller: Caller) {
    return this.presence.agents(caller.em, caller.principal.tenantId);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.ACCOUNT_USE })
  @Mutation(() => AgentPresence, { description: 'ONLINE, AWAY or BUSY. You become OFFLINE when your last connection closes.' })
  setPresence(@Arg('status', () => PresenceStatus) status: PresenceStatus, @Caller() caller: Caller) {
    return this.presence.set(caller.em, caller.principal, status);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.TICKETS_READ })
  @Subscription(() => AgentPresence, {
    nullable: true,
    description: 'Presence changes of the agents of this tenant.',
    subscribe: ({ context }: SubscribeResolverData<unknown, object, GraphQLContext>) =>
      context.services.get(PresenceService).changes(principalOf(context)),
  })
  async presenceChanged(@Root() event: PresenceEvent, @Ctx() ctx: GraphQLContext): Promise<AgentPresence | null> {
    ctx.refresh?.();
    const user = await memberLoader(ctx).load(event.userId);
    return user ? { user, status: event.status, updatedAt: new Date(event.updatedAt) } : null;
  }
}
