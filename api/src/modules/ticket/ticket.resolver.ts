import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Auth, type AuthOptions } from '../../platform/auth/auth.directive.js';
import { Scope } from '../../platform/auth/scopes.js';
import { Role } from '../../platform/auth/principal.js';
import { Permission } from '../../platform/auth/permissions.js';
import { Caller } from '../../platform/graphql/caller.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { customersSeePriorityLoader } from '../tenant/tenant.service.js';
import { memberLoader } from '../user/user.loaders.js';
import { UserType } from '../user/user.types.js';
import { Ticket } from './ticket.entity.js';
import { TicketPriority, TicketStatus } from './ticket.enums.js';
import { CreateTicketInput, TicketFilter, TicketOrder, UpdateTicketInput } from './ticket.inputs.js';
import { statusViewsLoader } from './ticket-status.policy.js';
import { TicketStatusView } from './ticket-status.types.js';
import { allowedStatusKeys, allowedTransitions, assertCanFilterTriage, canAssignTicket, canClaimTicket, canEditTicket, seesPriority, seesTags } from './ticket.policy.js';
import { listTickets } from './ticket.query.js';
import type { TicketService } from './ticket.service.js';
import { TicketConnection } from './ticket.types.js';

const { ADMIN, AGENT, CUSTOMER, PARTNER } = Role;
const READ = { scopes: [Scope.TICKETS_READ] } as AuthOptions;
const WRITE = { scopes: [Scope.TICKETS_WRITE] } as AuthOptions;

/**
 * The ticket itself. Other modules add their fields to Ticket from their own folders
 * (conversation: messages; activity: activities; sla: sla).
 */
@Resolver(() => Ticket)
export class TicketResolver {
  constructor(private readonly ticketService: TicketService) {}

  @Auth(ADMIN, AGENT, CUSTOMER, PARTNER, { ...READ, permission: Permission.TICKETS_READ })
  @Query(() => Ticket, { description: 'A ticket you may see; others answer NOT_FOUND.' })
  ticket(@Arg('id', () => ID) id: string, @Caller() caller: Caller) {
    return this.ticketService.get(caller, { id });
  }

  @Auth(ADMIN, AGENT, CUSTOMER, PARTNER, { ...READ, permission: Permission.TICKETS_READ })
  @Query(() => Ticket)
  ticketByNumber(@Arg('number', () => Int) number: number, @Caller() caller: Caller) {
    return this.ticketService.get(caller, { number });
  }

