import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { buildApp, type App, type BuildOptions } from '../app.js';
import { loadConfig } from '../platform/config.js';
import { MARIADB_HOST, MARIADB_PORT, REDIS_URL, type TestDatabase } from './databases.js';

export interface TestServer {
  app: App;
  db: TestDatabase;
  url: string;
  /** Environment the server was started with; reuse it to start a second instance. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';

/**
 * Starts the real API (HTTP + WebSocket) on a free port against a fresh database of its
 * own: a temporary SQLite file, or a new MariaDB database (with Redis) that is dropped on stop.
 */
export async function startTestServer(db: TestDatabase, overrides: Record<string, string> = {}, options: BuildOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sociodesk-test-'));
  const runId = randomBytes(5).toString('hex');
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    JWT_SECRET: TEST_JWT_SECRET,
    SEED_DEMO_DATA: 'false',
    EXPOSE_QUERY_STATS: 'true',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    CLIENT_DIST: join(dataDir, 'no-client'),
    // Suites hammer the API from one address: rate limits are tested with their own settings.
    RATE_LIMIT_MAX_POINTS: '1000000',
    RATE_LIMIT_RESTORE_RATE: '1000000',
    ...(db === 'sqlite'
      ? // Reads outside transactions on a worker, as on any machine with a spare core (whatever this one has).
        { DATABASE_URL: `sqlite:${join(dataDir, 'test.db')}`, SQLITE_READERS: '1' }
      : {
          DATABASE_URL: `mariadb://root@${MARIADB_HOST}:${MARIADB_PORT}/sociodesk_test_${runId}`,
          REDIS_URL,
          REDIS_PREFIX: `sociodesk-test-${runId}:`,
        }),
    ...overrides,
  };
  const app = await buildApp(loadConfig(env), options);
  return {
    app,
    db,
    url: app.url,
    env,
    async stop() {
      if (db === 'mariadb' && !overrides.DATABASE_URL) {
        await app.orm.schema.dropDatabase(app.orm.config.get('dbName'));
      }
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
