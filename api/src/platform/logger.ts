import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type Logger } from 'pino';

export interface RequestScope {
  requestId: string;
  /** SQL statements sent by the ORM while serving this request. */
  sqlStatements: number;
  /** Milliseconds those statements took. */
  sqlMs?: number;
  /** The GraphQL operation name, once the operation is resolved (for logs and metrics). */
  operationName?: string;
  /** Who is calling: `user`, `apiKey` or `anonymous` (never the credential itself). */
  principalKind?: string;
}

/** Carries the request id (and statement counter) through every async hop of a request. */
export const requestScope = new AsyncLocalStorage<RequestScope>();

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'sociodesk-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin() {
      const scope = requestScope.getStore();
      return scope ? { requestId: scope.requestId } : {};
    },
    redact: { paths: ['password', '*.password', 'accessToken', 'refreshToken', 'req.headers.authorization'], censor: '[redacted]' },
  });
}

export type { Logger };
