import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/core';
import cors from 'cors';
import express from 'express';
import { CloseCode } from 'graphql-ws';
import type { GraphQLSchema } from 'graphql';
import { Redis } from 'ioredis';
import { allowedWithTemporaryPassword, createModules, entities, perViewerFields, resolvers, sharedByRole } from './modules/index.js';
import { attachmentRoutes } from './modules/attachment/attachment.http.js';
import { reportRoutes } from './modules/reports/reports.http.js';
import type { MailWorker } from './modules/mail/mail.worker.js';
import { mailboxRoutes } from './modules/mail/mailbox.http.js';
import { DEMO_WIDGET_KEY } from './modules/chat/chat.demo.js';
import { widgetRoutes } from './modules/chat/widget.http.js';
import { TenantStatus } from './modules/tenant/tenant.entity.js';
import { TENANT_SUSPENDED } from './modules/tenant/tenant.policy.js';
import { seedDemoData } from './modules/demo/demo.seed.js';
import type { SlaRecomputer } from './modules/sla/sla.recompute.js';
import type { SlaWorker } from './modules/sla/sla.worker.js';
import type { MetricsWriter } from './modules/reports/metrics.writer.js';
import type { PresenceHistory } from './modules/presence/presence-history.service.js';
import type { WebhookWorker } from './modules/webhook/webhook.worker.js';
import { enforceAuthDirectives, operationAccessChecker } from './platform/auth/auth.directive.js';
import { Authenticator } from './platform/auth/authenticate.js';
import { TokenService } from './platform/auth/tokens.js';
import type { AppConfig } from './platform/config.js';
import { initOrm, releaseDatabaseLock } from './platform/db/orm.js';
import { scopeForPrincipal } from './platform/db/scope.js';
import { serviceRegistry, type GraphQLContext } from './platform/graphql/context.js';
import { Loaders } from './platform/graphql/loaders.js';
import { buildAppSchema } from './platform/graphql/schema.js';
import { CostGate, costPlugin } from './platform/graphql/cost-plugin.js';
import { createDocumentLimits } from './platform/graphql/limits.js';
import { createGraphQLServers } from './platform/graphql/server.js';
import { FallbackBucket, MemoryBucket, RedisBucket, type PointsBucket } from './platform/graphql/throttle.js';
import { authMiddleware } from './platform/http/auth-middleware.js';
import { errorHandler, notFoundHandler } from './platform/http/error-handler.js';
import { healthRouter } from './platform/http/health.js';
import { requestIdMiddleware } from './platform/http/request-id.js';
import { serveClient } from './platform/http/static-client.js';
import { createLogger, requestScope, type Logger } from './platform/logger.js';
import { createPubSubHandle } from './platform/pubsub/pubsub.js';
import { createLimiter } from './platform/ratelimit.js';
import { createStorage } from './platform/storage/storage.js';
import { requestLog } from './platform/http/request-log.js';
import { securityHeaders } from './platform/http/security-headers.js';
import { metricsRoute, startMetricsServer } from './platform/metrics/endpoint.js';
import { metricsPlugin } from './platform/metrics/graphql-plugin.js';
import { registerLiveSource } from './platform/metrics/metrics.js';

export interface App {
  url: string;
  port: number;
  httpServer: Server;
  orm: MikroORM;
  schema: GraphQLSchema;
  logger: Logger;
  /** Live grouped subscription executions (subscribers sharing document, variables and visibility share one). */
  subscriptionGroups(): number;
  /** Background workers, exposed so tests can run them at a chosen time. */
  workers: { sla: SlaWorker; slaRecompute: SlaRecomputer; webhooks: WebhookWorker; mail: MailWorker; metrics: MetricsWriter; presence: PresenceHistory };
  close(): Promise<void>;
}

/** Builds and starts the whole API: ORM and migrations, schema, HTTP and WebSocket servers. */
export interface BuildOptions {
  /** The clock of time-based rules (API key expiry, webhook retries); tests move it forward. */
  now?: () => number;
}

