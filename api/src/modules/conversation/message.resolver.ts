import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { Auth } from '../../platform/auth/auth.directive.js';
import { Role } from '../../platform/auth/principal.js';
import { Permission } from '../../platform/auth/permissions.js';
import { Scope } from '../../platform/auth/scopes.js';
import { Caller } from '../../platform/graphql/caller.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { Attachment } from '../attachment/attachment.entity.js';
import { Ticket } from '../ticket/ticket.entity.js';
import { assertCanReadMessages } from '../ticket/ticket.policy.js';
import { memberLoader } from '../user/user.loaders.js';
import { UserType } from '../user/user.types.js';
import { Message } from './message.entity.js';
import { PostMessageInput } from './message.inputs.js';
import { attachmentsLoader, lastMessageLoader, messageCountLoader } from './message.loaders.js';
import type { MessageService } from './message.service.js';
import { MessageConnection } from './message.types.js';

@Resolver(() => Message)
export class MessageResolver {
  constructor(private readonly messages: MessageService) {}

  @Auth(Role.ADMIN, Role.AGENT, Role.CUSTOMER, Role.PARTNER, { scopes: [Scope.MESSAGES_WRITE], permission: Permission.CONVERSATIONS_REPLY })
  @Mutation(() => Message, { description: 'Replies on a ticket. Staff may post internal notes; API keys never.' })
  postMessage(@Arg('input', () => PostMessageInput) input: PostMessageInput, @Caller() caller: Caller) {
    return this.messages.post(caller, input);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Null for system messages.' })
  author(@Root() m: Message, @Ctx() ctx: GraphQLContext) {
    return m.authorId ? memberLoader(ctx).load(m.authorId) : null;
  }

  @FieldResolver(() => [Attachment])
  attachments(@Root() m: Message, @Ctx() ctx: GraphQLContext) {
    return attachmentsLoader(ctx).load(m.id);
  }
}

/** The conversation module adds the thread to the ticket. */
@Resolver(() => Ticket)
export class TicketMessagesResolver {
  constructor(private readonly service: MessageService) {}

  @FieldResolver(() => MessageConnection, { description: 'Oldest first. Internal notes only for staff. API keys need messages:read.' })
  messages(
    @Root() t: Ticket,
    @Caller() caller: Caller,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return this.service.list(caller, t, first, after);
  }

  @FieldResolver(() => Message, { nullable: true, description: 'API keys need messages:read.' })
  lastMessage(@Root() t: Ticket, @Caller() caller: Caller) {
    assertCanReadMessages(caller.principal);
    return lastMessageLoader(caller, caller.principal).load(t.id);
  }

  @FieldResolver(() => Int)
  messageCount(@Root() t: Ticket, @Caller() caller: Caller) {
    return messageCountLoader(caller, caller.principal).load(t.id);
  }
}
