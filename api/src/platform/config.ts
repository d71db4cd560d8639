import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export type DatabaseKind = 'sqlite' | 'mysql' | 'mariadb';

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  database: { kind: DatabaseKind; url?: string; sqlitePath?: string; dbName?: string };
  /** MySQL/MariaDB: longest wait for a pooled connection, and for a new one to connect. */
  databaseTimeouts: { acquireTimeoutMs: number; connectTimeoutMs: number };
  redisUrl?: string;
  /** Prefix for every Redis key and channel this process owns. */
  redisPrefix: string;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  corsOrigins: string[] | '*';
  logLevel: string;
  seedDemoData: boolean;
  /** Adds `extensions.sqlStatements` to every response (tests and benchmarks). */
  exposeQueryStats: boolean;
  /** Directory of the built client, served at `/` when it exists. */
  clientDist?: string;
  login: { maxFailuresPerEmail: number; maxFailuresPerIp: number; windowSeconds: number };
  uploads: { dir: string; maxBytes: number; allowedTypes: string[] };
  /** How long a typing indicator lives without renewal. */
  typingTtlMs: number;
  /** With Redis: how long an instance's presence lease lasts; a killed instance's agents go offline after it. */
  presenceLeaseMs: number;
  /** Unsent bytes a WebSocket may hold before it is closed as a slow consumer (1013). */
  wsMaxBufferedBytes: number;
  webhooks: WebhookConfig;
  rateLimit: RateLimitConfig;
  /** How often the SLA escalation worker runs (0 disables it in this process). */
  slaWorkerIntervalMs: number;
  metrics: MetricsConfig;
  storage: StorageConfig;
  /** How long SIGTERM waits for in-flight requests before closing what is left. */
  shutdownGraceMs: number;
  /** Express `trust proxy`: which proxies' X-Forwarded-For is believed for the client address. */
  trustProxy: string;
  mail: MailConfig;
  accounts: AccountsConfig;
  chat: ChatConfig;
}

/** Abuse limits of the live-chat widget. */
export interface ChatConfig {
  startsPerIp: number;
  startsPerKey: number;
  /** Window of the two start limits. */
  startWindowSeconds: number;
  /** Visitor messages per chat per minute. */
  messagesPerMinute: number;
}

export interface MailConfig {
  /** smtp:// or smtps:// URL of the SMTP server; unset: the dev mailbox (outside production). */
  smtpUrl?: string;
  from: string;
  /** Where the web client is reached: links in mail point here. Unset: this server's own address, once it listens. */
  publicUrl: string;
  /** How often each instance looks for due mail (0 disables the worker). */
  pollMs: number;
  retryBaseMs: number;
  retryMaxDelayMs: number;
  maxAttempts: number;
  /** Serve the dev mailbox at /dev/mailbox (never in production). */
  devMailbox: boolean;
}

export interface AccountsConfig {
  allowSignup: boolean;
  /** Emails of platform operators (besides those granted with `npm run operator`). */
  operatorEmails: string[];
  passwordResetMaxPerEmail: number;
  passwordResetMaxPerIp: number;
  signupMaxPerIp: number;
  /** Window of those three limits. */
  windowSeconds: number;
}

export interface MetricsConfig {
  /** Serve /metrics on the API port (development and test, or production with a token). */
  onApiPort: boolean;
  /** When set, /metrics requires `Authorization: Bearer <token>`. */
  token?: string;
  /** A separate listener for /metrics only (METRICS_PORT), on `host`. */
  port?: number;
  host: string;
}

export type StorageConfig =
  | { driver: 'disk' }
  | { driver: 's3'; bucket: string; region: string; endpoint?: string; forcePathStyle: boolean; accessKeyId?: string; secretAccessKey?: string; prefix: string };

export interface WebhookConfig {
  /** Allow endpoints on loopback, private and link-local addresses (tests, trusted networks). */
  allowPrivate: boolean;
  /** How often each instance looks for new events and due deliveries (0 disables the worker). */
  pollMs: number;
  timeoutMs: number;
  /** First retry delay; it doubles (with jitter) up to retryMaxDelayMs. */
  retryBaseMs: number;
  retryMaxDelayMs: number;
  /** A delivery still failing this long after its event disables the endpoint. */
  retryWindowSeconds: number;
}

export interface RateLimitConfig {
  /** Points in a full bucket, per user, API key or (anonymous) IP address. */
  maxPoints: number;
  /** Points restored per second. */
  restoreRate: number;
  /** Largest cost one operation may have. */
  maxCost: number;
  maxDepth: number;
  maxAliases: number;
  /** Most directives one operation may use. */
  maxDirectives: number;
  /** Most lexical tokens a document may have (HTTP and WebSocket parsers). */
  maxTokens: number;
  /** Largest HTTP body and WebSocket frame, in bytes. */
  maxBodyBytes: number;
  /** Who may run introspection (`__schema`, `__type`): anyone, signed-in principals, or nobody. */
  introspection: IntrospectionMode;
}