export async function buildApp(config: AppConfig, options: BuildOptions = {}): Promise<App> {
  const logger = createLogger(config.logLevel);
  // Seeding runs under the migration lock too, so replicas starting together seed once.
  const seed = config.seedDemoData ? async (o: MikroORM) => void (await seedDemoData(o.em.fork(), logger, config.demoHistory)) : undefined;
  const orm = await initOrm(config, entities, logger, { afterMigrate: seed });

  const redis = config.redisUrl ? failFastRedis(new Redis(config.redisUrl, { maxRetriesPerRequest: 1, commandTimeout: 2000, keyPrefix: config.redisPrefix })) : undefined;
  redis?.on('error', (err) => logger.warn({ err: err.message }, 'redis connection problem'));
  const costRedis = redis ? failFastRedis(redis.duplicate()) : undefined;
  costRedis?.on('error', (err) => logger.warn({ err: err.message }, 'redis connection problem (rate limits)'));
  const pubsub = createPubSubHandle(config.redisUrl, config.redisPrefix, logger);

  const tokens = new TokenService(config.jwtSecret, config.accessTokenTtlSeconds);
  const window = config.login.windowSeconds;
  const modules = createModules({
    lockRows: config.database.kind !== 'sqlite',
    typingTtlMs: config.typingTtlMs,
    presenceLeaseMs: config.presenceLeaseMs,
    orm,
    pubSub: pubsub.pubSub,
    logger,
    redis,
    tokens,
    refreshTtlDays: config.refreshTokenTtlDays,
    webhooks: config.webhooks,
    now: options.now ?? Date.now,
    loginFailuresByEmail: createLimiter({ keyPrefix: 'login-email', points: config.login.maxFailuresPerEmail, durationSeconds: window }, redis),
    loginFailuresByIp: createLimiter({ keyPrefix: 'login-ip', points: config.login.maxFailuresPerIp, durationSeconds: window }, redis),
    mail: config.mail,
    accounts: config.accounts,
    chat: config.chat,
    slaRecompute: config.slaRecompute,
  });
  await modules.tenantGate.start();
  // JWT access tokens first, then API keys.
  // Every principal of a suspended tenant is refused (FORBIDDEN, reason TENANT_SUSPENDED).
  const authenticator = new Authenticator(tokens, [(credential) => modules.apiKeys.authenticate(credential), modules.chatSessions], (p) => modules.tenantGate.admit(p));
  const contractSchema = await buildAppSchema({ resolvers, instances: modules.instances, pubSub: pubsub.pubSub });
  const schema = enforceAuthDirectives(contractSchema, { allowedWithTemporaryPassword });
  const services = serviceRegistry(modules.instances);

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(requestIdMiddleware);
  app.use(requestLog(logger));
  app.use(securityHeaders(config.env === 'production'));
  let draining = false;
  app.use(healthRouter(orm, () => draining));
  if (config.metrics.onApiPort) app.get('/metrics', metricsRoute(config.metrics));

  const httpServer = createServer(app);
  const costOptions = { schema, bucket: costBucket(config, costRedis), limits: config.rateLimit, logger };
  const costGate = new CostGate(costOptions);
  const servers = await createGraphQLServers({
    schema,
    httpServer,
    orm,
    authenticator,
    logger,
    exposeQueryStats: config.exposeQueryStats,
    connectionHooks: modules.connectionHooks,
    services,
    sharedByRole,
    perViewerFields,
    limits: createDocumentLimits(schema, config.rateLimit),
    costGate,
    maxPayloadBytes: config.rateLimit.maxBodyBytes,
    authorize: operationAccessChecker(schema, { allowedWithTemporaryPassword }),
    plugins: [metricsPlugin, costPlugin(costOptions, costGate)],
    wsMaxBufferedBytes: config.wsMaxBufferedBytes,
    stopGracePeriodMillis: config.shutdownGraceMs,
  });
  modules.apiKeys.onRevoked((keyId) =>
    servers.ws.closeWhere((p) => p.kind === 'apiKey' && p.tokenId === keyId, CloseCode.Unauthorized, 'API key revoked'),
  );
  modules.tenantGate.onChange((tenantId, status) => {
    if (status === TenantStatus.SUSPENDED) servers.ws.closeWhere((p) => p.tenantId === tenantId, CloseCode.Forbidden, TENANT_SUSPENDED);
  });
  const storage = await createStorage(config.storage, config.uploads.dir);
  const corsOptions = { origin: config.corsOrigins === '*' ? true : config.corsOrigins, credentials: true, maxAge: 600 };
  app.use(
    '/graphql',
    cors(corsOptions),
    express.json({ limit: config.rateLimit.maxBodyBytes }),
    authMiddleware(authenticator),
    expressMiddleware(servers.apollo, {
      context: async ({ req, res }): Promise<GraphQLContext> => {
        const principal = res.locals.principal ?? null;
        return {
          requestId: requestScope.getStore()?.requestId ?? 'unknown',
          principal,
          em: scopeForPrincipal(orm, principal),
          ip: req.ip ?? 'unknown',
          origin: typeof req.headers.origin === 'string' ? req.headers.origin : undefined,
          userAgent: req.headers['user-agent'],
          logger,
          loaders: new Loaders(),
          services,
        };
      },
    }),
  );
  app.use(
    cors(corsOptions),
    authMiddleware(authenticator),
    modules.chatUploads,
    attachmentRoutes({ orm, storage, ...config.uploads, logger, mayReadMessage: modules.mayReadMessage }),
  );
  app.use('/reports', cors(corsOptions), authMiddleware(authenticator), reportRoutes(orm, modules.reports, logger));
  if (config.mail.devMailbox) app.use(mailboxRoutes(orm));
  const clientDist = config.clientDist ?? resolve('client/dist');
  app.use(widgetRoutes({ orm, clientDist, demoKey: config.seedDemoData ? DEMO_WIDGET_KEY : undefined }));
  if (serveClient(app, clientDist)) logger.info({ clientDist }, 'serving web client');
  app.use(notFoundHandler, errorHandler(logger));

  await new Promise<void>((ok) => httpServer.listen(config.port, config.host, ok));
  modules.slaWorker.start(config.slaWorkerIntervalMs);
  // Resumes a recompute a stopped instance left; looks again as often as the escalation worker.
  modules.slaRecompute.start(config.slaWorkerIntervalMs);
  modules.webhookWorker.start();
  modules.mailWorker.start();
  modules.presence.start();
  modules.metricsWriter.start(config.env === 'test' ? 0 : 300_000);
  const metricsServer = await startMetricsServer(config.metrics, logger);
  const unregisterMetrics = registerLiveSource({
    websocketConnections: () => servers.ws.wss.clients.size,
    websocketOperations: () => servers.ws.operations(),
    subscriptionGroups: () => servers.ws.groups.size,
    outboxes: async () => Promise.all([modules.webhookWorker.outbox(), modules.mailWorker.outbox()]),
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  // Without PUBLIC_URL, links in mail point at this server itself.
  if (!config.mail.publicUrl) config.mail.publicUrl = `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${port}`;
  logger.info({ port, database: config.database.kind, pubsub: pubsub.mode }, 'sociodesk api listening');

  return {
    url,
    port,
    httpServer,
    orm,
    schema,
    logger,
    subscriptionGroups: () => servers.ws.groups.size,
    workers: { sla: modules.slaWorker, slaRecompute: modules.slaRecompute, webhooks: modules.webhookWorker, mail: modules.mailWorker, metrics: modules.metricsWriter, presence: modules.presenceHistory },
    /**
     * Graceful stop: /readyz turns 503, sockets are closed with 1012 (clients reconnect to
     * another instance and resume), the listener stops accepting and in-flight requests get
     * up to SHUTDOWN_GRACE_MS, while the workers finish their pass (releasing their claims).
     */
    async close() {
      draining = true;
      unregisterMetrics();
      await modules.tenantGate.close();
      modules.presence.stop();
      const workers = Promise.all([modules.slaWorker.stop(), modules.slaRecompute.stop(), modules.webhookWorker.stop(), modules.mailWorker.stop(), modules.metricsWriter.stop(), modules.presenceHistory.idle()]);
      logger.debug('closing websockets (1012)');
      await servers.ws.close();
      logger.debug('draining http requests');
      await servers.stop();
      await workers;
      await modules.apiKeys.close();
      if (httpServer.listening) await new Promise<void>((ok) => httpServer.close(() => ok()));
      if (metricsServer) await new Promise<void>((ok) => metricsServer.close(() => ok()));
      storage.close?.();
      logger.debug('closing pub/sub and redis');
      await pubsub.close();
      redis?.disconnect();
      costRedis?.disconnect();
      logger.debug('closing database');
      await orm.close(true);
      releaseDatabaseLock(orm);
      logger.debug('closed');
    },
  };
}

/**
 * Commands wait for the first connection (startup), but once connected, a command sent
 * while Redis is away fails at once (no offline queue; a command timeout for a hung
 * server), so presence and rate limits fall back to this instance's memory instead of
 * holding requests and socket handshakes until Redis returns.
 */
function failFastRedis(client: Redis): Redis {
  client.once('ready', () => (client.options.enableOfflineQueue = false));
  return client;
}

/**
 * Rate-limit buckets: in Redis (shared by every instance) when configured, else in memory.
 * The Redis bucket gets a connection of its own: rate-limiter-flexible defines its Lua
 * command on the client, and the sign-in limiters must keep theirs.
 */
function costBucket(config: AppConfig, redis: Redis | undefined): PointsBucket {
  const { maxPoints, restoreRate } = config.rateLimit;
  const memory = new MemoryBucket(maxPoints, restoreRate);
  return redis ? new FallbackBucket(new RedisBucket(redis, 'cost', maxPoints, restoreRate), memory) : memory;
}
