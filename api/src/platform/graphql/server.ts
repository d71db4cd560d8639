import type { Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/core';
import type { GraphQLSchema } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Authenticator } from '../auth/authenticate.js';
import type { Principal } from '../auth/principal.js';
import { TENANT_FILTER } from '../db/base.entity.js';
import { requestScope, type Logger } from '../logger.js';
import type { GraphQLContext } from './context.js';
import { createErrorFormatter } from './format-error.js';
import { Loaders } from './loaders.js';

export interface GraphQLServerOptions {
  schema: GraphQLSchema;
  httpServer: Server;
  orm: MikroORM;
  authenticator: Authenticator;
  logger: Logger;
  exposeQueryStats: boolean;
}

/** One EntityManager fork per request or operation, scoped to the principal's tenant. */
export function scopedEntityManager(orm: MikroORM, principal: Principal | null) {
  const em = orm.em.fork({ clear: true, useContext: false });
  if (principal) em.setFilterParams(TENANT_FILTER, { tenantId: principal.tenantId });
  return em;
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
  wsServer: WebSocketServer;
  stop(): Promise<void>;
}

export async function createGraphQLServers(options: GraphQLServerOptions): Promise<GraphQLServers> {
  const { schema, httpServer, orm, authenticator, logger } = options;
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCleanup = useServer<Record<string, unknown>, { principal?: Principal | null }>(
    {
      schema,
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const authorization = (params.authorization ?? params.Authorization) as string | undefined;
        try {
          ctx.extra.principal = await authenticator.authenticate({
            authorization,
            tenantHeader: (params['x-tenant-id'] ?? params['X-Tenant-ID']) as string | undefined,
          });
          return true;
        } catch (error) {
          const message = error instanceof Error ? error.message : 'Unauthorized';
          ctx.extra.socket.close(CloseCode.Forbidden, message.slice(0, 120));
          return false;
        }
      },
      context: (ctx): GraphQLContext => {
        const principal = ctx.extra.principal ?? null;
        return {
          requestId: `ws-${Math.random().toString(36).slice(2, 12)}`,
          principal,
          em: scopedEntityManager(orm, principal),
          ip: ctx.extra.request.socket.remoteAddress ?? 'unknown',
          logger,
          loaders: new Loaders(),
        };
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ...(options.exposeQueryStats ? [requestStatsPlugin] : []),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
            },
          };
        },
      },
    ],
  });
  await apollo.start();
  return {
    apollo,
    wsServer,
    async stop() {
      await apollo.stop();
      wsServer.close();
    },
  };
}
