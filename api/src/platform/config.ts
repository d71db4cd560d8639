import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { AppConfig } from './config.types.js';
import { ConfigError, developmentSecret, intVar, introspectionMode, mailConfig, parseDatabase, parseMetrics, parseStorage, type Env } from './config-parsers.js';

/** The API's configuration, read from the environment (README "Configuration"). */
export * from './config.types.js';
export { ConfigError } from './config-parsers.js';

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
    // One worker per spare core, at most two: a read holds only its worker, never the event loop.
    sqliteReaders: intVar(env, 'SQLITE_READERS', Math.min(2, Math.max(0, availableParallelism() - 1)), problems, 0, 16),
    redisUrl,
    redisPrefix: env.REDIS_PREFIX ?? 'sociodesk:',
    jwtSecret,
    accessTokenTtlSeconds: intVar(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, problems, 10, 86_400),
    refreshTokenTtlDays: intVar(env, 'REFRESH_TOKEN_TTL_DAYS', 30, problems, 1, 365),
    corsOrigins,
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    seedDemoData: ['true', 'minimal'].includes(env.SEED_DEMO_DATA ?? (isProd ? 'false' : 'true')),
    demoHistory: (env.SEED_DEMO_DATA ?? (isProd ? 'false' : 'true')) === 'true',
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
    slaRecompute: {
      batch: intVar(env, 'SLA_RECOMPUTE_BATCH', 100, problems, 1, 5000),
      pauseMs: intVar(env, 'SLA_RECOMPUTE_PAUSE_MS', 10, problems, 0, 10_000),
      leaseMs: intVar(env, 'SLA_RECOMPUTE_LEASE_MS', 30_000, problems, 1000, 3_600_000),
    },
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
