import type { Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/core';
import { GraphQLError, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { createWsServer, type ConnectionHooks } from '../realtime/ws-server.js';
import type { Authenticator } from '../auth/authenticate.js';
import { requestScope, type Logger } from '../logger.js';
import type { GraphQLContext, ServiceRegistry } from './context.js';
import type { CostGate } from './cost-plugin.js';
import { createErrorFormatter, serviceUnavailablePlugin } from './format-error.js';
import { graphqlHttpStatusPlugin } from './http-status.js';
import type { DocumentLimits } from './limits.js';

export interface GraphQLServerOptions {
  schema: GraphQLSchema;
  httpServer: Server;
  orm: MikroORM;
  authenticator: Authenticator;
  logger: Logger;
  exposeQueryStats: boolean;
  connectionHooks?: ConnectionHooks;
  services: ServiceRegistry;
  sharedByRole: ReadonlySet<string>;
  /** Fields whose values differ between two users of one role: documents selecting them are not shared. */
  perViewerFields: ReadonlySet<string>;
  /** Document limits (armor rules, parser tokens, introspection access), on HTTP and WebSocket alike. */
  limits: DocumentLimits;
  /** Prices WebSocket operations and draws them from the same buckets as HTTP. */
  costGate?: CostGate;
  /** Largest WebSocket frame, like the HTTP body limit. */
  maxPayloadBytes: number;
  /** The @auth check of one subscriber, for members joining a grouped subscription. */
  authorize?: (args: ExecutionArgs) => readonly GraphQLError[];
  /** Unsent bytes a WebSocket may hold before it is closed as too slow. */
  wsMaxBufferedBytes?: number;
  /** How long stopping waits for in-flight HTTP requests before closing their connections. */
  stopGracePeriodMillis?: number;
  /** More Apollo plugins (query cost and rate limits). */
  plugins?: ApolloServerPlugin<GraphQLContext>[];
}

const requestStatsPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const scope = requestScope.getStore();
        if (scope && response.body.kind === 'single') {
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, sqlStatements: scope.sqlStatements };
        }
      },
    };
  },
};

export interface GraphQLServers {
  apollo: ApolloServer<GraphQLContext>;
  ws: ReturnType<typeof createWsServer>;
  stop(): Promise<void>;
}

export async function createGraphQLServers(options: GraphQLServerOptions): Promise<GraphQLServers> {
  const { schema, httpServer, orm, authenticator, logger } = options;
  const formatError = createErrorFormatter(logger);
  const ws = createWsServer({
    schema,
    httpServer,
    orm,
    authenticator,
    logger,
    hooks: options.connectionHooks,
    services: options.services,
    sharedByRole: options.sharedByRole,
    perViewerFields: options.perViewerFields,
    limits: options.limits,
    costGate: options.costGate,
    maxPayloadBytes: options.maxPayloadBytes,
    authorize: options.authorize,
    maxBufferedBytes: options.wsMaxBufferedBytes,
    formatResult: (result) =>
      result.errors?.length
        ? {
            ...result,
            // Idempotent: results that were already shaped (grouped subscriptions) pass through.
            errors: result.errors.map((e) => (e instanceof GraphQLError ? formatError(e.toJSON(), e) : e)) as unknown as ExecutionResult['errors'],
          }
        : result,
  });

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    // One operation per HTTP request: batches would bypass the per-operation cost limit.
    allowBatchedHttpRequests: false,
    // Who may introspect is decided per principal by the limits plugin (INTROSPECTION).
    introspection: true,
    validationRules: options.limits.validationRules,
    parseOptions: options.limits.parseOptions,
    // main.ts owns signal handling and closes everything in order.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.stopGracePeriodMillis }),
      ApolloServerPluginLandingPageDisabled(),
      // Both are installed by default and hook every field resolver (willResolveField wraps
      // the whole schema); responses carry no cache hints and no federation traces.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ...(options.exposeQueryStats ? [requestStatsPlugin] : []),
      graphqlHttpStatusPlugin<GraphQLContext>(),
      ...options.limits.plugins,
      ...(options.plugins ?? []),
      serviceUnavailablePlugin as ApolloServerPlugin<GraphQLContext>,
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await ws.close();
            },
          };
        },
      },
    ],
  });
  await apollo.start();
  return {
    apollo,
    ws,
    async stop() {
      await apollo.stop();
    },
  };
}
