import { randomUUID } from 'node:crypto';
import { trace } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import { requestScope } from '../logger.js';

const VALID_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Accepts a caller's X-Request-ID when well-formed, otherwise makes one; echoes it back. */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header('x-request-id');
  const requestId = incoming && VALID_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-ID', requestId);
  // With tracing on, the request's span carries the id too (a no-op without the SDK).
  trace.getActiveSpan()?.setAttribute('sociodesk.request_id', requestId);
  requestScope.run({ requestId, sqlStatements: 0, sqlMs: 0 }, () => next());
}
