import type { MikroORM } from '@mikro-orm/core';
import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { ConnectionHooks } from '../platform/realtime/ws-server.js';
import type { Logger } from '../platform/logger.js';
import type { AppPubSub } from '../platform/pubsub/pubsub.js';
import type { TokenService } from '../platform/auth/tokens.js';
import type { Principal } from '../platform/auth/principal.js';
import type { AccountsConfig, ChatConfig, MailConfig, WebhookConfig } from '../platform/config.js';
import { createMailTransport } from '../platform/mail/transport.js';
import { createLimiter } from '../platform/ratelimit.js';
import { OneTimeToken } from './auth/one-time-token.entity.js';
import { OneTimeTokens } from './auth/one-time-token.service.js';
import { PasswordResetResolver } from './auth/password-reset.resolver.js';
import { PasswordResetService } from './auth/password-reset.service.js';
import { MailMessage } from './mail/mail-message.entity.js';
import { MailService } from './mail/mail.service.js';
import { MailWorker } from './mail/mail.worker.js';
import { OperatorResolver } from './operator/operator.resolver.js';
import { OperatorService } from './operator/operator.service.js';
import { SignupResolver } from './signup/signup.resolver.js';
import { SignupService } from './signup/signup.service.js';
import { TenantStatusGate } from './tenant/tenant-status.js';
import { TenantCounter } from '../platform/db/counter.entity.js';
import type { EntityClass } from '../platform/db/orm.js';
import type { RequestScope } from '../platform/graphql/caller.js';
import { ActivityResolver, TicketActivitiesResolver } from './activity/activity.resolver.js';
import { ActivityService } from './activity/activity.service.js';
import { TicketEvent } from './activity/ticket-event.entity.js';
import { ApiKey } from './apikey/api-key.entity.js';
import { ApiKeyResolver } from './apikey/apikey.resolver.js';
import { ApiKeyService } from './apikey/apikey.service.js';
import { Attachment } from './attachment/attachment.entity.js';
import { AttachmentService } from './attachment/attachment.service.js';
import { WebhookDelivery, WebhookEndpoint } from './webhook/webhook.entity.js';
import { WebhookResolver } from './webhook/webhook.resolver.js';
import { WebhookService } from './webhook/webhook.service.js';
import { WebhookWorker } from './webhook/webhook.worker.js';
import { AuthResolver } from './auth/auth.resolver.js';
import { BulkResolver } from './bulk/bulk.resolver.js';
import { BulkService } from './bulk/bulk.service.js';
import { CannedResponse } from './canned/canned-response.entity.js';
import { Macro } from './macro/macro.entity.js';
import { SavedView } from './views/saved-view.entity.js';
import { SavedViewResolver } from './views/saved-view.resolver.js';
import { SavedViewService } from './views/saved-view.service.js';
import { MacroResolver } from './macro/macro.resolver.js';
import { MacroService } from './macro/macro.service.js';
import { CannedResponseResolver } from './canned/canned.resolver.js';
import { CannedResponseService } from './canned/canned.service.js';
import { AuthService } from './auth/auth.service.js';
import { RefreshToken } from './auth/refresh-token.entity.js';
import { Message } from './conversation/message.entity.js';
import { MessageResolver, TicketMessagesResolver } from './conversation/message.resolver.js';
import { MessageService, systemNoteOnEscalation } from './conversation/message.service.js';
import { IdempotencyRecord } from './idempotency/idempotency.entity.js';
import { IdempotencyService } from './idempotency/idempotency.service.js';
import { PresenceInterval } from './presence/presence-interval.entity.js';
import { PresenceHistory } from './presence/presence-history.service.js';
import { PresenceResolver } from './presence/presence.resolver.js';
import { PresenceService } from './presence/presence.service.js';
import { MemoryPresenceStore, RedisPresenceStore } from './presence/presence.store.js';
import { RealtimeResolver } from './realtime/realtime.resolver.js';
import { RealtimeService } from './realtime/realtime.service.js';
import { TicketFeed } from './realtime/ticket-feed.js';
import { Notification } from './notification/notification.entity.js';
import { NotificationResolver } from './notification/notification.resolver.js';
import { NotificationService } from './notification/notification.service.js';
import { BusinessCalendarRecord, SlaPolicy, SlaRecomputeJob } from './sla/sla.entity.js';
import { SlaResolver } from './sla/sla.resolver.js';
import { SlaService } from './sla/sla.service.js';
import { SlaRecomputer, type RecomputeOptions } from './sla/sla.recompute.js';
import { SlaWorker } from './sla/sla.worker.js';
import { Tenant } from './tenant/tenant.entity.js';
import { TenantResolver } from './tenant/tenant.resolver.js';
import { TenantService } from './tenant/tenant.service.js';
import { Ticket, TicketTag } from './ticket/ticket.entity.js';
import { TicketResolver } from './ticket/ticket.resolver.js';
import { TicketStatusDefinition } from './ticket/ticket-status.entity.js';
import { TicketStatusResolver } from './ticket/ticket-status.resolver.js';
import { TicketStatusService } from './ticket/ticket-status.service.js';
import { TicketService } from './ticket/ticket.service.js';
import { Membership } from './user/membership.entity.js';
import { UserResolver } from './user/user.resolver.js';
import { UserService } from './user/user.service.js';
import { RoleDefinition } from './role/role.entity.js';
import { MemberRoleResolver, RoleResolver } from './role/role.resolver.js';
import { roleOfBase, RoleService } from './role/role.service.js';
import { User } from './user/user.entity.js';
import { MetricsWriter } from './reports/metrics.writer.js';
import { ReportsResolver } from './reports/reports.resolver.js';
import { ReportsService } from './reports/reports.service.js';
import { TicketMetrics } from './reports/ticket-metrics.entity.js';
import { TicketMetricsAgentDaily, TicketMetricsDaily, TicketMetricsHistogram, TicketMetricsHourly } from './reports/ticket-metrics-rollup.entity.js';
import { chatEntities, chatResolvers, setupChat } from './chat/chat.setup.js';

