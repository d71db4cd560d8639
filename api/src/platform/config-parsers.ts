/** Parsers for single configuration variables; each reports problems instead of throwing. */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { AppConfig, IntrospectionMode, MailConfig, MetricsConfig, StorageConfig } from './config.types.js';

const INTROSPECTION_MODES: readonly IntrospectionMode[] = ['public', 'signed-in', 'off'];

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export type Env = Record<string, string | undefined>;

export function intVar(env: Env, name: string, fallback: number, problems: string[], min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
    return fallback;
  }
  return value;
}

export function parseDatabase(env: Env, dataDir: string, problems: string[]): AppConfig['database'] {
  const url = env.DATABASE_URL;
  if (!url) return { kind: 'sqlite', sqlitePath: resolve(dataDir, 'sociodesk.db') };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    problems.push('DATABASE_URL is not a valid URL (expected mysql://, mariadb:// or sqlite:)');
    return { kind: 'sqlite', sqlitePath: resolve(dataDir, 'sociodesk.db') };
  }
  const protocol = parsed.protocol.replace(/:$/, '');
  if (protocol === 'sqlite' || protocol === 'file') {
    const path = decodeURIComponent(parsed.pathname || '');
    return { kind: 'sqlite', sqlitePath: path === ':memory:' ? ':memory:' : resolve(path) };
  }
  if (protocol !== 'mysql' && protocol !== 'mariadb') {
    problems.push(`DATABASE_URL scheme "${protocol}:" is not supported (use mysql://, mariadb:// or sqlite:)`);
    return { kind: 'sqlite', sqlitePath: resolve(dataDir, 'sociodesk.db') };
  }
  const dbName = parsed.pathname.replace(/^\//, '');
  if (!dbName) problems.push('DATABASE_URL must name a database, e.g. mysql://user:pass@host:3306/sociodesk');
  return { kind: protocol, url, dbName };
}

/** Reads the development JWT secret from the data folder, creating it once. */
export function developmentSecret(dataDir: string): string {
  const file = resolve(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export function introspectionMode(env: Env, isProd: boolean, problems: string[]): IntrospectionMode {
  const raw = env.INTROSPECTION?.trim();
  if (!raw) return isProd ? 'signed-in' : 'public';
  if ((INTROSPECTION_MODES as readonly string[]).includes(raw)) return raw as IntrospectionMode;
  problems.push(`INTROSPECTION must be one of ${INTROSPECTION_MODES.join(', ')} (got "${raw}")`);
  return 'off';
}

export function parseMetrics(env: Env, isProd: boolean, problems: string[]): MetricsConfig {
  const token = env.METRICS_TOKEN || undefined;
  if (token && token.length < 16) problems.push('METRICS_TOKEN must be at least 16 characters long');
  const rawPort = env.METRICS_PORT;
  const port = rawPort ? intVar(env, 'METRICS_PORT', 0, problems, 0, 65535) : undefined;
  return { onApiPort: !isProd || !!token, token, port, host: env.METRICS_HOST ?? '127.0.0.1' };
}

export function parseStorage(env: Env, problems: string[]): StorageConfig {
  const driver = env.STORAGE_DRIVER ?? 'disk';
  if (driver === 'disk') return { driver };
  if (driver !== 's3') {
    problems.push(`STORAGE_DRIVER must be disk or s3 (got "${driver}")`);
    return { driver: 'disk' };
  }
  const bucket = env.S3_BUCKET ?? '';
  if (!bucket) problems.push('S3_BUCKET is required when STORAGE_DRIVER=s3');
  const endpoint = env.S3_ENDPOINT || undefined;
  if (endpoint && !/^https?:\/\/.+/.test(endpoint)) problems.push('S3_ENDPOINT must be an http:// or https:// URL');
  const accessKeyId = env.S3_ACCESS_KEY_ID || undefined;
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY || undefined;
  if (!!accessKeyId !== !!secretAccessKey) problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together');
  return {
    driver,
    bucket,
    region: env.S3_REGION ?? 'us-east-1',
    endpoint,
    // MinIO and most self-hosted stores want path-style URLs (http://host/bucket/key).
    forcePathStyle: (env.S3_FORCE_PATH_STYLE ?? (endpoint ? 'true' : 'false')) === 'true',
    accessKeyId,
    secretAccessKey,
    prefix: env.S3_PREFIX ?? '',
  };
}

export function mailConfig(env: Env, config: AppConfig, isProd: boolean, problems: string[]): MailConfig {
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^/]+/.test(smtpUrl)) problems.push('SMTP_URL must look like smtp://user:pass@host:587 or smtps://host:465');
  const publicUrl = (env.PUBLIC_URL ?? '').replace(/\/+$/, '');
  if (publicUrl && !/^https?:\/\/[^/]+/.test(publicUrl)) problems.push(`PUBLIC_URL must look like https://help.example.com (got "${publicUrl}")`);
  return {
    smtpUrl,
    from: env.MAIL_FROM || 'Sociodesk <no-reply@sociodesk.localhost>',
    publicUrl,
    pollMs: intVar(env, 'MAIL_POLL_MS', 1000, problems, 0, 3_600_000),
    retryBaseMs: intVar(env, 'MAIL_RETRY_BASE_MS', 5000, problems, 10, 3_600_000),
    retryMaxDelayMs: intVar(env, 'MAIL_RETRY_MAX_DELAY_MS', 1_800_000, problems, 10, 86_400_000),
    maxAttempts: intVar(env, 'MAIL_MAX_ATTEMPTS', 8, problems, 1, 100),
    devMailbox: !isProd,
  };
}
