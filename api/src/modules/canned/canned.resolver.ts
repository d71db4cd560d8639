import { Arg, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Auth } from '../../platform/auth/auth.directive.js';
import { Role } from '../../platform/auth/principal.js';
import { Permission } from '../../platform/auth/permissions.js';
import { Caller } from '../../platform/graphql/caller.js';
import type { TicketService } from '../ticket/ticket.service.js';
import { CannedResponse } from './canned-response.entity.js';
import { CreateCannedResponseInput, UpdateCannedResponseInput } from './canned.inputs.js';
import { canManageCanned, type CannedResponseService } from './canned.service.js';

const { ADMIN, AGENT } = Role;

@Resolver(() => CannedResponse)
export class CannedResponseResolver {
  constructor(
    private readonly service: CannedResponseService,
    private readonly tickets: TicketService,
  ) {}

  @Auth(ADMIN, AGENT, { permission: Permission.CANNED_MANAGE })
  @Query(() => [CannedResponse], { description: "The tenant's shared canned responses and your own private ones." })
  cannedResponses(@Caller() caller: Caller) {
    return this.service.list(caller);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.CANNED_MANAGE })
  @Query(() => String, { description: 'The body of a canned response with {{customer.name}}, {{ticket.number}} and {{agent.name}} filled for a ticket.' })
  async renderCannedResponse(@Arg('id', () => ID) id: string, @Arg('ticketId', () => ID) ticketId: string, @Caller() caller: Caller) {
    const ticket = await this.tickets.get(caller, { id: ticketId });
    return this.service.render(caller.em, caller.principal, id, ticket);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.CANNED_MANAGE })
  @Mutation(() => CannedResponse, { description: 'Shared (admins only) or private to you.' })
  createCannedResponse(@Arg('input', () => CreateCannedResponseInput) input: CreateCannedResponseInput, @Caller() caller: Caller) {
    return this.service.create(caller, input);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.CANNED_MANAGE })
  @Mutation(() => CannedResponse, { description: 'Admins edit shared responses; authors their private ones.' })
  updateCannedResponse(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCannedResponseInput) input: UpdateCannedResponseInput,
    @Caller() caller: Caller,
  ) {
    return this.service.update(caller, id, input);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.CANNED_MANAGE })
  @Mutation(() => Boolean, { description: 'Admins delete shared responses; authors their private ones.' })
  deleteCannedResponse(@Arg('id', () => ID) id: string, @Caller() caller: Caller) {
    return this.service.delete(caller, id);
  }

  @FieldResolver(() => Boolean, { description: 'Whether you may edit or delete it: admins the shared ones, authors their private ones.' })
  viewerCanManage(@Root() item: CannedResponse, @Caller() caller: Caller): boolean {
    return canManageCanned(caller.principal, item);
  }
}
