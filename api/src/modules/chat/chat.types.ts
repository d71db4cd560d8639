import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MessageKind } from '../conversation/message.entity.js';
import { TicketPriority } from '../ticket/ticket.enums.js';
import { UserType } from '../user/user.types.js';

/** A chat's state, a view of its ticket. */
export enum ChatState {
  /** OPEN and unassigned: in the queue. */
  WAITING = 'WAITING',
  /** IN_PROGRESS and assigned: an agent is on it. */
  ACTIVE = 'ACTIVE',
  /** Nobody could take it: a normal ticket answered by e-mail. */
  OFFLINE = 'OFFLINE',
  CLOSED = 'CLOSED',
}
registerEnumType(ChatState, { name: 'ChatState', description: 'A live chat as its ticket stands: WAITING, ACTIVE, OFFLINE (became a ticket) or CLOSED.' });

/** Why routing gave a chat to an agent (the CHAT_ASSIGNED event's `routingReason`). */
export enum ChatAssignReason {
  LEAST_LOADED = 'LEAST_LOADED',
  ONLY_CANDIDATE = 'ONLY_CANDIDATE',
  TRANSFERRED = 'TRANSFERRED',
  ACCEPTED = 'ACCEPTED',
}

@ObjectType('Department', { description: 'A team that answers chats; agents belong to any number of them.' })
export class DepartmentType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => [UserType])
  members: UserType[];
}

@ObjectType('WidgetKey', { description: 'The key a website embeds to show the chat widget.' })
export class WidgetKeyType {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The public value in the embed snippet (data-key).' })
  key: string;

  @Field()
  name: string;

  @Field(() => [String], { description: 'Browser origins (https://shop.example) whose pages may start chats with this key.' })
  allowedOrigins: string[];

  @Field(() => ID, { nullable: true, description: 'Chats started with this key go to this department (unless the visitor picks one).' })
  departmentId: string | null;

  @Field({ description: 'The widget colour, #rrggbb.' })
  color: string;

  @Field(() => String, { nullable: true, description: 'The greeting above the pre-chat form.' })
  greeting: string | null;

  @Field({ description: 'Visitors must bring an id signed with the identity secret (HMAC-SHA256).' })
  requireIdentity: boolean;

  @Field(() => String, { nullable: true, description: 'The HMAC-SHA256 secret the website signs visitor ids with; keep it on the server.' })
  identitySecret: string | null;

  @Field()
  createdAt: Date;
}

@ObjectType('WidgetDepartment')
export class WidgetDepartment {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
}

@ObjectType('WidgetSettings', { description: 'What the widget shows before a chat starts.' })
export class WidgetSettings {
  @Field()
  color: string;

  @Field(() => String, { nullable: true })
  greeting: string | null;

  @Field(() => [WidgetDepartment], { description: 'Departments the visitor may pick (empty when the key fixes one).' })
  departments: WidgetDepartment[];

  @Field({ description: 'Whether an agent is online and within business hours now; if not, chats become tickets answered by e-mail.' })
  agentsAvailable: boolean;

  @Field()
  requireIdentity: boolean;
}

@ObjectType('ChatMessage', { description: 'A message as the visitor sees it.' })
export class ChatMessage {
  @Field(() => ID)
  id: string;

  @Field()
  body: string;

  @Field(() => MessageKind)
  kind: MessageKind;

  @Field({ description: 'Written by the visitor (false: an agent or the system).' })
  fromVisitor: boolean;

  @Field(() => String, { nullable: true })
  authorName: string | null;

  @Field(() => [String], { description: 'Names of the files sent with the message.' })
  attachmentNames: string[];

  @Field()
  createdAt: Date;
}

@ObjectType('EarlierChat', { description: 'An earlier chat of a verified visitor (its summary).' })
export class EarlierChat {
  @Field(() => ID)
  id: string;

  @Field()
  topic: string;

  @Field(() => ChatState)
  state: ChatState;

  @Field(() => Int)
  ticketNumber: number;

  @Field()
  createdAt: Date;
}

@ObjectType('VisitorChat', { description: 'The chat as its visitor sees it.' })
export class VisitorChat {
  @Field(() => ID)
  id: string;

  @Field(() => ChatState)
  state: ChatState;

  @Field()
  topic: string;

  @Field()
  visitorName: string;

  @Field(() => String, { nullable: true, description: 'The agent on the chat.' })
  agentName: string | null;

  @Field(() => Int)
  ticketNumber: number;

  @Field(() => Date, { nullable: true, description: 'When the agent last read the chat (read receipts).' })
  agentReadAt: Date | null;

  @Field(() => Int, { nullable: true })
  rating: number | null;

  @Field()
  color: string;

  @Field(() => [ChatMessage], { description: 'Oldest first; never internal notes.' })
  messages: ChatMessage[];

  @Field(() => [EarlierChat], { description: "A verified visitor's earlier chats on this website, newest first (empty for unverified visitors)." })
  earlierChats: EarlierChat[];
}

@ObjectType('StartChatPayload')
export class StartChatPayload {
  @Field({ description: 'The chat session token: send it as `Authorization: Bearer …`; it reaches this chat only.' })
  token: string;

  @Field(() => VisitorChat)
  chat: VisitorChat;
}

@ObjectType('ChatTyping')
export class ChatTyping {
  @Field()
  name: string;

  @Field()
  isTyping: boolean;
}

@ObjectType('Chat', { description: 'A live chat as staff see it: its visitor beside its ticket.' })
export class ChatType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  ticketId: string;

  @Field(() => Int)
  ticketNumber: number;

  @Field(() => ChatState)
  state: ChatState;

  @Field(() => TicketPriority)
  priority: TicketPriority;

  @Field()
  visitorName: string;

  @Field()
  visitorEmail: string;

  @Field(() => String, { nullable: true })
  company: string | null;

  @Field()
  topic: string;

  @Field()
  ip: string;

  @Field()
  userAgent: string;

  @Field(() => String, { nullable: true })
  pageUrl: string | null;

  @Field(() => WidgetDepartment, { nullable: true })
  department: WidgetDepartment | null;

  /** The agent on the chat (the `agent` field). */
  agentId: string | null;

  @Field(() => Date, { nullable: true, description: 'When the visitor last read the chat.' })
  visitorReadAt: Date | null;

  @Field(() => Int, { nullable: true })
  rating: number | null;

  @Field(() => String, { nullable: true })
  ratingComment: string | null;

  @Field()
  createdAt: Date;
}

@ObjectType('ChatAgentSettings', { description: "An agent's routing settings." })
export class ChatAgentSettings {
  @Field(() => UserType)
  user: UserType;

  @Field(() => Int, { description: 'Most active chats at once (default 3).' })
  capacity: number;

  @Field(() => Int)
  activeChats: number;

  @Field(() => [WidgetDepartment])
  departments: WidgetDepartment[];
}
