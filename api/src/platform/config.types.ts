/** The shape of the API's configuration (see config.ts for how the environment fills it). */

export type DatabaseKind = 'sqlite' | 'mysql' | 'mariadb';

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  database: { kind: DatabaseKind; url?: string; sqlitePath?: string; dbName?: string };
  /** MySQL/MariaDB: longest wait for a pooled connection, and for a new one to connect. */
  databaseTimeouts: { acquireTimeoutMs: number; connectTimeoutMs: number };
  /** SQLite: worker threads with a read connection each, serving reads outside transactions (0: every statement on the main connection). */
  sqliteReaders: number;
  redisUrl?: string;
  /** Prefix for every Redis key and channel this process owns. */
  redisPrefix: string;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  corsOrigins: string[] | '*';
  logLevel: string;
  seedDemoData: boolean;
  /** With the demo data, also 90 days of ticket history (`SEED_DEMO_DATA=minimal`: users only). */
  demoHistory: boolean;
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
  /** Recomputing tickets after an SLA policy, calendar or status change: tickets per transaction, pause between batches, claim lease. */
  slaRecompute: { batch: number; pauseMs: number; leaseMs: number };
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
