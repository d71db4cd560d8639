import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const SECRET = 's'.repeat(40);

describe('loadConfig', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'sociodesk-config-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  /** Loads with a temp DATA_DIR; returns the ConfigError when it throws one. */
  const load = (env: Record<string, string | undefined>) => loadConfig({ DATA_DIR: dataDir, ...env });
  const problemsOf = (env: Record<string, string | undefined>): string[] => {
    try {
      load(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).problems;
    }
    throw new Error('expected a ConfigError');
  };

  it('requires JWT_SECRET in production and writes no secret file', () => {
    expect(() => load({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => load({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(problemsOf({ NODE_ENV: 'production', CORS_ORIGINS: 'https://help.example.com' })).toEqual([expect.stringMatching(/^JWT_SECRET is required/)]);
    expect(existsSync(join(dataDir, 'jwt-secret'))).toBe(false);
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'too-short', CORS_ORIGINS: 'https://help.example.com' })).toEqual([expect.stringMatching(/JWT_SECRET.*32/)]);
    expect(load({ NODE_ENV: 'production', JWT_SECRET: SECRET, CORS_ORIGINS: 'https://help.example.com' }).jwtSecret).toBe(SECRET);
  });

  it('requires CORS_ORIGINS in production, and keeps /metrics off the API port there unless a token is set', () => {
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: SECRET })).toEqual([expect.stringMatching(/^CORS_ORIGINS is required/)]);
    const prod = { NODE_ENV: 'production', JWT_SECRET: SECRET, CORS_ORIGINS: 'https://help.example.com' };
    expect(load(prod).metrics).toMatchObject({ onApiPort: false, token: undefined, port: undefined });
    expect(load({ ...prod, METRICS_TOKEN: 'm'.repeat(20) }).metrics).toMatchObject({ onApiPort: true, token: 'm'.repeat(20) });
    expect(load({ ...prod, METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' }).metrics).toMatchObject({ onApiPort: false, port: 9464, host: '0.0.0.0' });
    expect(load({}).metrics).toMatchObject({ onApiPort: true });
    expect(problemsOf({ METRICS_TOKEN: 'short' })).toEqual([expect.stringMatching(/^METRICS_TOKEN/)]);
  });

  it('reads the S3 storage settings and reports what is missing', () => {
    expect(load({}).storage).toEqual({ driver: 'disk' });
    expect(load({ STORAGE_DRIVER: 's3', S3_BUCKET: 'uploads', S3_ENDPOINT: 'http://minio:9000', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' }).storage).toMatchObject({
      driver: 's3',
      bucket: 'uploads',
      endpoint: 'http://minio:9000',
      forcePathStyle: true,
      region: 'us-east-1',
    });
    expect(problemsOf({ STORAGE_DRIVER: 's3', S3_ACCESS_KEY_ID: 'k' })).toEqual([
      expect.stringMatching(/^S3_BUCKET is required/),
      expect.stringMatching(/^S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY/),
    ]);
    expect(problemsOf({ STORAGE_DRIVER: 'ftp' })).toEqual([expect.stringMatching(/^STORAGE_DRIVER must be disk or s3/)]);
  });

  it('reports every problem at once, each naming its variable', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      PORT: 'eighty',
      DATABASE_URL: 'postgres://db.example/sociodesk',
      REDIS_URL: 'http://cache.example:6379',
    });
    expect(problems).toHaveLength(5);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT must be an integer between 0 and 65535 \(got "eighty"\)$/),
        expect.stringMatching(/^DATABASE_URL scheme "postgres:" is not supported/),
        expect.stringMatching(/^REDIS_URL must start with redis:\/\/ or rediss:\/\//),
        expect.stringMatching(/^JWT_SECRET is required/),
        expect.stringMatching(/^CORS_ORIGINS is required/),
      ]),
    );
    const message = (() => {
      try {
        load({ NODE_ENV: 'production', PORT: 'eighty', REDIS_URL: 'http://x' });
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(/^Invalid configuration:\n {2}- /);
    for (const name of ['PORT', 'REDIS_URL', 'JWT_SECRET']) expect(message).toContain(name);
  });

  it('rejects out-of-range and malformed values', () => {
    const env = { JWT_SECRET: SECRET };
    expect(problemsOf({ ...env, PORT: '70000' })).toEqual([expect.stringContaining('PORT')]);
    expect(problemsOf({ ...env, PORT: '-1' })).toEqual([expect.stringContaining('PORT')]);
    expect(problemsOf({ ...env, PORT: '80.5' })).toEqual([expect.stringContaining('PORT')]);
    expect(problemsOf({ ...env, DATABASE_URL: 'not a url' })).toEqual([expect.stringMatching(/DATABASE_URL is not a valid URL/)]);
    expect(problemsOf({ ...env, DATABASE_URL: 'mysql://db.example:3306/' })).toEqual([expect.stringMatching(/DATABASE_URL must name a database/)]);
    expect(problemsOf({ ...env, REDIS_URL: 'localhost:6379' })).toEqual([expect.stringContaining('REDIS_URL')]);
    expect(problemsOf({ ...env, NODE_ENV: 'staging' })).toEqual([expect.stringContaining('NODE_ENV')]);
    expect(problemsOf({ ...env, CORS_ORIGINS: 'https://ok.example, ftp://bad.example' })).toEqual([expect.stringContaining('ftp://bad.example')]);
    expect(problemsOf({ ...env, ACCESS_TOKEN_TTL_SECONDS: '5' })).toEqual([expect.stringContaining('ACCESS_TOKEN_TTL_SECONDS')]);
  });

  it('reads the partner API limits and refuses a query cost no bucket could pay', () => {
    const config = load({ JWT_SECRET: SECRET });
    expect(config.rateLimit).toEqual({ maxPoints: 2000, restoreRate: 100, maxCost: 1000, maxDepth: 12, maxAliases: 30 });
    expect(config.webhooks).toMatchObject({ allowPrivate: false, pollMs: 1000, timeoutMs: 10_000, retryWindowSeconds: 86_400 });
    expect(load({ JWT_SECRET: SECRET, WEBHOOK_ALLOW_PRIVATE: 'true', RATE_LIMIT_MAX_POINTS: '50', QUERY_MAX_COST: '40' })).toMatchObject({
      webhooks: { allowPrivate: true },
      rateLimit: { maxPoints: 50, maxCost: 40 },
    });
    expect(problemsOf({ JWT_SECRET: SECRET, RATE_LIMIT_MAX_POINTS: '50' })).toEqual([expect.stringMatching(/QUERY_MAX_COST must not exceed RATE_LIMIT_MAX_POINTS/)]);
    expect(problemsOf({ JWT_SECRET: SECRET, WEBHOOK_TIMEOUT_MS: '5' })).toEqual([expect.stringMatching(/WEBHOOK_TIMEOUT_MS/)]);
  });

  it('uses SQLite under DATA_DIR when DATABASE_URL is unset', () => {
    const config = load({ JWT_SECRET: SECRET });
    expect(config.database).toEqual({ kind: 'sqlite', sqlitePath: resolve(dataDir, 'sociodesk.db') });
    expect(config.dataDir).toBe(resolve(dataDir));
    expect(load({ JWT_SECRET: SECRET, DATABASE_URL: '' }).database.kind).toBe('sqlite');
    expect(load({ JWT_SECRET: SECRET, DATABASE_URL: `sqlite:${join(dataDir, 'x.db')}` }).database).toEqual({
      kind: 'sqlite',
      sqlitePath: join(dataDir, 'x.db'),
    });
  });

  it('maps mysql:// and mariadb:// URLs to their kinds', () => {
    const mysql = load({ JWT_SECRET: SECRET, DATABASE_URL: 'mysql://app:pw@db.example:3306/helpdesk' });
    expect(mysql.database).toEqual({ kind: 'mysql', url: 'mysql://app:pw@db.example:3306/helpdesk', dbName: 'helpdesk' });
    const maria = load({ JWT_SECRET: SECRET, DATABASE_URL: 'mariadb://app@db.example/helpdesk_2' });
    expect(maria.database).toEqual({ kind: 'mariadb', url: 'mariadb://app@db.example/helpdesk_2', dbName: 'helpdesk_2' });
  });

  it('applies safe defaults per environment', () => {
    const dev = load({ JWT_SECRET: SECRET });
    expect(dev).toMatchObject({ env: 'development', port: 4000, corsOrigins: '*', seedDemoData: true, accessTokenTtlSeconds: 900 });
    const prod = load({ NODE_ENV: 'production', JWT_SECRET: SECRET, PORT: '8080', REDIS_URL: 'rediss://cache.example:6380', CORS_ORIGINS: 'https://help.example.com' });
    expect(prod).toMatchObject({ env: 'production', port: 8080, corsOrigins: ['https://help.example.com'], seedDemoData: false, redisUrl: 'rediss://cache.example:6380' });
    expect(load({ NODE_ENV: 'test', JWT_SECRET: SECRET }).logLevel).toBe('silent');
  });

  it('generates a development secret once in DATA_DIR/jwt-secret and reuses it', () => {
    const nested = join(dataDir, 'fresh', 'dir');
    const first = loadConfig({ DATA_DIR: nested });
    const file = join(nested, 'jwt-secret');
    expect(existsSync(file)).toBe(true);
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.jwtSecret);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0);

    const second = loadConfig({ DATA_DIR: nested, NODE_ENV: 'test' });
    expect(second.jwtSecret).toBe(first.jwtSecret);
    const elsewhere = load({});
    expect(elsewhere.jwtSecret).not.toBe(first.jwtSecret);
    // An explicit secret wins and the file is left alone.
    expect(loadConfig({ DATA_DIR: nested, JWT_SECRET: SECRET }).jwtSecret).toBe(SECRET);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.jwtSecret);
  });
});
