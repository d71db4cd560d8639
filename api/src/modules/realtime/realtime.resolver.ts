import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { Auth } from '../../platform/auth/auth.directive.js';
import { Role } from '../../platform/auth/principal.js';
import { Permission } from '../../platform/auth/permissions.js';
import { Scope } from '../../platform/auth/scopes.js';
import { Caller, principalOf } from '../../platform/graphql/caller.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { Message } from '../conversation/message.entity.js';
import { customersSeePriority, customersSeePriorityLoader } from '../tenant/tenant.service.js';
import { seesPriority } from '../ticket/ticket.policy.js';
import { memberLoader } from '../user/user.loaders.js';
import { present, RealtimeService, toNotification } from './realtime.service.js';
import { TicketEventConnection, TicketEventFilter, TicketEventNotification, TypingEvent } from './realtime.types.js';
import type { TicketEventEnvelope } from './ticket-feed.js';

const { ADMIN, AGENT, CUSTOMER, PARTNER } = Role;
const EVENTS = { scopes: [Scope.EVENTS_READ] as [string] };
type SubData = SubscribeResolverData<unknown, Record<string, any>, GraphQLContext>;
const service = (ctx: GraphQLContext) => ctx.services.get(RealtimeService);
const scope = (ctx: GraphQLContext) => ({ em: ctx.em, principal: principalOf(ctx) });

@Resolver()
export class RealtimeResolver {
  @Auth(ADMIN, AGENT, CUSTOMER, PARTNER, { ...EVENTS, permission: Permission.TICKETS_READ })
  @Query(() => TicketEventConnection, {
    description:
      'The change feed: committed ticket events after a cursor, oldest first, each once. Customers see only their own tickets; only staff see internal notes.',
  })
  ticketEventFeed(
    @Caller() caller: Caller,
    @Arg('after', () => String, { nullable: true, description: 'A cursor from an earlier page or event; leave out to start at the beginning.' })
    after?: string,
    @Arg('first', () => Int, { nullable: true, description: 'At most 100; 50 when left out.' }) first?: number,
  ) {
    return caller.services.get(RealtimeService).eventFeed(caller, after, first);
  }

  @Auth(ADMIN, AGENT, CUSTOMER, PARTNER, { ...EVENTS, permission: Permission.TICKETS_READ })
  @Subscription(() => TicketEventNotification, {
    description:
      'Ticket changes as they commit, in sequence order. With `after`, every event after that cursor is replayed first, then live ones follow: none twice, none missing. Customers receive only their own tickets, never internal notes.',
    subscribe: ({ args, context }: SubData) =>
      service(context).ticketEvents(principalOf(context), args.filter, args.after, () => customersSeePriority(context.em, principalOf(context).tenantId)),
  })
  async ticketEvents(
    @Root() event: TicketEventEnvelope,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => TicketEventFilter, { nullable: true }) _filter?: TicketEventFilter,
    @Arg('after', () => String, { nullable: true, description: 'Resume after this cursor (an event\'s `cursor`).' }) _after?: string,
  ): Promise<TicketEventNotification> {
    ctx.refresh?.();
    const p = principalOf(ctx);
    // Staff and API keys see priority; a customer's view depends on the workspace setting.
    const sees = seesPriority(p, false) || (await customersSeePriorityLoader(ctx).load(p.tenantId));
    return present(p, event, sees);
  }

  @Auth(ADMIN, AGENT, CUSTOMER, { permission: Permission.TICKETS_READ })
  @Subscription(() => Message, {
    description: 'New messages of one ticket. Internal notes reach staff only.',
    subscribe: ({ args, context }: SubData) => service(context).messageAdded(scope(context), args.ticketId),
  })
  messageAdded(@Root() event: TicketEventEnvelope, @Ctx() ctx: GraphQLContext, @Arg('ticketId', () => ID) _ticketId: string): Message {
    ctx.refresh?.();
    return toNotification(event).message!;
  }

  @Auth(ADMIN, AGENT, CUSTOMER, { permission: Permission.TICKETS_READ })
  @Subscription(() => TypingEvent, {
    description: 'Who is typing in a ticket. Stops by itself a few seconds after the last renewal.',
    subscribe: ({ args, context }: SubData) => service(context).typing(scope(context), args.ticketId),
  })
  typing(@Root() event: TypingEvent, @Arg('ticketId', () => ID) _ticketId: string): TypingEvent {
    return event;
  }

  @Auth(ADMIN, AGENT, CUSTOMER, { permission: Permission.CONVERSATIONS_REPLY })
  @Mutation(() => Boolean, { description: 'Renew about every 3 seconds while typing; send false when done.' })
  async setTyping(
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('isTyping', () => Boolean) isTyping: boolean,
    @Caller() caller: Caller,
    @Arg('internal', () => Boolean, { defaultValue: false, description: 'Typing an internal note: hidden from customers.' }) internal: boolean,
  ): Promise<boolean> {
    const me = await memberLoader(caller).load(caller.principal.userId);
    return caller.services.get(RealtimeService).setTyping(caller, ticketId, isTyping, internal, me?.name ?? 'Someone');
  }
}