  @Auth(ADMIN, AGENT, CUSTOMER, PARTNER, { ...READ, permission: Permission.TICKETS_READ })
  @Query(() => TicketConnection, { description: 'Customers see only their own tickets.' })
  async tickets(
    @Caller() caller: Caller,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => TicketFilter, { nullable: true }) filter?: TicketFilter,
    @Arg('orderBy', () => TicketOrder, { nullable: true }) orderBy?: TicketOrder,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('last', () => Int, { nullable: true }) last?: number,
    @Arg('before', () => String, { nullable: true }) before?: string,
  ) {
    const p = caller.principal;
    if (!seesTags(p) || !seesPriority(p, false)) {
      assertCanFilterTriage(p, await customersSeePriorityLoader(ctx).load(p.tenantId), filter, orderBy?.field);
    }
    return listTickets(caller, p, filter, orderBy, { first, after, last, before });
  }

  @Auth(ADMIN, AGENT, CUSTOMER, PARTNER, { ...WRITE, permission: Permission.TICKETS_CREATE })
  @Mutation(() => Ticket, {
    description:
      'Customers open tickets for themselves; staff open one for a customer (`customerId`, or `newCustomer` to add them); API keys for a customer, channel API.',
  })
  createTicket(@Arg('input', () => CreateTicketInput) input: CreateTicketInput, @Caller() caller: Caller) {
    return this.ticketService.create(caller, input);
  }

  @Auth(ADMIN, AGENT, PARTNER, { ...WRITE, permission: Permission.TICKETS_UPDATE })
  @Mutation(() => Ticket)
  updateTicket(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateTicketInput) input: UpdateTicketInput,
    @Caller() caller: Caller,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return this.ticketService.update(caller, id, input, expectedVersion);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.TICKETS_ASSIGN })
  @Mutation(() => Ticket, {
    description:
      'Assigns to an agent of this tenant, or back to the queue with null. Agents: only tickets they hold or that are unassigned; admins: any.',
  })
  assignTicket(
    @Arg('id', () => ID) id: string,
    @Arg('agentId', () => ID, { nullable: true }) agentId: string | null,
    @Caller() caller: Caller,
  ) {
    return this.ticketService.assign(caller, id, agentId ?? null);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.TICKETS_ASSIGN })
  @Mutation(() => Ticket, { description: 'Assigns an unassigned ticket to yourself.' })
  claimTicket(@Arg('id', () => ID) id: string, @Caller() caller: Caller) {
    return this.ticketService.claim(caller, id);
  }

  @Auth(ADMIN, AGENT, CUSTOMER, PARTNER, { ...WRITE, permission: Permission.TICKETS_UPDATE })
  @Mutation(() => Ticket, {
    description:
      'To a category (`status`) or a status key of ticketStatuses (`statusKey`; with both, they must agree). The state machine runs on categories; moving between statuses of one category is for staff and API keys. Customers may only close their own resolved tickets; API keys follow the agent rules.',
  })
  changeTicketStatus(
    @Arg('id', () => ID) id: string,
    @Caller() caller: Caller,
    @Arg('status', () => TicketStatus, { nullable: true }) status?: TicketStatus,
    @Arg('statusKey', () => String, { nullable: true }) statusKey?: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return this.ticketService.changeStatus(caller, id, { status, statusKey }, expectedVersion);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.TICKETS_DELETE })
  @Mutation(() => Ticket, { description: 'Soft delete: the ticket disappears from every query.' })
  deleteTicket(@Arg('id', () => ID) id: string, @Caller() caller: Caller) {
    return this.ticketService.delete(caller, id);
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

  @FieldResolver(() => [TicketStatus], { description: 'The statuses you may move this ticket to now (changeTicketStatus accepts exactly these).' })
  viewerCanChangeStatusTo(@Root() t: Ticket, @Caller() caller: Caller): TicketStatus[] {
    return allowedTransitions(caller.principal, t);
  }

  @FieldResolver(() => [String], { description: 'The status keys you may move this ticket to now (changeTicketStatus(statusKey) accepts exactly these).' })
  async viewerCanChangeStatusKeyTo(@Root() t: Ticket, @Caller() caller: Caller, @Ctx() ctx: GraphQLContext): Promise<string[]> {
    return allowedStatusKeys(caller.principal, t, await statusViewsLoader(ctx).load(t.tenantId));
  }

  @FieldResolver(() => TicketStatusView, { nullable: true, description: "The workspace's status the ticket is in (null when it is in a built-in one)." })
  async customStatus(@Root() t: Ticket, @Ctx() ctx: GraphQLContext): Promise<TicketStatusView | null> {
    if (!t.statusKey || t.statusKey === t.status) return null;
    return (await statusViewsLoader(ctx).load(t.tenantId)).find((s) => s.key === t.statusKey) ?? null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether you may assign this ticket (assignTicket): admins any ticket, agents the ones they hold or that are unassigned.' })
  viewerCanAssign(@Root() t: Ticket, @Caller() caller: Caller): boolean {
    return canAssignTicket(caller.principal, t);
  }

  @FieldResolver(() => Boolean, { description: 'Whether you may claim this ticket for yourself (claimTicket).' })
  viewerCanClaim(@Root() t: Ticket, @Caller() caller: Caller): boolean {
    return canClaimTicket(caller.principal, t);
  }

  @FieldResolver(() => Boolean, { description: 'Whether you may edit title, description, priority, category and tags (updateTicket).' })
  viewerCanEdit(@Caller() caller: Caller): boolean {
    return canEditTicket(caller.principal);
  }
}