/** Every entity the ORM knows about. */
export const entities: EntityClass[] = [
  Tenant,
  User,
  Membership,
  RoleDefinition,
  RefreshToken,
  TenantCounter,
  Ticket,
  TicketTag,
  TicketStatusDefinition,
  TicketEvent,
  Message,
  Attachment,
  IdempotencyRecord,
  PresenceInterval,
  ApiKey,
  WebhookEndpoint,
  WebhookDelivery,
  SlaPolicy,
  SlaRecomputeJob,
  BusinessCalendarRecord,
  Notification,
  OneTimeToken,
  MailMessage,
  TicketMetrics,
  TicketMetricsDaily,
  TicketMetricsAgentDaily,
  TicketMetricsHourly,
  TicketMetricsHistogram,
  CannedResponse,
  Macro,
  SavedView,
  ...chatEntities,
];

/** Every resolver class in the schema. */
export const resolvers = [
  AuthResolver,
  UserResolver,
  RoleResolver,
  MemberRoleResolver,
  TenantResolver,
  TicketResolver,
  TicketStatusResolver,
  TicketMessagesResolver,
  TicketActivitiesResolver,
  MessageResolver,
  ActivityResolver,
  RealtimeResolver,
  PresenceResolver,
  ApiKeyResolver,
  WebhookResolver,
  SlaResolver,
  NotificationResolver,
  PasswordResetResolver,
  SignupResolver,
  OperatorResolver,
  ReportsResolver,
  CannedResponseResolver,
  BulkResolver,
  MacroResolver,
  SavedViewResolver,
  ...chatResolvers,
] as const;

/** Subscription fields whose results are the same for every staff member of one role. */
export const sharedByRole: ReadonlySet<string> = new Set(['ticketEvents', 'messageAdded', 'typing', 'presenceChanged']);

/** Fields whose values differ between two staff members of one role (a subscription selecting one is not shared). */
export const perViewerFields: ReadonlySet<string> = new Set(['viewerCanAssign']);

/** Root fields a user with a temporary password may still call. */
export const allowedWithTemporaryPassword = new Set(['me', 'changePassword', 'logout']);

