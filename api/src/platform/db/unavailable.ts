import { ConnectionException } from '@mikro-orm/core';

/**
 * Error codes of the database drivers (mariadb, mysql2, libsql) and of the pool that mean
 * "the database cannot be reached right now", not "this request is wrong".
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CONNECTION_ALREADY_CLOSED',
  'ER_SOCKET_UNEXPECTED_CLOSE',
  'ER_CONNECTION_TIMEOUT',
  'ER_GET_CONNECTION_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
  'ER_CLIENT_INTERRUPTED',
  'ER_CMD_CONNECTION_CLOSED',
  'ER_SOCKET_TIMEOUT',
]);
// MySQL/MariaDB server errors: shutdown, can't connect, server gone away, lost connection, connection killed.
// mariadb's own: connection already closed, socket closed, connect timeout, closed, socket error and timeout, pool timeout, ping timeout.
const UNAVAILABLE_ERRNOS = new Set([1053, 2002, 2003, 2006, 2013, 1927, 45001, 45009, 45012, 45013, 45019, 45026, 45028, 45042]);

/** True when `error` (or what it wraps) says the database is unreachable or its pool timed out. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if (e instanceof ConnectionException) return true;
    if (e.name === 'KnexTimeoutError') return true;
    if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
    if (typeof e.errno === 'number' && UNAVAILABLE_ERRNOS.has(e.errno)) return true;
    if (e.fatal === true && typeof e.sqlState === 'string' && e.sqlState.startsWith('08')) return true;
    e = (e.cause ?? e.originalError ?? e.original) as Record<string, unknown> | undefined;
  }
  return false;
}
