import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { Auth } from '../../platform/auth/auth.directive.js';
import { Role } from '../../platform/auth/principal.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { ConnectionType } from '../../platform/graphql/pagination.js';
import { mapFilter } from '../../platform/realtime/iterators.js';
import { RealtimeService } from '../realtime/realtime.service.js';
import { Notification } from './notification.entity.js';
import { NotificationService } from './notification.service.js';

const { ADMIN, AGENT, CUSTOMER } = Role;
export const NotificationConnection = ConnectionType('Notification', Notification);

@Resolver()
export class NotificationResolver {
  constructor(private readonly service: NotificationService) {}

  @Auth(ADMIN, AGENT, CUSTOMER)
  @Query(() => NotificationConnection, { description: 'Your notifications, newest first.' })
  notifications(
    @Ctx() ctx: GraphQLContext,
    @Arg('unreadOnly', () => Boolean, { defaultValue: false }) unreadOnly: boolean,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return this.service.list(ctx.em, ctx.principal!, unreadOnly, first, after);
  }

  @Auth(ADMIN, AGENT, CUSTOMER)
  @Query(() => Int)
  unreadNotificationCount(@Ctx() ctx: GraphQLContext) {
    return this.service.unreadCount(ctx.em, ctx.principal!);
  }

  @Auth(ADMIN, AGENT, CUSTOMER)
  @Mutation(() => Int, { description: 'Marks the given notifications, or all of them, read. Returns how many changed.' })
  markNotificationsRead(
    @Ctx() ctx: GraphQLContext,
    @Arg('ids', () => [ID], { nullable: true }) ids?: string[],
    @Arg('all', () => Boolean, { defaultValue: false }) all?: boolean,
  ) {
    return this.service.markRead(ctx.em, ctx.principal!, ids, all ?? false);
  }

  @Auth(ADMIN, AGENT, CUSTOMER)
  @Subscription(() => Notification, {
    description: 'Your new notifications, as their events commit.',
    subscribe: ({ context }: SubscribeResolverData<unknown, object, GraphQLContext>) => {
      const p = context.principal!;
      const service = context.services.get(NotificationService);
      const feed = context.services.get(RealtimeService).feed;
      return mapFilter(feed.subscribe(p.tenantId), async (e) => {
        // Each event is read on a short-lived EntityManager of the subscriber's tenant.
        const [first] = await service.forEvent(context.em.fork({ clear: true }), p, e.id);
        return first;
      });
    },
  })
  notificationAdded(@Root() n: Notification, @Ctx() ctx: GraphQLContext): Notification {
    ctx.refresh?.();
    return n;
  }
}
