import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { createRequire } from 'node:module';
import type * as QueryComplexity from 'graphql-query-complexity';
import type { RateLimitConfig } from '../config.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { GraphQLContext } from './context.js';
import { actualCost, costEstimator, selectedOperation } from './cost.js';
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
  new AppError('BAD_USER_INPUT', message, { limit: 'cost', cost, http: { status: 400, headers: new Map() } });

/** Variable sets remembered per document (the price of a document depends on its variables only). */
const PRICES_PER_DOCUMENT = 16;

/**
 * Prices operations and draws their cost from the caller's bucket: one gate for HTTP (the
 * Apollo plugin below) and WebSocket operations, so both share the price and the bucket.
 */
export class CostGate {
  private lastWarning = 0;
  /** Prices by document (Apollo's document cache hands back the same parsed document for the same query) and variables. */
  private readonly prices = new WeakMap<DocumentNode, Map<string, number>>();

  constructor(private readonly options: CostPluginOptions) {}

  /** The operation's cost; BAD_USER_INPUT when the variables don't fit or the cost is over the limit. */
  price(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): number {
    const key = `${operationName ?? ''}\u0000${variables ? JSON.stringify(variables) : ''}`;
    let known = this.prices.get(document);
    let requested = known?.get(key);
    if (requested === undefined) {
      requested = this.compute(document, operationName, variables);
      if (!known) this.prices.set(document, (known = new Map()));
      if (known.size >= PRICES_PER_DOCUMENT) known.delete(known.keys().next().value!);
      known.set(key, requested);
    }
    const max = this.options.limits.maxCost;
    if (requested > max) throw tooBig(`Query cost ${requested} exceeds the maximum of ${max}`, { requestedQueryCost: requested, maximumCost: max });
    return requested;
  }

  private compute(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): number {
    try {
      return getComplexity({ schema: this.options.schema, query: document, variables: variables ?? {}, operationName: operationName ?? undefined, estimators: [costEstimator] });
    } catch (error) {
      // Variable coercion (wrong type, missing field): the client's fault, with graphql-js' message.
      const message = error instanceof GraphQLError ? error.message : 'Invalid variables';
      throw new AppError('BAD_USER_INPUT', message, { fields: coercionFields(message), http: { status: 400, headers: new Map() } });
    }
  }

  /** Takes the cost from the bucket; RATE_LIMITED (429) when it does not fit. Fails open when the store is down. */
  async take(key: string, requested: number): Promise<{ state: ThrottleState; taken: boolean }> {
    let result;
    try {
      result = await this.options.bucket.take(key, requested);
    } catch (err) {
      return { state: this.failOpen(err), taken: false };
    }
    if (!result.allowed) {
      const retryAfter = Math.ceil(result.retryAfterMs / 1000);
      const error = new AppError('RATE_LIMITED', `Throttled: this query costs ${requested} and ${result.state.currentlyAvailable} points are available; retry in ${retryAfter}s`, {
        retryAfter,
        http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) },
      });
      throw Object.assign(error, { throttleState: result.state });
    }
    return { state: result.state, taken: true };
  }

  /** Gives back what the estimate charged beyond the actual cost. */
  async settle(key: string, requested: number, actual: number): Promise<ThrottleState> {
    try {
      return actual < requested ? await this.options.bucket.refund(key, requested - actual) : await this.options.bucket.peek(key);
    } catch (err) {
      return this.failOpen(err);
    }
  }

  async peek(key: string): Promise<ThrottleState> {
    try {
      return await this.options.bucket.peek(key);
    } catch (err) {
      return this.failOpen(err);
    }
  }

  private failOpen(err: unknown): ThrottleState {
    const { limits, logger } = this.options;
    if (Date.now() - this.lastWarning > 5000) {
      this.lastWarning = Date.now();
      logger.warn({ err: (err as Error).message }, 'rate-limit store unavailable: not limiting');
    }
    return { maximumAvailable: limits.maxPoints, currentlyAvailable: limits.maxPoints, restoreRate: limits.restoreRate, msUntilFull: 0 };
  }
}

/**
 * What an executed operation costs: what it returned, or, when an error nulled the whole
 * `data` after execution started (a failing non-null root field), the full estimate, since
 * the other root fields had already done their work.
 */
export function chargedCost(requested: number, result: { data?: unknown; errors?: readonly unknown[] }, operation: OperationDefinitionNode | undefined, executed: boolean): number {
  if (!executed) return 0;
  if (result.data == null && result.errors?.length) return requested;
  return Math.min(requested, actualCost(result.data, operation));
}

/**
 * Query cost and rate limits for HTTP operations. Before execution (didResolveOperation,
 * so a refused operation sends no SQL) the cost is computed and taken from the caller's
 * bucket; after execution what was not used is given back. Document limits (depth,
 * aliases, directives, tokens) are validation rules (limits.ts). Every response reports
 * `extensions.cost` and X-RateLimit-* headers.
 */
export function costPlugin(options: CostPluginOptions, gate = new CostGate(options)): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ contextValue }) {
      const key = bucketKey(contextValue);
      let requested = 0;
      let taken = false;
      let executed = false;
      let state: ThrottleState | undefined;
      return {
        async didResolveOperation({ document, operationName, request }) {
          requested = gate.price(document, operationName, request.variables);
          try {
            const result = await gate.take(key, requested);
            state = result.state;
            taken = result.taken;
          } catch (error) {
            state = (error as { throttleState?: ThrottleState }).throttleState;
            throw error;
          }
        },
        async executionDidStart() {
          executed = true;
        },
        async willSendResponse({ response, operation, document, operationName }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const op = operation ?? (document ? selectedOperation(document, operationName) : undefined);
          const actual = taken ? chargedCost(requested, result, op, executed) : 0;
          if (taken && actual < requested) state = await gate.settle(key, requested, actual);
          else state ??= await gate.peek(key);
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

/**
 * Per-field messages from graphql-js' variable coercion message, keyed like the services'
 * field errors: `Variable "$input" got invalid value "X" at "input.permissions[1]"; Value "X"
 * does not exist in "Permission" enum.` gives `{ "permissions.1": ['Value "X" does not exist in "Permission" enum.'] }`;
 * a variable that is not an input object (or is missing) is keyed by its own name.
 */
export function coercionFields(message: string): Record<string, string[]> | undefined {
  const variable = /^Variable "\$([^"]+)"/.exec(message)?.[1];
  if (!variable) return undefined;
  const at = /\bat "([^"]+)"/.exec(message)?.[1];
  const reason = message.includes('; ') ? message.slice(message.indexOf('; ') + 2) : message;
  const path = at ? at.replace(/\[(\d+)\]/g, '.$1').split('.').slice(1).join('.') : '';
  return { [path || variable]: [reason] };
}
