import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Auth } from '../../platform/auth/auth.directive.js';
import { Role } from '../../platform/auth/principal.js';
import { Scope } from '../../platform/auth/scopes.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { Attachment } from '../attachment/attachment.entity.js';
import { memberLoader } from '../user/user.loaders.js';
import { UserType } from '../user/user.types.js';
import { Message } from './message.entity.js';
import { PostMessageInput } from './message.inputs.js';
import { attachmentsLoader } from './message.loaders.js';
import type { MessageService } from './message.service.js';

@Resolver(() => Message)
export class MessageResolver {
  constructor(private readonly messages: MessageService) {}

  @Auth(Role.ADMIN, Role.AGENT, Role.CUSTOMER, Role.PARTNER, { scopes: [Scope.MESSAGES_WRITE] })
  @Mutation(() => Message, { description: 'Replies on a ticket. Staff may post internal notes; API keys never.' })
  postMessage(@Arg('input', () => PostMessageInput) input: PostMessageInput, @Ctx() ctx: GraphQLContext) {
    return this.messages.post({ em: ctx.em, principal: ctx.principal! }, input);
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
