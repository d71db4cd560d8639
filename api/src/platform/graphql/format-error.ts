import { unwrapResolverError } from '@apollo/server/errors';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { isLockConflict } from '../db/retry.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { KNOWN_CODES, type FieldErrors } from '../errors.js';
import { requestScope, type Logger } from '../logger.js';
import { LIMIT_EXTENSION } from './limits.js';

// Codes Apollo itself produces for malformed requests; their messages are safe to show.
const PROTOCOL_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export function validationFields(errors: ValidationError[], prefix = ''): FieldErrors {
  const fields: FieldErrors = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) fields[path] = Object.values(error.constraints);
    if (error.children?.length) Object.assign(fields, validationFields(error.children, path));
  }
  return fields;
}

const UNAVAILABLE = 'The service is temporarily unavailable; try again shortly';
const CONTENDED = 'The change met a concurrent one and was not made; try again';
const RETRY_AFTER_SECONDS = 1;

/**
 * Shapes every error leaving the API: known codes keep their message, input validation
 * becomes BAD_USER_INPUT with per-field messages, anything else is masked. Stack traces
 * are logged, never sent. Every error carries the request id.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const requestId = requestScope.getStore()?.requestId;
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

    if (original instanceof ArgumentValidationError) {
      const fields = validationFields(original.extensions.validationErrors as ValidationError[]);
      const summary = Object.entries(fields).map(([f, m]) => `${f}: ${m.join(', ')}`).join('; ');
      return { ...base, message: `Invalid input: ${summary}`, extensions: { code: 'BAD_USER_INPUT', fields, requestId } };
    }
    // Document limits (graphql-armor rules) fail validation, but they are the client's input: BAD_USER_INPUT.
    const code = formatted.extensions?.[LIMIT_EXTENSION] ? 'BAD_USER_INPUT' : String(formatted.extensions?.code ?? '');
    if (KNOWN_CODES.has(code) || PROTOCOL_CODES.has(code)) {
      const { stacktrace: _stack, http: _http, ...extensions } = formatted.extensions ?? {};
      return { ...base, extensions: { ...extensions, code, requestId } };
    }
    if (isDatabaseUnavailable(original)) {
      logger.warn({ err: (original as Error)?.message, path: formatted.path }, 'database unavailable');
      return { ...base, message: UNAVAILABLE, extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: RETRY_AFTER_SECONDS, requestId } };
    }
    // A deadlock or lock wait the write's own retries did not get past: transient, so the client retries too.
    if (isLockConflict(original)) {
      logger.warn({ err: (original as Error).message, path: formatted.path }, 'lock conflict');
      return { ...base, message: CONTENDED, extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: RETRY_AFTER_SECONDS, requestId } };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error while serving GraphQL');
    return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } };
  };
}

/**
 * A response whose errors include SERVICE_UNAVAILABLE (the database could not be reached
 * within its bounded connect/acquire time) answers HTTP 503 with Retry-After, so clients
 * and load balancers retry instead of treating it as a server bug.
 */
export const serviceUnavailablePlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        if (!response.body.singleResult.errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) return;
        response.http.status = 503;
        response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
      },
    };
  },
};
