import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { createRequire } from 'node:module';
import type * as QueryComplexity from 'graphql-query-complexity';
import type { RateLimitConfig } from '../config.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { GraphQLContext } from './context.js';
import { actualCost, costEstimator, operationShape } from './cost.js';
import type { PointsBucket, ThrottleState } from './throttle.js';

// The CommonJS build: its ES module build imports graphql's .mjs files, a second copy of graphql
// next to the one the schema is built with (the "another module or realm" error).
const { getComplexity } = createRequire(import.meta.url)('graphql-query-complexity') as typeof QueryComplexity;

/** Whose bucket a request draws from: the API key, the user, or (anonymous) the client IP. */
export function bucketKey(ctx: Pick<GraphQLContext, 'principal' | 'ip'>): string {
  const p = ctx.principal;
  if (!p) return `ip:${ctx.ip}`;
  return p.kind === 'apiKey' ? `key:${p.tokenId}` : `user:${p.userId}`;
}

export interface CostPluginOptions {
  schema: GraphQLSchema;
  bucket: PointsBucket;
  limits: RateLimitConfig;
  logger: Logger;
}

const tooBig = (message: string, cost: Record<string, number>) =>
  new AppError('BAD_USER_INPUT', message, { cost, http: { status: 400, headers: new Map() } });

/**
 * Query cost and rate limits for HTTP operations. Before execution (didResolveOperation,
 * so a refused operation sends no SQL): depth, aliases and cost are checked, then the cost
 * is taken from the caller's bucket. After execution the unused part of the estimate is
 * given back. Every response reports `extensions.cost` and X-RateLimit-* headers.
 */
export function costPlugin(options: CostPluginOptions): ApolloServerPlugin<GraphQLContext> {
  const { limits, bucket, logger } = options;
  let lastWarning = 0;
  const failOpen = (err: unknown): ThrottleState => {
    if (Date.now() - lastWarning > 5000) {
      lastWarning = Date.now();
      logger.warn({ err: (err as Error).message }, 'rate-limit store unavailable: not limiting');
    }
    return { maximumAvailable: limits.maxPoints, currentlyAvailable: limits.maxPoints, restoreRate: limits.restoreRate, msUntilFull: 0 };
  };
  return {
    async requestDidStart({ contextValue }) {
      const key = bucketKey(contextValue);
      let requested = 0;
      let taken = false;
      let state: ThrottleState | undefined;
      return {
        async didResolveOperation({ document, operationName, request }) {
          const shape = operationShape(document, operationName);
          if (shape.depth > limits.maxDepth) {
            throw tooBig(`Query depth ${shape.depth} exceeds the maximum of ${limits.maxDepth}`, { depth: shape.depth, maximumDepth: limits.maxDepth });
          }
          if (shape.aliases > limits.maxAliases) {
            throw tooBig(`Query uses ${shape.aliases} aliases; the maximum is ${limits.maxAliases}`, { aliases: shape.aliases, maximumAliases: limits.maxAliases });
          }
          requested = getComplexity({ schema: options.schema, query: document, variables: request.variables, operationName: operationName ?? undefined, estimators: [costEstimator] });
          if (requested > limits.maxCost) {
            throw tooBig(`Query cost ${requested} exceeds the maximum of ${limits.maxCost}`, { requestedQueryCost: requested, maximumCost: limits.maxCost });
          }
          let result;
          try {
            result = await bucket.take(key, requested);
          } catch (err) {
            state = failOpen(err);
            return;
          }
          state = result.state;
          if (!result.allowed) {
            const retryAfter = Math.ceil(result.retryAfterMs / 1000);
            throw new AppError('RATE_LIMITED', `Throttled: this query costs ${requested} and ${state.currentlyAvailable} points are available; retry in ${retryAfter}s`, {
              retryAfter,
              http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) },
            });
          }
          taken = true;
        },
        async willSendResponse({ response, operation }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const actual = taken ? Math.min(requested, actualCost(result.data, operation ?? undefined)) : 0;
          try {
            if (taken && actual < requested) state = await bucket.refund(key, requested - actual);
            else state ??= await bucket.peek(key);
          } catch (err) {
            state = failOpen(err);
          }
          const { msUntilFull, ...throttleStatus } = state;
          result.extensions = { ...result.extensions, cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus } };
          response.http.headers.set('x-ratelimit-limit', String(state.maximumAvailable));
          response.http.headers.set('x-ratelimit-remaining', String(state.currentlyAvailable));
          response.http.headers.set('x-ratelimit-reset', String(Math.ceil((Date.now() + msUntilFull) / 1000)));
        },
      };
    },
  };
}

