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
import { seedDemoData } from './modules/demo/demo.seed.js';
import type { SlaWorker } from './modules/sla/sla.worker.js';
import type { WebhookWorker } from './modules/webhook/webhook.worker.js';
import { enforceAuthDirectives } from './platform/auth/auth.directive.js';
import { Authenticator } from './platform/auth/authenticate.js';
import { TokenService } from './platform/auth/tokens.js';
import type { AppConfig } from './platform/config.js';
import { initOrm } from './platform/db/orm.js';
import { scopeForPrincipal } from './platform/db/scope.js';
import { serviceRegistry, type GraphQLContext } from './platform/graphql/context.js';
import { Loaders } from './platform/graphql/loaders.js';
import { buildAppSchema } from './platform/graphql/schema.js';
import { documentLimitErrors } from './platform/graphql/cost.js';
import { costPlugin } from './platform/graphql/cost-plugin.js';
import { createGraphQLServers } from './platform/graphql/server.js';
import { MemoryBucket, RedisBucket, type PointsBucket } from './platform/graphql/throttle.js';
import { authMiddleware } from './platform/http/auth-middleware.js';
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
  workers: { sla: SlaWorker; webhooks: WebhookWorker };
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

  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2, keyPrefix: config.redisPrefix }) : undefined;
  redis?.on('error', (err) => logger.warn({ err: err.message }, 'redis connection problem'));
  const costRedis = redis?.duplicate();
  costRedis?.on('error', (err) => logger.warn({ err: err.message }, 'redis connection problem (rate limits)'));
  const pubsub = createPubSubHandle(config.redisUrl, config.redisPrefix, logger);

  const tokens = new TokenService(config.jwtSecret, config.accessTokenTtlSeconds);
  const window = config.login.windowSeconds;
  const modules = createModules({
    lockRows: config.database.kind !== 'sqlite',
    typingTtlMs: config.typingTtlMs,
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
  });
  // JWT access tokens first, then API keys.
  const authenticator = new Authenticator(tokens, [(credential) => modules.apiKeys.authenticate(credential)]);
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
    checkDocument: (document) => documentLimitErrors(document, config.rateLimit),
    plugins: [costPlugin({ schema, bucket: costBucket(config, costRedis), limits: config.rateLimit, logger })],
  });
  modules.apiKeys.onRevoked((keyId) =>
    servers.ws.closeWhere((p) => p.kind === 'apiKey' && p.tokenId === keyId, CloseCode.Unauthorized, 'API key revoked'),
  );
  const corsOptions = { origin: config.corsOrigins === '*' ? true : config.corsOrigins, credentials: true, maxAge: 600 };
  app.use(
    '/graphql',
    cors(corsOptions),
    express.json({ limit: '1mb' }),
    authMiddleware(authenticator),
    expressMiddleware(servers.apollo, {
      context: async ({ req, res }): Promise<GraphQLContext> => {
        const principal = res.locals.principal ?? null;
        return {
          requestId: requestScope.getStore()?.requestId ?? 'unknown',
          principal,
          em: scopeForPrincipal(orm, principal),
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
    attachmentRoutes({ orm, storage: new DiskStorage(config.uploads.dir), ...config.uploads, logger, mayReadMessage: modules.mayReadMessage }),
  );
  const clientDist = config.clientDist ?? resolve('client/dist');
  if (serveClient(app, clientDist)) logger.info({ clientDist }, 'serving web client');

  await new Promise<void>((ok) => httpServer.listen(config.port, config.host, ok));
  modules.slaWorker.start(config.slaWorkerIntervalMs);
  modules.webhookWorker.start();
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  logger.info({ port, database: config.database.kind, pubsub: pubsub.mode }, 'sociodesk api listening');

  return {
    url,
    port,
    httpServer,
    orm,
    schema,
    logger,
    subscriptionGroups: () => servers.ws.groups.size,
    workers: { sla: modules.slaWorker, webhooks: modules.webhookWorker },
    async close() {
      await modules.slaWorker.stop();
      await modules.webhookWorker.stop();
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
  return redis ? new RedisBucket(redis, 'cost', maxPoints, restoreRate) : new MemoryBucket(maxPoints, restoreRate);
}
