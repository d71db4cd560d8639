import type { Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/core';
import { GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { createWsServer, type ConnectionHooks } from '../realtime/ws-server.js';
import type { Authenticator } from '../auth/authenticate.js';
import { requestScope, type Logger } from '../logger.js';
import type { GraphQLContext, ServiceRegistry } from './context.js';
import { createErrorFormatter } from './format-error.js';

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
  /** Limits a WebSocket document must also meet (HTTP operations are checked by the cost plugin). */
  checkDocument?: (document: DocumentNode) => readonly GraphQLError[];
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
    checkDocument: options.checkDocument,
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
    introspection: true,
    // main.ts owns signal handling and closes everything in order.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ...(options.exposeQueryStats ? [requestStatsPlugin] : []),
      ...(options.plugins ?? []),
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
