import { Socket } from 'node:net';

export type TestDatabase = 'sqlite' | 'mariadb';

export const MARIADB_HOST = process.env.TEST_MARIADB_HOST ?? '127.0.0.1';
export const MARIADB_PORT = Number(process.env.TEST_MARIADB_PORT ?? 3306);
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function reachable(host: string, port: number, timeoutMs = 1500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs);
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host);
  });
}

let cached: Promise<TestDatabase[]> | undefined;

/**
 * SQLite always; MariaDB (with Redis) when reachable. In CI both are mandatory, so an
 * unreachable server fails the run instead of silently shrinking it.
 */
export function testDatabases(): Promise<TestDatabase[]> {
  cached ??= (async () => {
    const redisPort = Number(new URL(REDIS_URL).port || 6379);
    const [maria, redis] = await Promise.all([reachable(MARIADB_HOST, MARIADB_PORT), reachable(new URL(REDIS_URL).hostname, redisPort)]);
    if (maria && redis) return ['sqlite', 'mariadb'];
    const missing = [!maria && `MariaDB at ${MARIADB_HOST}:${MARIADB_PORT}`, !redis && `Redis at ${REDIS_URL}`].filter(Boolean).join(' and ');
    if (process.env.CI) throw new Error(`${missing} unreachable: CI requires the MariaDB + Redis run`);
    console.warn(`[tests] ${missing} unreachable: skipping the MariaDB + Redis runs`);
    return ['sqlite'];
  })();
  return cached;
}