export interface ModuleDeps {
  tokens: TokenService;
  refreshTtlDays: number;
  loginFailuresByEmail: RateLimiterAbstract;
  loginFailuresByIp: RateLimiterAbstract;
  /** SELECT ... FOR UPDATE where the database has row locks (MySQL/MariaDB). */
  lockRows: boolean;
  typingTtlMs: number;
  /** How long an instance's presence lease lasts without a heartbeat (Redis only). */
  presenceLeaseMs: number;
  orm: MikroORM;
  pubSub: AppPubSub;
  logger: Logger;
  /** Shared Redis (keys prefixed) when configured: presence lives there across instances. */
  redis?: Redis;
  webhooks: WebhookConfig;
  /** The clock of time-based rules (key expiry, webhook retries); tests may move it. */
  now: () => number;
  mail: MailConfig;
  accounts: AccountsConfig;
  chat: ChatConfig;
  slaRecompute: RecomputeOptions;
}

export interface Modules {
  /** Resolvers and long-lived services by class. */
  instances: Map<Function, object>;
  activity: ActivityService;
  connectionHooks: ConnectionHooks;
  apiKeys: ApiKeyService;
  webhookWorker: WebhookWorker;
  slaWorker: SlaWorker;
  /** Applies SLA policy, calendar and status changes to the tickets, in batches after commit. */
  slaRecompute: SlaRecomputer;
  /** The conversation's read rule, for the attachment download route. */
  mayReadMessage: (scope: RequestScope, messageId: string) => Promise<boolean>;
  mailWorker: MailWorker;
  /** Which tenants are suspended: checked for every principal. */
  tenantGate: TenantStatusGate;
  presence: PresenceService;
  /** Keeps the ticket_metrics rows current (reports). */
  metricsWriter: MetricsWriter;
  presenceHistory: PresenceHistory;
  reports: ReportsService;
  /** Chat session tokens (the widget's visitors). */
  chatSessions: (credential: string) => Promise<Principal | null>;
  /** Runs before the upload routes: visitors upload as their chat's customer (and use no other route). */
  chatUploads: RequestHandler;
}

