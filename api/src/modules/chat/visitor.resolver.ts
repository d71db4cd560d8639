import { Arg, Ctx, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { Auth, Public } from '../../platform/auth/auth.directive.js';
import { Role } from '../../platform/auth/principal.js';
import { Caller, principalOf } from '../../platform/graphql/caller.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { mapFilter } from '../../platform/realtime/iterators.js';
import { RealtimeService, toNotification } from '../realtime/realtime.service.js';
import { RateChatInput, SendChatMessageInput, StartChatInput } from './chat.inputs.js';
import { ChatService } from './chat.service.js';
import { namesOf, toChatMessage } from './chat.views.js';
import { ChatMessage, ChatTyping, StartChatPayload, VisitorChat, WidgetSettings } from './chat.types.js';

const { VISITOR } = Role;
type SubData = SubscribeResolverData<unknown, Record<string, unknown>, GraphQLContext>;
const visitorScope = (ctx: GraphQLContext) => ({ em: ctx.em, principal: principalOf(ctx) });

/** The widget's API: public start, then everything a chat session token may do (its one chat). */
@Resolver()
export class VisitorResolver {
  constructor(private readonly chats: ChatService) {}

  @Public()
  @Query(() => WidgetSettings, { description: 'What the widget of a key shows before a chat starts.' })
  widgetSettings(
    @Arg('widgetKey') widgetKey: string,
    @Arg('locale', () => String, { nullable: true, description: 'The visitor\'s language ("en" or "id"): picks the workspace greeting in it.' }) locale: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return this.chats.settings(ctx.em, widgetKey, locale === 'id' ? 'id' : 'en');
  }

  @Public()
  @Mutation(() => StartChatPayload, {
    description: 'Starts a live chat from a website. The tenant comes from the widget key; a browser origin not on its list is refused.',
  })
  startChat(@Arg('input', () => StartChatInput) input: StartChatInput, @Ctx() ctx: GraphQLContext) {
    return this.chats.start(ctx.em, { ip: ctx.ip, origin: ctx.origin, userAgent: ctx.userAgent }, input);
  }

  @Auth(VISITOR)
  @Query(() => VisitorChat, { description: "The visitor's chat (chat session token only)." })
  visitorChat(@Caller() caller: Caller) {
    return this.chats.chatOf(caller).then((c) => this.chats.view(caller.em, c.id));
  }

  @Auth(VISITOR)
  @Mutation(() => ChatMessage)
  sendChatMessage(@Arg('input', () => SendChatMessageInput) input: SendChatMessageInput, @Caller() caller: Caller) {
    return this.chats.post(caller, input.body, input.attachmentIds ?? []);
  }

  @Auth(VISITOR)
  @Mutation(() => Boolean, { description: 'Renew about every 3 seconds while typing; send false when done.' })
  async setChatTyping(@Arg('isTyping', () => Boolean) isTyping: boolean, @Caller() caller: Caller) {
    const chat = await this.chats.chatOf(caller);
    return caller.services.get(RealtimeService).setTyping(this.chats.asCustomer(caller, chat), chat.ticketId, isTyping, false, chat.visitorName);
  }

  @Auth(VISITOR)
  @Mutation(() => VisitorChat, { description: 'The visitor has read everything so far (read receipts for the agent).' })
  markChatRead(@Caller() caller: Caller) {
    return this.chats.markRead(caller);
  }

  @Auth(VISITOR)
  @Mutation(() => VisitorChat, { description: 'The visitor ends the chat.' })
  endChat(@Caller() caller: Caller) {
    return this.chats.end(caller);
  }

  @Auth(VISITOR)
  @Mutation(() => Boolean, { description: "Mails the chat's transcript to the visitor's e-mail address." })
  emailChatTranscript(@Caller() caller: Caller) {
    return this.chats.emailTranscript(caller);
  }

  @Auth(VISITOR)
  @Mutation(() => VisitorChat, { description: 'Rates a closed chat, 1 to 5, with an optional comment.' })
  rateChat(@Arg('input', () => RateChatInput) input: RateChatInput, @Caller() caller: Caller) {
    return this.chats.rate(caller, input);
  }

  @Auth(VISITOR)
  @Subscription(() => ChatMessage, {
    description: "New messages of the visitor's chat: agents', the visitor's own and system lines (never internal notes).",
    subscribe: async ({ context }: SubData) => {
      const chats = context.services.get(ChatService);
      const chat = await chats.chatOf(visitorScope(context));
      return context.services.get(RealtimeService).messageAdded(chats.asCustomer(visitorScope(context), chat), chat.ticketId);
    },
  })
  async chatMessageAdded(@Root() event: Parameters<typeof toNotification>[0], @Ctx() ctx: GraphQLContext): Promise<ChatMessage> {
    ctx.refresh?.();
    const chats = ctx.services.get(ChatService);
    const chat = await chats.chatOf(visitorScope(ctx));
    const m = toNotification(event).message!;
    const names = m.authorId && m.authorId !== chat.customerId ? await namesOf(ctx.em, [m.authorId]) : new Map();
    return toChatMessage(chat, m, names);
  }

  @Auth(VISITOR)
  @Subscription(() => ChatTyping, {
    description: "Agents typing in the visitor's chat.",
    subscribe: async ({ context }: SubData) => {
      const chats = context.services.get(ChatService);
      const chat = await chats.chatOf(visitorScope(context));
      const source = await context.services.get(RealtimeService).typing(chats.asCustomer(visitorScope(context), chat), chat.ticketId);
      return mapFilter(source, (e) => (e.userId === chat.customerId ? undefined : { name: e.name, isTyping: e.isTyping }));
    },
  })
  chatTyping(@Root() event: ChatTyping): ChatTyping {
    return event;
  }
}
