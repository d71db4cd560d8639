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
import { allowedWithTemporaryPassword, createModules, entities, resolvers, sharedByRole } from './modules/index.js';
import { attachmentRoutes } from './modules/attachment/attachment.http.js';
import type { MailWorker } from './modules/mail/mail.worker.js';
import { mailboxRoutes } from './modules/mail/mailbox.http.js';
import { TenantStatus } from './modules/tenant/tenant.entity.js';
import { TENANT_SUSPENDED } from './modules/tenant/tenant.policy.js';
import { seedDemoData } from './modules/demo/demo.seed.js';
import type { SlaWorker } from './modules/sla/sla.worker.js';
import type { WebhookWorker } from './modules/webhook/webhook.worker.js';
import { enforceAuthDirectives, operationAccessChecker } from './platform/auth/auth.directive.js';
import { Authenticator } from './platform/auth/authenticate.js';
import { TokenService } from './platform/auth/tokens.js';
import type { AppConfig } from './platform/config.js';
import { initOrm } from './platform/db/orm.js';
import { serviceRegistry, type GraphQLContext } from './platform/graphql/context.js';
import { Loaders } from './platform/graphql/loaders.js';
import { buildAppSchema } from './platform/graphql/schema.js';
import { CostGate, costPlugin } from './platform/graphql/cost-plugin.js';
import { createDocumentLimits } from './platform/graphql/limits.js';
import { createGraphQLServers, scopedEntityManager } from './platform/graphql/server.js';
import { FallbackBucket, MemoryBucket, RedisBucket, type PointsBucket } from './platform/graphql/throttle.js';
import { authMiddleware } from './platform/http/auth-middleware.js';
import { errorHandler, notFoundHandler } from './platform/http/error-handler.js';
import { healthRouter } from './platform/http/health.js';
import { requestIdMiddleware } from './platform/http/request-id.js';
import { serveClient } from './platform/http/static-client.js';
import { createLogger, requestScope, type Logger } from './platform/logger.js';
import { createPubSubHandle } from './platform/pubsub/pubsub.js';
import { createLimiter } from './platform/ratelimit.js';
import { DiskStorage } from './platform/storage/storage.js';

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
  workers: { sla: SlaWorker; webhooks: WebhookWorker; mail: MailWorker };
  close(): Promise<void>;
}

/** Builds and starts the whole API: ORM and migrations, schema, HTTP and WebSocket servers. */
export interface BuildOptions {
  /** The clock of time-based rules (API key expiry, webhook retries); tests move it forward. */
  now?: () => number;
}

export async function buildApp(config: AppConfig, options: BuildOptions = {}): Promise<App> {
  const logger = createLogger(config.logLevel);
  const orm = await initOrm(config, entities, logger);
  if (config.seedDemoData) await seedDemoData(orm.em.fork(), logger);

  // No offline queue and a command timeout: while Redis is away, presence and rate limits fall
  // back at once instead of holding requests and socket handshakes until it returns.
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: 1000, keyPrefix: config.redisPrefix })
    : undefined;
  redis?.on('error', (err) => logger.warn({ err: err.message }, 'redis connection problem'));
  const costRedis = redis?.duplicate();
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
  });
  await modules.tenantGate.start();
  // JWT access tokens first, then API keys.
  // Every principal of a suspended tenant is refused (FORBIDDEN, reason TENANT_SUSPENDED).
  const authenticator = new Authenticator(tokens, [(credential) => modules.apiKeys.authenticate(credential)], (p) => modules.tenantGate.admit(p));
  const contractSchema = await buildAppSchema({ resolvers, instances: modules.instances, pubSub: pubsub.pubSub });
  const schema = enforceAuthDirectives(contractSchema, { allowedWithTemporaryPassword });
  const services = serviceRegistry(modules.instances);

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestIdMiddleware);
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const path = req.baseUrl + req.path;
      const level = path === '/healthz' || path === '/readyz' ? 'debug' : 'info';
      logger[level]({ method: req.method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
    });
    next();
  });
  app.use(healthRouter(orm));

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
    limits: createDocumentLimits(schema, config.rateLimit),
    costGate,
    maxPayloadBytes: config.rateLimit.maxBodyBytes,
    authorize: operationAccessChecker(schema, { allowedWithTemporaryPassword }),
    plugins: [costPlugin(costOptions, costGate)],
    wsMaxBufferedBytes: config.wsMaxBufferedBytes,
  });
  modules.apiKeys.onRevoked((keyId) =>
    servers.ws.closeWhere((p) => p.kind === 'apiKey' && p.tokenId === keyId, CloseCode.Unauthorized, 'API key revoked'),
  );
  modules.tenantGate.onChange((tenantId, status) => {
    if (status === TenantStatus.SUSPENDED) servers.ws.closeWhere((p) => p.tenantId === tenantId, CloseCode.Forbidden, TENANT_SUSPENDED);
  });
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
          em: scopedEntityManager(orm, principal),
          ip: req.ip ?? 'unknown',
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
    attachmentRoutes({ orm, storage: new DiskStorage(config.uploads.dir), ...config.uploads, logger }),
  );
  if (config.mail.devMailbox) app.use(mailboxRoutes(orm));
  const clientDist = config.clientDist ?? resolve('client/dist');
  if (serveClient(app, clientDist)) logger.info({ clientDist }, 'serving web client');
  app.use(notFoundHandler, errorHandler(logger));

  await new Promise<void>((ok) => httpServer.listen(config.port, config.host, ok));
  modules.slaWorker.start(config.slaWorkerIntervalMs);
  modules.webhookWorker.start();
  modules.mailWorker.start();
  modules.presence.start();
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
    workers: { sla: modules.slaWorker, webhooks: modules.webhookWorker, mail: modules.mailWorker },
    async close() {
      await modules.slaWorker.stop();
      await modules.webhookWorker.stop();
      await modules.mailWorker.stop();
      await modules.tenantGate.close();
      modules.presence.stop();
      await modules.apiKeys.close();
      logger.debug('closing graphql servers');
      await servers.stop();
      logger.debug('closing http server');
      await new Promise<void>((ok) => httpServer.close(() => ok()));
      logger.debug('closing pub/sub and redis');
      await pubsub.close();
      redis?.disconnect();
      costRedis?.disconnect();
      logger.debug('closing database');
      await orm.close(true);
      logger.debug('closed');
    },
  };
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
