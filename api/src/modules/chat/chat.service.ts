import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { Tenant } from '../tenant/tenant.entity.js';
import { Role, type Principal } from '../../platform/auth/principal.js';
import { CROSS_TENANT, forTenant } from '../../platform/db/scope.js';
import { badInput, forbidden, notFound, unauthenticated } from '../../platform/errors.js';
import type { RequestScope } from '../../platform/graphql/caller.js';
import { reserveAttempt } from '../../platform/ratelimit.js';
import { Attachment } from '../attachment/attachment.entity.js';
import { Message } from '../conversation/message.entity.js';
import type { MessageService } from '../conversation/message.service.js';
import type { MailService } from '../mail/mail.service.js';
import { Ticket } from '../ticket/ticket.entity.js';
import { TicketCategory, TicketChannel, TicketPriority, TicketStatus } from '../ticket/ticket.enums.js';
import type { RecordedChange } from '../ticket/ticket.events.js';
import { applyStatus } from '../ticket/ticket-status.policy.js';
import type { TicketService } from '../ticket/ticket.service.js';
import { Membership } from '../user/membership.entity.js';
import { User } from '../user/user.entity.js';
import { addCustomer } from '../user/user.service.js';
import { Chat, Department, WidgetKey } from './chat.entity.js';
import type { RateChatInput, StartChatInput } from './chat.inputs.js';
import { chatTexts } from './chat.texts.js';
import { ChatState, type ChatMessage, type StartChatPayload, type VisitorChat, type WidgetSettings } from './chat.types.js';
import { chatState, namesOf, systemLine, toChatMessage } from './chat.views.js';
import type { ChatRouter } from './routing.service.js';

export const CHAT_TOKEN_PREFIX = 'chs_';
const TOKEN_FORMAT = /^chs_[A-Za-z0-9_-]{43}$/;
/** A chat session token lasts this long after the chat started. */
const TOKEN_TTL_MS = 30 * 86_400_000;
const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');

export interface ChatServiceDeps {
  orm: MikroORM;
  tickets: TicketService;
  messages: MessageService;
  router: ChatRouter;
  startsByIp: RateLimiterAbstract;
  startsByKey: RateLimiterAbstract;
  messagesByChat: RateLimiterAbstract;
  mail: MailService;
  /** This server's own origin (the widget frame's): requests from it name the embedding page in `hostOrigin`. */
  selfOrigin: () => string | null;
  /** Told after a rating is saved (a rating is no ticket event): the reports refresh the ticket. */
  rated?: (tenantId: string, ticketId: string) => void;
}

/** What the widget may learn before a chat starts (public: the key is on the website anyway). */
export interface StartRequest {
  ip: string;
  origin?: string;
  userAgent?: string;
}

/**
 * The visitor's side of live chat: starting a chat from a widget key (the tenant comes from
 * the key), the chat session token confined to that chat, and what the token may do.
 */
export class ChatService {
  constructor(private readonly deps: ChatServiceDeps) {}

  /** Turns a chat session token into its principal (role VISITOR, confined to one chat); null when not one. */
  async authenticate(credential: string): Promise<Principal | null> {
    if (!credential.startsWith(CHAT_TOKEN_PREFIX)) return null;
    if (!TOKEN_FORMAT.test(credential)) throw unauthenticated('Invalid chat session');
    // The token names its chat and so its tenant: looked up before any tenant scope exists.
    const chat = await this.deps.orm.em.fork({ clear: true, useContext: false }).findOne(Chat, { tokenHash: sha256(credential) }, CROSS_TENANT);
    const expiresAt = chat ? new Date(chat.createdAt.getTime() + TOKEN_TTL_MS) : null;
    if (!chat || !expiresAt || expiresAt.getTime() <= Date.now()) throw unauthenticated('Invalid chat session');
    return { kind: 'chat', tenantId: chat.tenantId, userId: chat.id, chatId: chat.id, role: Role.VISITOR, scopes: [], tokenId: chat.id, mustChangePassword: false, expiresAt };
  }

