import type { NextFunction, Request, Response } from 'express';
import { requestScope, type Logger } from '../logger.js';
import { httpRequestDuration } from '../metrics/metrics.js';

const QUIET = new Set(['/healthz', '/readyz', '/metrics']);

/** A bounded route label: the known paths, and one label for everything else. */
function routeLabel(path: string): string {
  if (path === '/graphql' || QUIET.has(path) || path === '/uploads') return path;
  if (path.startsWith('/attachments/')) return '/attachments/:id';
  if (path === '/graphiql') return path;
  return 'other';
}

/**
 * One JSON log line per request (method, path, status, duration, GraphQL operation name and
 * principal kind; never headers, bodies or credentials) and the HTTP duration histogram.
 */
export function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    const scope = requestScope.getStore();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const path = (req.originalUrl || req.url).split('?')[0];
      httpRequestDuration.observe({ method: req.method, route: routeLabel(path), status: String(res.statusCode) }, seconds);
      const level = QUIET.has(path) ? 'debug' : 'info';
      const fields: Record<string, unknown> = { method: req.method, path, status: res.statusCode, ms: Math.round(seconds * 10_000) / 10 };
      if (scope?.operationName) fields.operation = scope.operationName;
      if (scope?.principalKind) fields.principal = scope.principalKind;
      logger[level](fields, 'request');
    });
    next();
  };
}
