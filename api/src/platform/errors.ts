import { GraphQLError } from 'graphql';

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export type FieldErrors = Record<string, string[]>;

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const unauthenticated = (message = 'Authentication required') => new AppError('UNAUTHENTICATED', message);
export const forbidden = (message = 'You do not have permission to do this', extra: Record<string, unknown> = {}) =>
  new AppError('FORBIDDEN', message, extra);
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const conflict = (message: string, extra: Record<string, unknown> = {}) => new AppError('CONFLICT', message, extra);
export const rateLimited = (retryAfterSeconds: number, message = 'Too many requests') =>
  new AppError('RATE_LIMITED', `${message}; retry in ${retryAfterSeconds}s`, { retryAfter: retryAfterSeconds });

/** A dependency (database, Redis) cannot serve right now; HTTP 503 with Retry-After. */
export const serviceUnavailable = (message = 'The service is temporarily unavailable; try again shortly') =>
  new AppError('SERVICE_UNAVAILABLE', message, { retryAfter: 1 });

export function badInput(fields: FieldErrors, message?: string): AppError {
  const summary = message ?? Object.entries(fields).map(([f, m]) => `${f}: ${m.join(', ')}`).join('; ');
  return new AppError('BAD_USER_INPUT', summary || 'Invalid input', { fields });
}

export const KNOWN_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
]);
