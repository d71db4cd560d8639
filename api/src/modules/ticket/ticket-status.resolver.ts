import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Auth, type AuthOptions } from '../../platform/auth/auth.directive.js';
import { Role } from '../../platform/auth/principal.js';
import { Permission } from '../../platform/auth/permissions.js';
import { Scope } from '../../platform/auth/scopes.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { CreateTicketStatusInput, UpdateTicketStatusInput } from './ticket-status.inputs.js';
import type { TicketStatusService } from './ticket-status.service.js';
import { TicketStatusView } from './ticket-status.types.js';

const READ = { scopes: [Scope.TICKETS_READ] } as AuthOptions;

@Resolver()
export class TicketStatusResolver {
  constructor(private readonly service: TicketStatusService) {}

  @Auth(Role.ADMIN, Role.AGENT, Role.CUSTOMER, Role.PARTNER, { ...READ, permission: Permission.TICKETS_READ })
  @Query(() => [TicketStatusView], { description: 'Every status of the workspace, per category (OPEN, IN_PROGRESS, RESOLVED, CLOSED): the built-in one first.' })
  ticketStatuses(@Ctx() ctx: GraphQLContext): Promise<TicketStatusView[]> {
    return this.service.list(ctx.em);
  }

  @Auth(Role.ADMIN, Role.AGENT, { permission: Permission.SETTINGS_MANAGE })
  @Mutation(() => TicketStatusView, { description: 'Adds a status of the workspace under one of the four categories.' })
  createTicketStatus(@Arg('input', () => CreateTicketStatusInput) input: CreateTicketStatusInput, @Ctx() ctx: GraphQLContext): Promise<TicketStatusView> {
    return this.service.create(ctx.em, input);
  }

  @Auth(Role.ADMIN, Role.AGENT, { permission: Permission.SETTINGS_MANAGE })
  @Mutation(() => TicketStatusView, { description: 'Renames, reorders, pauses the SLA or not, deactivates; the key never changes. Built-in statuses cannot be changed.' })
  updateTicketStatus(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateTicketStatusInput) input: UpdateTicketStatusInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TicketStatusView> {
    return this.service.update(ctx.em, id, input);
  }

  @Auth(Role.ADMIN, Role.AGENT, { permission: Permission.SETTINGS_MANAGE })
  @Mutation(() => Boolean, { description: 'Deletes a status no ticket has (CONFLICT otherwise: make it inactive instead).' })
  deleteTicketStatus(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return this.service.delete(ctx.em, id);
  }
}
