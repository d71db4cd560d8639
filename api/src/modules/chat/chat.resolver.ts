import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Auth } from '../../platform/auth/auth.directive.js';
import { Role } from '../../platform/auth/principal.js';
import { Permission } from '../../platform/auth/permissions.js';
import { Caller } from '../../platform/graphql/caller.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { Ticket } from '../ticket/ticket.entity.js';
import { isStaff } from '../ticket/ticket.policy.js';
import { memberLoader } from '../user/user.loaders.js';
import { UserType } from '../user/user.types.js';
import type { ChatAdminService } from './chat-admin.service.js';
import { ChatCapacityInput, CreateWidgetKeyInput, DepartmentInput, TransferChatInput } from './chat.inputs.js';
import { ChatAgentSettings, ChatState, ChatType, DepartmentType, WidgetKeyType } from './chat.types.js';
import type { InboxService } from './inbox.service.js';

const { ADMIN, AGENT } = Role;

/** Live chat for staff: the inbox (queue, active chats, accept, transfer, close) and its settings. */
@Resolver(() => ChatType)
export class ChatResolver {
  constructor(
    private readonly inbox: InboxService,
    private readonly admin: ChatAdminService,
  ) {}

  @Auth(ADMIN, AGENT, { permission: Permission.CHAT_ACCEPT })
  @Query(() => [ChatType], { description: 'Live chats, oldest first: waiting and active unless states are given.' })
  chats(@Caller() caller: Caller, @Arg('states', () => [ChatState], { nullable: true }) states?: ChatState[]) {
    return this.inbox.list(caller.em, states ?? []);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.CHAT_ACCEPT })
  @Query(() => ChatType)
  chat(@Arg('id', () => ID) id: string, @Caller() caller: Caller) {
    return this.inbox.get(caller.em, id);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.CHAT_ACCEPT })
  @Mutation(() => ChatType, { description: 'Take a waiting chat (within your capacity).' })
  acceptChat(@Arg('id', () => ID) id: string, @Caller() caller: Caller) {
    return this.inbox.accept(caller, id);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.CHAT_ACCEPT })
  @Mutation(() => ChatType, { description: 'Give the chat to an agent, or route it again within a department.' })
  transferChat(@Arg('input', () => TransferChatInput) input: TransferChatInput, @Caller() caller: Caller) {
    return this.inbox.transfer(caller, input);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.CHAT_ACCEPT })
  @Mutation(() => ChatType, { description: "Staff have read the chat so far: the visitor's read receipt." })
  markChatSeen(@Arg('id', () => ID) id: string, @Caller() caller: Caller) {
    return this.inbox.seen(caller.em, id);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.CHAT_ACCEPT })
  @Mutation(() => ChatType, { description: 'Ends the chat and closes its ticket.' })
  closeChat(@Arg('id', () => ID) id: string, @Caller() caller: Caller) {
    return this.inbox.close(caller, id);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.TICKETS_READ })
  @Query(() => [DepartmentType])
  departments(@Caller() caller: Caller) {
    return this.admin.departments(caller.em);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.USERS_MANAGE })
  @Mutation(() => DepartmentType)
  createDepartment(@Arg('input', () => DepartmentInput) input: DepartmentInput, @Caller() caller: Caller) {
    return this.admin.saveDepartment(caller.em, null, input);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.USERS_MANAGE })
  @Mutation(() => DepartmentType, { description: 'Renames the department and replaces its agents.' })
  updateDepartment(@Arg('id', () => ID) id: string, @Arg('input', () => DepartmentInput) input: DepartmentInput, @Caller() caller: Caller) {
    return this.admin.saveDepartment(caller.em, id, input);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.USERS_MANAGE })
  @Mutation(() => Boolean)
  deleteDepartment(@Arg('id', () => ID) id: string, @Caller() caller: Caller) {
    return this.admin.deleteDepartment(caller.em, id);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.CHAT_MANAGE })
  @Query(() => [WidgetKeyType])
  widgetKeys(@Caller() caller: Caller) {
    return this.admin.widgetKeys(caller.em);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.CHAT_MANAGE })
  @Mutation(() => WidgetKeyType, { description: 'A key for the chat widget of one website (its allowed origins).' })
  createWidgetKey(@Arg('input', () => CreateWidgetKeyInput) input: CreateWidgetKeyInput, @Caller() caller: Caller) {
    return this.admin.createWidgetKey(caller.em, caller.principal.tenantId, input);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.CHAT_MANAGE })
  @Mutation(() => Boolean, { description: 'The widget stops working on sites that embed this key; existing chats go on.' })
  revokeWidgetKey(@Arg('id', () => ID) id: string, @Caller() caller: Caller) {
    return this.admin.revokeWidgetKey(caller.em, id);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.CHAT_ACCEPT })
  @Query(() => [ChatAgentSettings], { description: 'Every agent with their chat capacity, load and departments.' })
  chatAgents(@Caller() caller: Caller) {
    return this.admin.agentSettings(caller.em);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.CHAT_MANAGE })
  @Mutation(() => ChatAgentSettings, { description: "Sets an agent's chat capacity (most active chats at once)." })
  setChatCapacity(@Arg('input', () => ChatCapacityInput) input: ChatCapacityInput, @Caller() caller: Caller) {
    return this.admin.setCapacity(caller.em, input);
  }

  @FieldResolver(() => UserType, { nullable: true })
  agent(@Root() chat: ChatType, @Ctx() ctx: GraphQLContext) {
    return chat.agentId ? memberLoader(ctx).load(chat.agentId) : null;
  }
}

/** The chat module adds the live chat (visitor details) to its ticket, for staff. */
@Resolver(() => Ticket)
export class TicketChatResolver {
  constructor(private readonly inbox: InboxService) {}

  @FieldResolver(() => ChatType, { nullable: true, description: 'The live chat this ticket came from (staff only; null otherwise).' })
  chat(@Root() t: Ticket, @Caller() caller: Caller) {
    if (!isStaff(caller.principal) || t.channel !== 'CHAT') return null;
    return this.inbox.forTicket(caller.em, t.id);
  }
}
