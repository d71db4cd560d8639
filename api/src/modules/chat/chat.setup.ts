import type { MikroORM } from '@mikro-orm/core';
import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import type { Principal } from '../../platform/auth/principal.js';
import type { ChatConfig, MailConfig } from '../../platform/config.js';
import type { Logger } from '../../platform/logger.js';
import { createLimiter } from '../../platform/ratelimit.js';
import type { MessageService } from '../conversation/message.service.js';
import type { MailService } from '../mail/mail.service.js';
import type { PresenceService } from '../presence/presence.service.js';
import { PresenceStatus } from '../presence/presence.types.js';
import type { SlaService } from '../sla/sla.service.js';
import type { TicketService } from '../ticket/ticket.service.js';
import { ChatAdminService } from './chat-admin.service.js';
import { Chat, ChatAgent, Department, DepartmentMember, WidgetKey } from './chat.entity.js';
import { ChatResolver, TicketChatResolver } from './chat.resolver.js';
import { ChatService } from './chat.service.js';
import { InboxService } from './inbox.service.js';
import { ChatRouter } from './routing.service.js';
import { VisitorResolver } from './visitor.resolver.js';

export const chatEntities = [Department, DepartmentMember, WidgetKey, ChatAgent, Chat];
export const chatResolvers = [ChatResolver, TicketChatResolver, VisitorResolver] as const;

export interface ChatSetupDeps {
  orm: MikroORM;
  tickets: TicketService;
  messages: MessageService;
  presence: PresenceService;
  sla: SlaService;
  lockRows: boolean;
  logger: Logger;
  redis?: Redis;
  chat: ChatConfig;
  mail: MailConfig;
  mailer: MailService;
  /** Told when a chat is rated (see ChatServiceDeps.rated). */
  rated?: (tenantId: string, ticketId: string) => void;
}

export interface ChatSetup {
  instances: Array<[Function, object]>;
  /** Before `POST /uploads`: a visitor uploads as their chat's customer, so the file can go on their next message. */
  uploadAsCustomer: RequestHandler;
  /** The chat session token strategy of the authenticator. */
  authenticate(credential: string): Promise<Principal | null>;
}

/** Wires live chat: routing reacts to presence (an agent going OFFLINE re-queues their chats). */
export function setupChat(deps: ChatSetupDeps): ChatSetup {
  const router = new ChatRouter(deps);
  const inbox = new InboxService({ ...deps, router });
  const minute = (keyPrefix: string, points: number, durationSeconds = 60) => createLimiter({ keyPrefix, points, durationSeconds }, deps.redis);
  const chats = new ChatService({
    orm: deps.orm,
    tickets: deps.tickets,
    messages: deps.messages,
    router,
    startsByIp: minute('chat-start-ip', deps.chat.startsPerIp, deps.chat.startWindowSeconds),
    startsByKey: minute('chat-start-key', deps.chat.startsPerKey, deps.chat.startWindowSeconds),
    messagesByChat: minute('chat-messages', deps.chat.messagesPerMinute),
    mail: deps.mailer,
    selfOrigin: () => (deps.mail.publicUrl ? new URL(deps.mail.publicUrl).origin : null),
    rated: deps.rated,
  });
  deps.presence.onChange((tenantId, userId, status) => {
    if (status === PresenceStatus.OFFLINE) void inbox.agentOffline(tenantId, userId).catch((err: Error) => deps.logger.warn({ err: err.message }, 'chat re-queue failed'));
    // Someone came online: chats waiting for capacity may be placed now.
    if (status === PresenceStatus.ONLINE) void router.drain(tenantId);
  });
  return {
    instances: [
      [ChatService, chats],
      [ChatResolver, new ChatResolver(inbox, new ChatAdminService(router))],
      [TicketChatResolver, new TicketChatResolver(inbox)],
      [VisitorResolver, new VisitorResolver(chats)],
    ],
    authenticate: (credential) => chats.authenticate(credential),
    uploadAsCustomer: (req, res, next) => {
      const p = res.locals.principal as Principal | undefined;
      if (p?.kind !== 'chat') return next();
      if (req.method !== 'POST' || req.path !== '/uploads') return res.status(403).json({ error: { code: 'FORBIDDEN', message: 'A chat session may only upload files' } });
      chats
        .customerPrincipal(p)
        .then((customer) => {
          res.locals.principal = customer;
          next();
        })
        .catch(next);
    },
  };
}