/** Wires services into resolvers; the instances back type-graphql's container. */
export function createModules(deps: ModuleDeps): Modules {
  const mailWorker = new MailWorker(deps.orm, createMailTransport(deps.mail), deps.mail, deps.lockRows, deps.logger, deps.now);
  const mail = new MailService(deps.mail, () => mailWorker.kick(), deps.now);
  const oneTimeTokens = new OneTimeTokens(deps.now);
  const tenantGate = new TenantStatusGate(deps.orm, deps.pubSub, deps.logger);
  const operators = new OperatorService(deps.accounts.operatorEmails, mail, oneTimeTokens, tenantGate);
  const window = deps.accounts.windowSeconds;
  const auth = new AuthService({
    tokens: deps.tokens,
    refreshTtlDays: deps.refreshTtlDays,
    failuresByEmail: deps.loginFailuresByEmail,
    failuresByIp: deps.loginFailuresByIp,
    isOperator: operators.isOperator,
  });
  const resets = new PasswordResetService({
    auth,
    mail,
    tokens: oneTimeTokens,
    byEmail: createLimiter({ keyPrefix: 'reset-email', points: deps.accounts.passwordResetMaxPerEmail, durationSeconds: window }, deps.redis),
    byIp: createLimiter({ keyPrefix: 'reset-ip', points: deps.accounts.passwordResetMaxPerIp, durationSeconds: window }, deps.redis),
  });
  const signup = new SignupService({
    allowSignup: deps.accounts.allowSignup,
    mail,
    tokens: oneTimeTokens,
    gate: tenantGate,
    byIp: createLimiter({ keyPrefix: 'signup-ip', points: deps.accounts.signupMaxPerIp, durationSeconds: window }, deps.redis),
  });
  const roles = new RoleService();
  const activity = new ActivityService();
  const notifications = new NotificationService(deps.pubSub);
  activity.onRecorded((tx, event, ticket) => notifications.record(tx, event, ticket));
  activity.onCommitted((events) => notifications.published(events));
  activity.onRecorded(systemNoteOnEscalation);
  const idempotency = new IdempotencyService();
  const sla = new SlaService(deps.lockRows);
  const tickets = new TicketService({ events: activity, sla, idempotency, lockRows: deps.lockRows });
  const slaRecompute = new SlaRecomputer(deps.orm, sla, tickets, deps.lockRows, deps.logger, deps.slaRecompute);
  sla.onRecomputeRequested(() => slaRecompute.kick());
  const messages = new MessageService(tickets, new AttachmentService(), idempotency);
  const canned = new CannedResponseService();
  const feed = new TicketFeed(deps.pubSub, deps.orm, deps.logger);
  activity.onCommitted((events) => feed.publish(events));
  const realtime = new RealtimeService(feed, deps.pubSub, tickets, deps.typingTtlMs);
  const presence = new PresenceService(
    deps.redis ? new RedisPresenceStore(deps.redis, deps.presenceLeaseMs) : new MemoryPresenceStore(),
    deps.pubSub,
    deps.logger,
  );
  const apiKeys = new ApiKeyService(deps.orm, deps.pubSub, deps.logger, deps.now);
  const webhookWorker = new WebhookWorker(deps.orm, deps.webhooks, deps.lockRows, deps.logger, deps.now);
  activity.onCommitted(() => webhookWorker.kick());
  const metricsWriter = new MetricsWriter(deps.orm, sla, deps.logger, deps.now);
  const presenceHistory = new PresenceHistory(deps.orm, deps.logger, deps.now);
  presence.onChange((tenantId, userId, status) => presenceHistory.changed(tenantId, userId, status));
  const reports = new ReportsService(sla, presenceHistory);
  activity.onCommitted((events) => metricsWriter.committed(events));
  const chat = setupChat({ ...deps, tickets, messages, presence, sla, mailer: mail, rated: (tenantId, ticketId) => metricsWriter.committed([{ tenantId, ticketId }]) });
  const instances = new Map<Function, object>([
    ...chat.instances,
    [ApiKeyResolver, new ApiKeyResolver(apiKeys)],
    [WebhookResolver, new WebhookResolver(new WebhookService(deps.webhooks, deps.now, () => webhookWorker.kick()))],
    [RealtimeService, realtime],
    [NotificationService, notifications],
    [SlaResolver, new SlaResolver(sla)],
    [NotificationResolver, new NotificationResolver(notifications)],
    [PresenceService, presence],
    [RealtimeResolver, new RealtimeResolver()],
    [PresenceResolver, new PresenceResolver(presence)],
    [AuthResolver, new AuthResolver(auth)],
    [
      UserResolver,
      new UserResolver(
        new UserService({
          deactivated: (tx, userId) => auth.revokeSessionsInTenant(tx, userId),
          customRoleBase: async (tx, roleId) => roleOfBase((await roles.get(tx, roleId)).base),
        }),
      ),
    ],
    [RoleResolver, new RoleResolver(roles)],
    [MemberRoleResolver, new MemberRoleResolver()],
    [TenantResolver, new TenantResolver(new TenantService({ timezoneChanged: (tx) => sla.workspaceTimezoneChanged(tx) }))],
    [TicketResolver, new TicketResolver(tickets)],
    [TicketStatusResolver, new TicketStatusResolver(new TicketStatusService(tickets))],
    [TicketMessagesResolver, new TicketMessagesResolver(messages)],
    [TicketActivitiesResolver, new TicketActivitiesResolver()],
    [MessageResolver, new MessageResolver(messages)],
    [ActivityResolver, new ActivityResolver()],
    [PasswordResetResolver, new PasswordResetResolver(resets)],
    [SignupResolver, new SignupResolver(signup)],
    [OperatorResolver, new OperatorResolver(operators)],
    [ReportsResolver, new ReportsResolver(reports)],
    [CannedResponseResolver, new CannedResponseResolver(canned, tickets)],
    [BulkResolver, new BulkResolver(new BulkService(tickets))],
    [MacroResolver, new MacroResolver(new MacroService(tickets, messages, canned))],
    [SavedViewResolver, new SavedViewResolver(new SavedViewService(tickets))],
  ]);
  return {
    instances,
    activity,
    apiKeys,
    webhookWorker,
    mailWorker,
    tenantGate,
    presence,
    metricsWriter,
    presenceHistory,
    reports,
    connectionHooks: { connected: (p) => presence.connected(p), disconnected: (p) => presence.disconnected(p) },
    slaWorker: new SlaWorker(deps.orm, sla, tickets, deps.lockRows, deps.logger),
    slaRecompute,
    mayReadMessage: (scope, messageId) => messages.mayRead(scope, messageId),
    chatSessions: chat.authenticate,
    chatUploads: chat.uploadAsCustomer,
  };
}
