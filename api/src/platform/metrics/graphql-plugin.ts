import type { ApolloServerPlugin } from '@apollo/server';
import { trace } from '@opentelemetry/api';
import type { GraphQLContext } from '../graphql/context.js';
import { requestScope } from '../logger.js';
import { graphqlOperationDuration, graphqlSqlSeconds, graphqlSqlStatements, operationLabel, rateLimitRejections } from './metrics.js';

/**
 * Per-operation metrics for HTTP GraphQL: duration by operation name, type and outcome (`ok`
 * or the first error's code), SQL statements and SQL time per operation, and RATE_LIMITED
 * refusals. It also puts the operation name into the request scope for the request log.
 */
export const metricsPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart({ request }) {
    const started = process.hrtime.bigint();
    const scope = requestScope.getStore();
    let name = operationLabel(request.operationName);
    if (scope && request.operationName) scope.operationName = name;
    let type = 'unknown';
    return {
      async didResolveOperation({ operation, operationName }) {
        type = operation?.operation ?? 'unknown';
        name = operationLabel(operationName ?? request.operationName);
        if (scope) scope.operationName = name;
        const span = trace.getActiveSpan();
        span?.setAttribute('graphql.operation.name', name);
        span?.setAttribute('sociodesk.principal_kind', scope?.principalKind ?? 'anonymous');
      },
      async willSendResponse({ response, errors }) {
        const list = errors ?? (response.body.kind === 'single' ? response.body.singleResult.errors : undefined) ?? [];
        const code = list.length ? String((list[0] as { extensions?: { code?: unknown } }).extensions?.code ?? 'INTERNAL_SERVER_ERROR') : 'ok';
        const outcome = /^[A-Z_]{1,40}$/.test(code) || code === 'ok' ? code : 'INTERNAL_SERVER_ERROR';
        graphqlOperationDuration.observe({ operation: name, type, outcome }, Number(process.hrtime.bigint() - started) / 1e9);
        if (outcome === 'RATE_LIMITED') rateLimitRejections.inc({ operation: name });
        if (scope) {
          graphqlSqlStatements.observe({ operation: name }, scope.sqlStatements);
          graphqlSqlSeconds.observe({ operation: name }, (scope.sqlMs ?? 0) / 1000);
        }
      },
    };
  },
};
