import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { Auth } from '../../platform/auth/auth.directive.js';
import { Role } from '../../platform/auth/principal.js';
import { Permission } from '../../platform/auth/permissions.js';
import { Caller, principalOf } from '../../platform/graphql/caller.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { ConnectionType } from '../../platform/graphql/pagination.js';
import { Notification } from './notification.entity.js';
import { NotificationService } from './notification.service.js';

const { ADMIN, AGENT, CUSTOMER } = Role;
export const NotificationConnection = ConnectionType('Notification', Notification);

@Resolver()
export class NotificationResolver {
  constructor(private readonly service: NotificationService) {}

  @Auth(ADMIN, AGENT, CUSTOMER, { permission: Permission.ACCOUNT_USE })
  @Query(() => NotificationConnection, { description: 'Your notifications, newest first.' })
  notifications(
    @Caller() caller: Caller,
    @Arg('unreadOnly', () => Boolean, { defaultValue: false }) unreadOnly: boolean,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return this.service.list(caller.em, caller.principal, unreadOnly, first, after);
  }

  @Auth(ADMIN, AGENT, CUSTOMER, { permission: Permission.ACCOUNT_USE })
  @Query(() => Int)
  unreadNotificationCount(@Caller() caller: Caller) {
    return this.service.unreadCount(caller.em, caller.principal);
  }

  @Auth(ADMIN, AGENT, CUSTOMER, { permission: Permission.ACCOUNT_USE })
  @Mutation(() => Int, { description: 'Marks the given notifications, or all of them, read. Returns how many changed.' })
  markNotificationsRead(
    @Caller() caller: Caller,
    @Arg('ids', () => [ID], { nullable: true }) ids?: string[],
    @Arg('all', () => Boolean, { defaultValue: false }) all?: boolean,
  ) {
    return this.service.markRead(caller.em, caller.principal, ids, all ?? false);
  }

  @Auth(ADMIN, AGENT, CUSTOMER, { permission: Permission.ACCOUNT_USE })
  @Subscription(() => Notification, {
    description: 'Your new notifications, as their events commit (published to you alone).',
    subscribe: ({ context }: SubscribeResolverData<unknown, object, GraphQLContext>) =>
      context.services.get(NotificationService).added(principalOf(context)),
  })
  notificationAdded(@Root() n: Notification, @Ctx() ctx: GraphQLContext): Notification {
    ctx.refresh?.();
    return n;
  }
}
