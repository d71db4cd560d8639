import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Auth, type AuthOptions } from '../../platform/auth/auth.directive.js';
import { Scope } from '../../platform/auth/scopes.js';
import { Role } from '../../platform/auth/principal.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { listActivities } from '../activity/activity.service.js';
import { TicketActivityConnection } from '../activity/activity.types.js';
import { Message } from '../conversation/message.entity.js';
import { lastMessageLoader, messageCountLoader } from '../conversation/message.loaders.js';
import { MessageConnection } from '../conversation/message.types.js';
import type { MessageService } from '../conversation/message.service.js';
import { customersSeePriorityLoader } from '../tenant/tenant.service.js';
import { memberLoader } from '../user/user.loaders.js';
import { UserType } from '../user/user.types.js';
import { Ticket } from './ticket.entity.js';
import { TicketPriority, TicketStatus } from './ticket.enums.js';
import { CreateTicketInput, TicketFilter, TicketOrder, UpdateTicketInput } from './ticket.inputs.js';
import { assertCanFilterTriage, assertCanReadMessages, canSeeInternal, seesPriority, seesTags } from './ticket.policy.js';
import { listTickets } from './ticket.query.js';
import type { Ctx as ServiceCtx, TicketService } from './ticket.service.js';
import { TicketConnection } from './ticket.types.js';

const { ADMIN, AGENT, CUSTOMER, PARTNER } = Role;
const READ = { scopes: [Scope.TICKETS_READ] } as AuthOptions;
const WRITE = { scopes: [Scope.TICKETS_WRITE] } as AuthOptions;
const sctx = (ctx: GraphQLContext): ServiceCtx => ({ em: ctx.em, principal: ctx.principal! });

@Resolver(() => Ticket)
export class TicketResolver {
  constructor(
    private readonly ticketService: TicketService,
    private readonly messageService: MessageService,
  ) {}

  @Auth(ADMIN, AGENT, CUSTOMER, PARTNER, READ)
  @Query(() => Ticket, { description: 'A ticket you may see; others answer NOT_FOUND.' })
  ticket(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.ticketService.get(sctx(ctx), { id });
  }

  @Auth(ADMIN, AGENT, CUSTOMER, PARTNER, READ)
  @Query(() => Ticket)
  ticketByNumber(@Arg('number', () => Int) number: number, @Ctx() ctx: GraphQLContext) {
    return this.ticketService.get(sctx(ctx), { number });
  }

