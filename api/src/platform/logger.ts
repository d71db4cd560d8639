import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type Logger } from 'pino';

export interface RequestScope {
  requestId: string;
  /** SQL statements sent by the ORM while serving this request. */
  sqlStatements: number;
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