  async settings(em: EntityManager, widgetKey: string, locale: 'en' | 'id' = 'en'): Promise<WidgetSettings> {
    const key = await this.keyOf(em, widgetKey);
    const scoped = forTenant(em, key.tenantId);
    const departments = key.departmentId ? [] : await scoped.find(Department, {}, { orderBy: { name: 'asc' } });
    const workspace = key.greeting ? null : await scoped.findOne(Tenant, { id: key.tenantId });
    return {
      color: key.color,
      // The workspace's greeting in the visitor's language (workspaceSettings.widgetGreeting…) when the key sets none.
      greeting: key.greeting ?? (locale === 'id' ? workspace?.widgetGreetingIndonesian : null) ?? workspace?.widgetGreeting ?? null,
      departments: departments.map((d) => ({ id: d.id, name: d.name })),
      agentsAvailable: await this.deps.router.available(scoped, key.tenantId, key.departmentId),
      requireIdentity: key.requireIdentity,
    };
  }

  async start(em: EntityManager, request: StartRequest, input: StartChatInput): Promise<StartChatPayload> {
    await reserveAttempt(this.deps.startsByIp, request.ip, 'Too many chats from your address; please try again later');
    const key = await this.keyOf(em, input.widgetKey);
    await reserveAttempt(this.deps.startsByKey, key.id, 'This website has started too many chats; please try again later');
    this.assertOrigin(key, request.origin, input.hostOrigin);
    const visitorId = this.verifiedVisitor(key, input);
    const scoped = forTenant(em, key.tenantId);
    const departmentId = input.departmentId ?? key.departmentId;
    if (departmentId && !(await scoped.findOne(Department, { id: departmentId }))) throw badInput({ departmentId: ['is not a department of this website'] });
    const available = await this.deps.router.available(scoped, key.tenantId, departmentId ?? null);
    const token = `${CHAT_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const locale = input.locale === 'id' ? 'id' : 'en';
    const texts = chatTexts(locale);
    const recorded: RecordedChange[] = [];
    const chat = await scoped.transactional(async (tx) => {
      const customerId = await customerFor(tx, input.name, input.email);
      const opened = await this.deps.tickets.openInTransaction(tx, null, {
        title: input.topic,
        description: texts.description(input.pageUrl ?? null),
        priority: TicketPriority.MEDIUM,
        category: TicketCategory.SERVICE,
        channel: TicketChannel.CHAT,
        customerId,
      });
      recorded.push(...opened.recorded);
      const c = tx.create(Chat, {
        ticketId: opened.ticket.id,
        widgetKeyId: key.id,
        departmentId: departmentId ?? null,
        customerId,
        visitorName: input.name.trim(),
        visitorEmail: input.email.trim().toLowerCase(),
        company: input.company?.trim() || null,
        topic: input.topic.trim(),
        ip: request.ip.slice(0, 64),
        userAgent: (request.userAgent ?? 'unknown').slice(0, 400),
        pageUrl: input.pageUrl ?? null,
        visitorId,
        tokenHash: sha256(token),
        locale,
        queued: available,
        offline: !available,
      });
      if (!available) {
        const t = opened.ticket;
        recorded.push(...(await this.deps.tickets.write(tx, t, null, (w, tk, changes) => systemLine(w, tk, texts.offline(t.number, c.visitorEmail), changes))));
      }
      return c;
    });
    await this.deps.tickets.committed(recorded);
    if (available) await this.deps.router.drain(key.tenantId);
    return { token, chat: await this.view(scoped, chat.id) };
  }

  /** The chat as its visitor sees it: state, agent, and the thread without internal notes. */
  async view(em: EntityManager, chatId: string): Promise<VisitorChat> {
    const chat = await em.findOne(Chat, { id: chatId }, { refresh: true });
    if (!chat) throw notFound('Chat');
    const [ticket, key] = await Promise.all([em.findOneOrFail(Ticket, { id: chat.ticketId }, { refresh: true }), em.findOne(WidgetKey, { id: chat.widgetKeyId })]);
    const messages = await em.find(Message, { ticketId: chat.ticketId, internal: false }, { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], limit: 500 });
    const names = await namesOf(em, [...messages.map((m) => m.authorId), ticket.assigneeId]);
    const files = messages.length ? await em.find(Attachment, { messageId: { $in: messages.map((m) => m.id) } }, { orderBy: { createdAt: 'asc' } }) : [];
    return {
      id: chat.id,
      state: chatState(chat, ticket),
      topic: chat.topic,
      visitorName: chat.visitorName,
      agentName: ticket.assigneeId ? (names.get(ticket.assigneeId) ?? null) : null,
      ticketNumber: ticket.number,
      agentReadAt: chat.agentReadAt,
      rating: chat.rating,
      color: key?.color ?? '#228be6',
      messages: messages.map((m) => toChatMessage(chat, m, names, files.filter((f) => f.messageId === m.id).map((f) => f.filename))),
      earlierChats: await this.earlier(em, chat),
    };
  }

  /** Only a verified visitor (identity checked with the key's secret) is shown their other chats. */
  private async earlier(em: EntityManager, chat: Chat): Promise<VisitorChat['earlierChats']> {
    if (!chat.visitorId) return [];
    const others = await em.find(Chat, { visitorId: chat.visitorId, widgetKeyId: chat.widgetKeyId, id: { $ne: chat.id } }, { orderBy: { createdAt: 'desc' }, limit: 20 });
    const tickets = new Map((await em.find(Ticket, { id: { $in: others.map((o) => o.ticketId) } })).map((t) => [t.id, t] as const));
    return others.flatMap((o) => {
      const t = tickets.get(o.ticketId);
      return t ? [{ id: o.id, topic: o.topic, state: chatState(o, t), ticketNumber: t.number, createdAt: o.createdAt }] : [];
    });
  }

  /** The visitor's message, posted on the chat's ticket as its customer. */
  async post(scope: RequestScope, body: string, attachmentIds: string[] = []): Promise<ChatMessage> {
    const chat = await this.chatOf(scope);
    await reserveAttempt(this.deps.messagesByChat, chat.id, 'You are sending messages too fast; please wait a moment');
    const message = await this.deps.messages.post(this.asCustomer(scope, chat), { ticketId: chat.ticketId, body, internal: false, attachmentIds });
    const files = attachmentIds.length ? await scope.em.find(Attachment, { id: { $in: attachmentIds }, messageId: message.id }) : [];
    return toChatMessage(chat, message, new Map([[chat.customerId, chat.visitorName]]), files.map((f) => f.filename));
  }

  async markRead(scope: RequestScope): Promise<VisitorChat> {
    const chat = await this.chatOf(scope);
    chat.visitorReadAt = new Date();
    await scope.em.flush();
    return this.view(scope.em, chat.id);
  }

  async rate(scope: RequestScope, input: RateChatInput): Promise<VisitorChat> {
    const chat = await this.chatOf(scope);
    const ticket = await scope.em.findOneOrFail(Ticket, { id: chat.ticketId });
    if (chatState(chat, ticket) !== ChatState.CLOSED) throw badInput({ rating: ['can be given once the chat is closed'] });
    chat.rating = input.rating;
    chat.ratingComment = input.comment?.trim() || null;
    await scope.em.flush();
    this.deps.rated?.(chat.tenantId, chat.ticketId);
    return this.view(scope.em, chat.id);
  }

  /** The visitor ends the chat: its ticket is closed, with a closing line. */
  async end(scope: RequestScope): Promise<VisitorChat> {
    const chat = await this.chatOf(scope);
    const recorded: RecordedChange[] = [];
    await scope.em.transactional(async (tx) => {
      const ticket = await this.deps.tickets.lockForChange(tx, this.asCustomer({ ...scope, em: tx }, chat).principal, chat.ticketId);
      if (ticket.status === TicketStatus.CLOSED) return;
      const locked = await tx.findOneOrFail(Chat, { id: chat.id });
      locked.queued = false;
      recorded.push(
        ...(await this.deps.tickets.write(tx, ticket, chat.customerId, (w, tk, changes, now) => {
          systemLine(w, tk, chatTexts(chat.locale).closed, changes);
          changes.push(applyStatus(tk, TicketStatus.CLOSED, now));
        })),
      );
    });
    await this.deps.tickets.committed(recorded);
    await this.deps.router.drain(scope.principal.tenantId);
    return this.view(scope.em, chat.id);
  }

  /** Mails the transcript (without internal notes) to the visitor's address, through the mail outbox. */
  async emailTranscript(scope: RequestScope): Promise<boolean> {
    const chat = await this.chatOf(scope);
    await reserveAttempt(this.deps.messagesByChat, chat.id, 'You are sending messages too fast; please wait a moment');
    const view = await this.view(scope.em, chat.id);
    const lines = view.messages.map((m) => (m.kind === 'SYSTEM' ? `— ${m.body}` : `${m.authorName ?? '?'}: ${m.body}${m.attachmentNames.length ? ` [${m.attachmentNames.join(', ')}]` : ''}`));
    this.deps.mail.enqueue(scope.em, {
      to: chat.visitorEmail,
      locale: chat.locale,
      template: 'CHAT_TRANSCRIPT',
      params: { name: chat.visitorName, topic: chat.topic, lines, link: chat.pageUrl ?? this.deps.mail.link('/') },
    });
    await scope.em.flush();
    this.deps.mail.sent();
    return true;
  }

  /** The chat of a visitor principal. */
  async chatOf(scope: RequestScope): Promise<Chat> {
    const chat = scope.principal.chatId ? await scope.em.findOne(Chat, { id: scope.principal.chatId }) : null;
    if (!chat) throw notFound('Chat');
    return chat;
  }

  /** The chat's customer as a principal (uploads from the widget), for a visitor principal. */
  async customerPrincipal(p: Principal): Promise<Principal> {
    const em = forTenant(this.deps.orm.em, p.tenantId);
    const chat = await this.chatOf({ em, principal: p });
    return this.asCustomer({ em, principal: p }, chat).principal;
  }

  /** Acts for the chat's customer on its one ticket (messages, typing): the customer's own rules apply. */
  asCustomer(scope: RequestScope, chat: Chat): RequestScope {
    const p = scope.principal;
    return { em: scope.em, principal: { ...p, kind: 'user', role: Role.CUSTOMER, userId: chat.customerId, chatId: undefined } };
  }

  private async keyOf(em: EntityManager, value: string): Promise<WidgetKey> {
    // The widget key names its tenant: looked up before any tenant scope exists.
    const key = await em.fork({ clear: true, useContext: false }).findOne(WidgetKey, { key: value }, CROSS_TENANT);
    if (!key || key.revokedAt) throw notFound('Widget key');
    return key;
  }

  /** A browser page whose origin is not on the key's list may not start chats. */
  private assertOrigin(key: WidgetKey, origin: string | undefined, hostOrigin: string | undefined): void {
    const self = this.deps.selfOrigin();
    // From the widget frame (served here), the embedding page is the one that counts.
    const page = origin && origin !== self ? origin : hostOrigin;
    // No page (a server, or the frame opened on its own), or a page of this server (/widget-demo).
    if (!page || page === self) return;
    if (!key.allowedOrigins.includes(page.replace(/\/+$/, ''))) {
      throw forbidden(`Chats may not be started from ${page}`, { reason: 'ORIGIN_NOT_ALLOWED' });
    }
  }

  /** Identity verification: hex HMAC-SHA256 of the visitor id with the key's secret. */
  private verifiedVisitor(key: WidgetKey, input: StartChatInput): string | null {
    const { visitorId, visitorIdHash } = input;
    const valid =
      !!visitorId && !!visitorIdHash && !!key.identitySecret && safeEqualHex(createHmac('sha256', key.identitySecret).update(visitorId).digest('hex'), visitorIdHash);
    if (valid) return visitorId!;
    if (key.requireIdentity) throw forbidden('This website requires a verified visitor identity', { reason: 'IDENTITY_REQUIRED' });
    if (visitorId || visitorIdHash) throw forbidden('The visitor identity could not be verified', { reason: 'IDENTITY_INVALID' });
    return null;
  }
}

function safeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b.toLowerCase(), 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The tenant's customer with this e-mail, added on the visitor's first chat. */
async function customerFor(tx: EntityManager, name: string, email: string): Promise<string> {
  const user = await tx.findOne(User, { email: email.trim().toLowerCase() });
  const membership = user ? await tx.findOne(Membership, { user }) : null;
  if (!membership) return (await addCustomer(tx, { name, email })).id;
  if (membership.role !== Role.CUSTOMER) throw badInput({ email: ['belongs to a staff member of this workspace; use another address'] });
  return user!.id;
}
