import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { requestScope, type Logger } from '../logger.js';

/**
 * The last handlers of the HTTP app: whatever went wrong before a route answered (a body
 * that is not JSON, too large or badly compressed, a URL that does not decode, no such
 * route) is answered as JSON in the API's error shape, `{ errors: [{ message, extensions:
 * { code, requestId } }] }`, whatever NODE_ENV is. Never HTML, never a stack trace.
 */
function send(res: Response, status: number, code: string, message: string): void {
  const requestId = requestScope.getStore()?.requestId ?? String(res.getHeader('x-request-id') ?? '');
  res.status(status).type('application/json').send(JSON.stringify({ errors: [{ message, extensions: { code, requestId } }] }));
}

const BY_TYPE: Record<string, [number, string]> = {
  'entity.parse.failed': [400, 'The request body is not valid JSON'],
  'entity.too.large': [413, 'The request body is too large'],
  'encoding.unsupported': [415, 'Unsupported content encoding'],
  'charset.unsupported': [415, 'Unsupported charset'],
  'request.aborted': [400, 'The request was aborted'],
  'request.size.invalid': [400, 'The request body does not match its Content-Length'],
};

export const notFoundHandler: RequestHandler = (req, res) => {
  send(res, 404, 'NOT_FOUND', `No route for ${req.method} ${req.path.slice(0, 200)}`);
};

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const e = (err ?? {}) as { type?: string; status?: number; statusCode?: number; code?: string };
    const known = e.type ? BY_TYPE[e.type] : undefined;
    const status = known?.[0] ?? e.status ?? e.statusCode ?? 500;
    if (known) return send(res, known[0], 'BAD_REQUEST', known[1]);
    if (err instanceof URIError || (status === 400 && /decode/i.test(String((err as Error)?.message)))) {
      return send(res, 400, 'BAD_REQUEST', 'The URL is not correctly encoded');
    }
    if (status >= 400 && status < 500) {
      // Body decoding (bad gzip and the like) and other client errors raised by middleware.
      return send(res, status, 'BAD_REQUEST', status === 413 ? 'The request body is too large' : 'The request could not be read');
    }
    logger.error({ err, method: req.method, path: req.path }, 'unexpected error while serving HTTP');
    send(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  };
}
