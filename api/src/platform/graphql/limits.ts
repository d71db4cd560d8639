import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Kind,
  parse,
  specifiedRules,
  validate,
  visit,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { Principal } from '../auth/principal.js';
import type { IntrospectionMode, RateLimitConfig } from '../config.js';
import { AppError } from '../errors.js';
import type { GraphQLContext } from './context.js';
import { unsafeInputError } from './input-guard.js';

/**
 * Document limits for every operation, on HTTP and WebSocket alike, from graphql-armor:
 * aliases, depth and directives, applied to every field
 * (introspection included). Tokens are bounded by graphql-js' own parser option
 * (`maxTokens`), which answers a clean parse error; armor's token plugin is off because on
 * Apollo Server 5 it answers HTTP 500. A refused document is BAD_USER_INPUT with a
 * message naming the limit.
 */

/** Marks a limit error so the error formatter reports it as BAD_USER_INPUT (not as a validation failure). */
export const LIMIT_EXTENSION = 'limit';

type Rewrite = (max: number, found: number) => [message: string, limit: string, cost: Record<string, number>];
const REWRITES: Array<[RegExp, Rewrite]> = [
  [/Query depth limit of (\d+) exceeded, found (\d+)/, (max, found) => [`Query depth ${found} exceeds the maximum of ${max}`, 'depth', { depth: found, maximumDepth: max }]],
  [/Aliases limit of (\d+) exceeded, found (\d+)/, (max, found) => [`Query uses ${found} aliases; the maximum is ${max}`, 'aliases', { aliases: found, maximumAliases: max }]],
  [/Directives limit of (\d+) exceeded, found (\d+)/, (max, found) => [`Query uses ${found} directives; the maximum is ${max}`, 'directives', { directives: found, maximumDirectives: max }]],
];

function limitError(context: ValidationContext, error: GraphQLError): void {
  let message = error.message.replace(/^Syntax Error: /, '');
  let limit = 'document';
  let cost: Record<string, number> = {};
  for (const [pattern, rewrite] of REWRITES) {
    const m = pattern.exec(message);
    if (m) {
      [message, limit, cost] = rewrite(Number(m[1]), Math.ceil(Number(m[2])));
      break;
    }
  }
  context.reportError(new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', [LIMIT_EXTENSION]: limit, cost, http: { status: 400 } } }));
}

export interface DocumentLimits {
  /** Apollo Server validation rules (armor's aliases, depth and directives; the cost is CostGate's). */
  validationRules: ValidationRule[];
  /** Apollo plugins: introspection access and field-suggestion masking. */
  plugins: ApolloServerPlugin<GraphQLContext>[];
  /** Options for graphql-js' parser (bounded tokens). */
  parseOptions: { maxTokens: number };
  /** Parses and validates a WebSocket document with the same rules; returns coded errors on failure. */
  prepare(query: string): DocumentNode | GraphQLError[];
  /** Refuses introspection for this principal when the configuration says so (null when allowed). */
  introspectionError(document: DocumentNode, principal: Principal | null): GraphQLError | null;
  /** Whether "Did you mean …" suggestions must be stripped for this principal. */
  hideSuggestions(principal: Principal | null): boolean;
  /** Strips field suggestions from messages. */
  maskSuggestions(message: string): string;
}

export function usesIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

function introspectionAllowed(mode: IntrospectionMode, principal: Principal | null): boolean {
  return mode === 'public' || (mode === 'signed-in' && !!principal);
}

const SUGGESTION = /\s*Did you mean .+\?$/;

export function createDocumentLimits(schema: GraphQLSchema, limits: RateLimitConfig): DocumentLimits {
  const common = { propagateOnRejection: false, onReject: [limitError as never], exposeLimits: true };
  const armor = new ApolloArmor({
    maxTokens: { enabled: false },
    // Suggestions are masked by our own plugin, per principal (see hideSuggestions).
    blockFieldSuggestion: { enabled: false },
    maxAliases: { ...common, n: limits.maxAliases, allowList: [] },
    maxDepth: { ...common, n: limits.maxDepth, ignoreIntrospection: false, flattenFragments: true },
    maxDirectives: { ...common, n: limits.maxDirectives },
    // No structural cost rule here: a document refused by a validation rule is never cached,
    // so every repeat was validated again (the slow refusal). The cost is priced once per
    // document and variables by CostGate, in didResolveOperation, before anything runs.
    costLimit: { enabled: false },
  }).protect();
  const validationRules = armor.validationRules as unknown as ValidationRule[];
  const parseOptions = { maxTokens: limits.maxTokens };
  const hideSuggestions = (principal: Principal | null) => !introspectionAllowed(limits.introspection, principal);
  const maskSuggestions = (message: string) => message.replace(SUGGESTION, '');

  const introspectionError = (document: DocumentNode, principal: Principal | null): GraphQLError | null => {
    if (introspectionAllowed(limits.introspection, principal) || !usesIntrospection(document)) return null;
    return limits.introspection === 'signed-in'
      ? new AppError('UNAUTHENTICATED', 'Introspection requires signing in', { http: { status: 401 } })
      : new AppError('FORBIDDEN', 'Introspection is turned off on this server', { http: { status: 403 } });
  };

  const accessPlugin: ApolloServerPlugin<GraphQLContext> = {
    async requestDidStart({ contextValue }) {
      return {
        async didResolveOperation({ document, request, operation }) {
          // Subscriptions need a stream: over HTTP they would run their resolver without an event.
          if (operation?.operation === 'subscription') {
            throw new GraphQLError('Subscriptions are served over WebSocket (graphql-transport-ws) at /graphql', {
              extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
            });
          }
          const unsafe = unsafeInputError(document, request.variables);
          if (unsafe) throw unsafe;
          const error = introspectionError(document, contextValue.principal);
          if (error) throw error;
        },
        async didEncounterErrors({ errors }) {
          if (!hideSuggestions(contextValue.principal)) return;
          for (const error of errors) (error as { message: string }).message = maskSuggestions(error.message);
        },
      };
    },
  };

  return {
    validationRules,
    plugins: [accessPlugin],
    parseOptions,
    introspectionError,
    hideSuggestions,
    maskSuggestions,
    prepare(query: string) {
      let document: DocumentNode;
      try {
        document = parse(query, parseOptions);
      } catch (error) {
        const message = error instanceof GraphQLError ? error.message : 'Syntax Error: the document could not be parsed';
        return [new GraphQLError(message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
      }
      const errors = validate(schema, document, [...specifiedRules, ...validationRules]);
      if (!errors.length) return document;
      return errors.map((e) => {
        const ext = e.extensions ?? {};
        const code = ext[LIMIT_EXTENSION] ? 'BAD_USER_INPUT' : 'GRAPHQL_VALIDATION_FAILED';
        return new GraphQLError(e.message, { nodes: e.nodes, extensions: { ...ext, code } });
      });
    },
  };
}

/** Operation type of the operation that will run (query when the document is odd). */
export function operationKind(document: DocumentNode, operationName?: string | null): 'query' | 'mutation' | 'subscription' {
  for (const d of document.definitions) {
    if (d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName)) return d.operation;
  }
  return 'query';
}