  @Auth(ADMIN, AGENT, CUSTOMER, PARTNER, READ)
  @Query(() => TicketConnection, { description: 'Customers see only their own tickets.' })
  async tickets(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => TicketFilter, { nullable: true }) filter?: TicketFilter,
    @Arg('orderBy', () => TicketOrder, { nullable: true }) orderBy?: TicketOrder,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('last', () => Int, { nullable: true }) last?: number,
    @Arg('before', () => String, { nullable: true }) before?: string,
  ) {
    const p = ctx.principal!;
    if (!seesTags(p) || !seesPriority(p, false)) {
      assertCanFilterTriage(p, await customersSeePriorityLoader(ctx).load(p.tenantId), filter, orderBy?.field);
    }
    return listTickets(ctx, p, filter, orderBy, { first, after, last, before });
  }

  @Auth(ADMIN, AGENT, CUSTOMER, PARTNER, WRITE)
  @Mutation(() => Ticket, {
    description:
      'Customers open tickets for themselves; staff open one for a customer (`customerId`, or `newCustomer` to add them); API keys for a customer, channel API.',
  })
  createTicket(@Arg('input', () => CreateTicketInput) input: CreateTicketInput, @Ctx() ctx: GraphQLContext) {
    return this.ticketService.create(sctx(ctx), input);
  }

  @Auth(ADMIN, AGENT, PARTNER, WRITE)
  @Mutation(() => Ticket)
  updateTicket(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateTicketInput) input: UpdateTicketInput,
    @Ctx() ctx: GraphQLContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return this.ticketService.update(sctx(ctx), id, input, expectedVersion);
  }

  @Auth(ADMIN, AGENT)
  @Mutation(() => Ticket, {
    description:
      'Assigns to an agent of this tenant, or back to the queue with null. Agents: only tickets they hold or that are unassigned; admins: any.',
  })
  assignTicket(
    @Arg('id', () => ID) id: string,
    @Arg('agentId', () => ID, { nullable: true }) agentId: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return this.ticketService.assign(sctx(ctx), id, agentId ?? null);
  }

  @Auth(ADMIN, AGENT)
  @Mutation(() => Ticket, { description: 'Assigns an unassigned ticket to yourself.' })
  claimTicket(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.ticketService.claim(sctx(ctx), id);
  }

  @Auth(ADMIN, AGENT, CUSTOMER, PARTNER, WRITE)
  @Mutation(() => Ticket, { description: 'Customers may only close their own resolved tickets; API keys follow the agent rules.' })
  changeTicketStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => TicketStatus) status: TicketStatus,
    @Ctx() ctx: GraphQLContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return this.ticketService.changeStatus(sctx(ctx), id, status, expectedVersion);
  }

  @Auth(ADMIN)
  @Mutation(() => Ticket, { description: 'Soft delete: the ticket disappears from every query.' })
  deleteTicket(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.ticketService.delete(sctx(ctx), id);
  }

  @FieldResolver(() => TicketPriority, {
    nullable: true,
    description: 'Null for customers, unless the workspace shows priority to customers (workspaceSettings.customersSeePriority).',
  })
  async priority(@Root() t: Ticket, @Ctx() ctx: GraphQLContext): Promise<TicketPriority | null> {
    const p = ctx.principal!;
    if (seesPriority(p, false)) return t.priority;
    return seesPriority(p, await customersSeePriorityLoader(ctx).load(p.tenantId)) ? t.priority : null;
  }

  @FieldResolver(() => [String], { description: 'Staff-only triage labels: always empty for customers.' })
  tags(@Root() t: Ticket, @Ctx() ctx: GraphQLContext): string[] {
    return seesTags(ctx.principal!) ? t.tags : [];
  }

  @FieldResolver(() => UserType, { nullable: true })
  customer(@Root() t: Ticket, @Ctx() ctx: GraphQLContext) {
    return memberLoader(ctx).load(t.customerId);
  }

  @FieldResolver(() => UserType, { nullable: true })
  assignee(@Root() t: Ticket, @Ctx() ctx: GraphQLContext) {
    return t.assigneeId ? memberLoader(ctx).load(t.assigneeId) : null;
  }

  @FieldResolver(() => MessageConnection, { description: 'Oldest first. Internal notes only for staff. API keys need messages:read.' })
  messages(
    @Root() t: Ticket,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return this.messageService.list(sctx(ctx), t, first, after);
  }

  @FieldResolver(() => Message, { nullable: true, description: 'API keys need messages:read.' })
  lastMessage(@Root() t: Ticket, @Ctx() ctx: GraphQLContext) {
    assertCanReadMessages(ctx.principal!);
    return lastMessageLoader(ctx, ctx.principal!).load(t.id);
  }

  @FieldResolver(() => Int)
  messageCount(@Root() t: Ticket, @Ctx() ctx: GraphQLContext) {
    return messageCountLoader(ctx, ctx.principal!).load(t.id);
  }

  @FieldResolver(() => TicketActivityConnection, { description: 'The timeline, in order. Customers do not see internal notes.' })
  async activities(
    @Root() t: Ticket,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    const p = ctx.principal!;
    const priority = seesPriority(p, false) || seesPriority(p, await customersSeePriorityLoader(ctx).load(p.tenantId));
    return listActivities(ctx.em, t.id, { internal: canSeeInternal(p), tags: seesTags(p), priority }, first, after);
  }
}