export type IntrospectionMode = 'public' | 'signed-in' | 'off';
const INTROSPECTION_MODES: readonly IntrospectionMode[] = ['public', 'signed-in', 'off'];

export const DEFAULT_UPLOAD_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'text/csv',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
];

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function intVar(env: Env, name: string, fallback: number, problems: string[], min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
    return fallback;
  }
  return value;
}

function parseDatabase(env: Env, dataDir: string, problems: string[]): AppConfig['database'] {
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
function developmentSecret(dataDir: string): string {
  const file = resolve(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function introspectionMode(env: Env, isProd: boolean, problems: string[]): IntrospectionMode {
  const raw = env.INTROSPECTION?.trim();
  if (!raw) return isProd ? 'signed-in' : 'public';
  if ((INTROSPECTION_MODES as readonly string[]).includes(raw)) return raw as IntrospectionMode;
  problems.push(`INTROSPECTION must be one of ${INTROSPECTION_MODES.join(', ')} (got "${raw}")`);
  return 'off';
}

function parseMetrics(env: Env, isProd: boolean, problems: string[]): MetricsConfig {
  const token = env.METRICS_TOKEN || undefined;
  if (token && token.length < 16) problems.push('METRICS_TOKEN must be at least 16 characters long');
  const rawPort = env.METRICS_PORT;
  const port = rawPort ? intVar(env, 'METRICS_PORT', 0, problems, 0, 65535) : undefined;
  return { onApiPort: !isProd || !!token, token, port, host: env.METRICS_HOST ?? '127.0.0.1' };
}

function parseStorage(env: Env, problems: string[]): StorageConfig {
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

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnv = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    problems.push(`NODE_ENV must be development, production or test (got "${nodeEnv}")`);
  }
  const isProd = nodeEnv === 'production';
  const dataDir = resolve(env.DATA_DIR ?? 'data');
  const database = parseDatabase(env, dataDir, problems);

  let jwtSecret = env.JWT_SECRET ?? '';
  if (!jwtSecret) {
    if (isProd) problems.push('JWT_SECRET is required when NODE_ENV=production (use at least 32 random characters)');
    else jwtSecret = developmentSecret(dataDir);
  } else if (jwtSecret.length < 32) {
    problems.push('JWT_SECRET must be at least 32 characters long');
  }

  const redisUrl = env.REDIS_URL || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) problems.push('REDIS_URL must start with redis:// or rediss://');

  const corsRaw = env.CORS_ORIGINS?.trim();
  if (isProd && !corsRaw) {
    problems.push('CORS_ORIGINS is required when NODE_ENV=production: the origins allowed to call the API from a browser, e.g. https://help.example.com');
  }
  const corsOrigins: AppConfig['corsOrigins'] =
    !corsRaw ? (isProd ? [] : '*') : corsRaw === '*' ? '*' : corsRaw.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(corsOrigins)) {
    for (const origin of corsOrigins) {
      if (!/^https?:\/\/[^/]+$/.test(origin)) problems.push(`CORS_ORIGINS entry "${origin}" must look like https://host[:port]`);
    }
  }

  const config = {
    env: nodeEnv as AppConfig['env'],
    port: intVar(env, 'PORT', 4000, problems, 0, 65535),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    database,
    databaseTimeouts: {
      acquireTimeoutMs: intVar(env, 'DB_ACQUIRE_TIMEOUT_MS', 3000, problems, 100, 600_000),
      connectTimeoutMs: intVar(env, 'DB_CONNECT_TIMEOUT_MS', 2000, problems, 100, 600_000),
    },
    redisUrl,
    redisPrefix: env.REDIS_PREFIX ?? 'sociodesk:',
    jwtSecret,
    accessTokenTtlSeconds: intVar(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, problems, 10, 86_400),
    refreshTokenTtlDays: intVar(env, 'REFRESH_TOKEN_TTL_DAYS', 30, problems, 1, 365),
    corsOrigins,
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    seedDemoData: (env.SEED_DEMO_DATA ?? (isProd ? 'false' : 'true')) === 'true',
    exposeQueryStats: env.EXPOSE_QUERY_STATS === 'true',
    clientDist: env.CLIENT_DIST ? resolve(env.CLIENT_DIST) : undefined,
    login: {
      maxFailuresPerEmail: intVar(env, 'LOGIN_MAX_FAILURES_PER_EMAIL', 5, problems, 1),
      maxFailuresPerIp: intVar(env, 'LOGIN_MAX_FAILURES_PER_IP', 30, problems, 1),
      windowSeconds: intVar(env, 'LOGIN_FAILURE_WINDOW_SECONDS', 900, problems, 1),
    },
    typingTtlMs: intVar(env, 'TYPING_TTL_MS', 6000, problems, 100, 60_000),
    presenceLeaseMs: intVar(env, 'PRESENCE_LEASE_MS', 20_000, problems, 1000, 600_000),
    wsMaxBufferedBytes: intVar(env, 'WS_MAX_BUFFERED_BYTES', 8 * 1024 * 1024, problems, 64 * 1024, 1024 * 1024 * 1024),
    slaWorkerIntervalMs: intVar(env, 'SLA_WORKER_INTERVAL_MS', nodeEnv === 'test' ? 0 : 30_000, problems, 0, 3_600_000),
    webhooks: {
      allowPrivate: env.WEBHOOK_ALLOW_PRIVATE === 'true',
      pollMs: intVar(env, 'WEBHOOK_POLL_MS', 1000, problems, 0, 3_600_000),
      timeoutMs: intVar(env, 'WEBHOOK_TIMEOUT_MS', 10_000, problems, 100, 60_000),
      retryBaseMs: intVar(env, 'WEBHOOK_RETRY_BASE_MS', 10_000, problems, 10, 3_600_000),
      retryMaxDelayMs: intVar(env, 'WEBHOOK_RETRY_MAX_DELAY_MS', 3_600_000, problems, 10, 86_400_000),
      retryWindowSeconds: intVar(env, 'WEBHOOK_RETRY_WINDOW_SECONDS', 86_400, problems, 1, 30 * 86_400),
    },
    rateLimit: {
      maxPoints: intVar(env, 'RATE_LIMIT_MAX_POINTS', 2000, problems, 1),
      restoreRate: intVar(env, 'RATE_LIMIT_RESTORE_RATE', 100, problems, 1),
      maxCost: intVar(env, 'QUERY_MAX_COST', 1000, problems, 1),
      maxDepth: intVar(env, 'QUERY_MAX_DEPTH', 15, problems, 1, 100),
      maxAliases: intVar(env, 'QUERY_MAX_ALIASES', 30, problems, 0, 1000),
      maxDirectives: intVar(env, 'QUERY_MAX_DIRECTIVES', 50, problems, 0, 1000),
      maxTokens: intVar(env, 'QUERY_MAX_TOKENS', 5000, problems, 100, 1_000_000),
      maxBodyBytes: intVar(env, 'REQUEST_MAX_BYTES', 1024 * 1024, problems, 1024, 100 * 1024 * 1024),
      introspection: introspectionMode(env, isProd, problems),
    },
    metrics: parseMetrics(env, isProd, problems),
    storage: parseStorage(env, problems),
    shutdownGraceMs: intVar(env, 'SHUTDOWN_GRACE_MS', 10_000, problems, 0, 600_000),
    trustProxy: env.TRUST_PROXY ?? 'loopback',
    uploads: {
      dir: resolve(env.UPLOAD_DIR ?? resolve(dataDir, 'uploads')),
      maxBytes: intVar(env, 'UPLOAD_MAX_BYTES', 10 * 1024 * 1024, problems, 1),
      allowedTypes: env.UPLOAD_ALLOWED_TYPES
        ? env.UPLOAD_ALLOWED_TYPES.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)
        : DEFAULT_UPLOAD_TYPES,
    },
  } as AppConfig;
  config.mail = mailConfig(env, config, isProd, problems);
  config.accounts = {
    allowSignup: (env.ALLOW_SIGNUP ?? (isProd ? 'false' : 'true')) === 'true',
    operatorEmails: (env.PLATFORM_OPERATOR_EMAILS ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean),
    passwordResetMaxPerEmail: intVar(env, 'PASSWORD_RESET_MAX_PER_EMAIL', 3, problems, 1),
    passwordResetMaxPerIp: intVar(env, 'PASSWORD_RESET_MAX_PER_IP', 20, problems, 1),
    signupMaxPerIp: intVar(env, 'SIGNUP_MAX_PER_IP', 10, problems, 1),
    windowSeconds: intVar(env, 'ACCOUNT_LIMIT_WINDOW_SECONDS', 3600, problems, 1),
  };
  config.chat = {
    startsPerIp: intVar(env, 'CHAT_STARTS_PER_IP', 10, problems, 1),
    startsPerKey: intVar(env, 'CHAT_STARTS_PER_KEY', 300, problems, 1),
    startWindowSeconds: intVar(env, 'CHAT_START_WINDOW_SECONDS', 600, problems, 1),
    messagesPerMinute: intVar(env, 'CHAT_MESSAGES_PER_MINUTE', 30, problems, 1),
  };
  if (config.rateLimit.maxCost > config.rateLimit.maxPoints) {
    problems.push('QUERY_MAX_COST must not exceed RATE_LIMIT_MAX_POINTS (such a query could never run)');
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}

function mailConfig(env: Env, config: AppConfig, isProd: boolean, problems: string[]): MailConfig {
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
