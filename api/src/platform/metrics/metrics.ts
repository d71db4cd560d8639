import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus metrics, all named `sociodesk_…`. One registry per process: the
 * counters and histograms are fed from where the work happens (HTTP, GraphQL, SQL, webhook
 * worker, subscriptions), and the gauges read live state from the sources each running app
 * registers (sockets, subscription groups, outbox rows) when /metrics is scraped.
 */
export const registry = new Registry();
const PREFIX = 'sociodesk_';
collectDefaultMetrics({ register: registry, prefix: PREFIX, eventLoopMonitoringPrecision: 20 });

const seconds = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const httpRequestDuration = new Histogram({
  name: `${PREFIX}http_request_duration_seconds`,
  help: 'HTTP requests by method, route and status code',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: seconds,
  registers: [registry],
});

export const graphqlOperationDuration = new Histogram({
  name: `${PREFIX}graphql_operation_duration_seconds`,
  help: 'GraphQL operations over HTTP by operation name, type and outcome (ok or the first error code)',
  labelNames: ['operation', 'type', 'outcome'] as const,
  buckets: seconds,
  registers: [registry],
});

export const graphqlSqlStatements = new Histogram({
  name: `${PREFIX}graphql_operation_sql_statements`,
  help: 'SQL statements sent while serving one GraphQL operation',
  labelNames: ['operation'] as const,
  buckets: [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 100],
  registers: [registry],
});

export const graphqlSqlSeconds = new Histogram({
  name: `${PREFIX}graphql_operation_sql_seconds`,
  help: 'Time spent in SQL while serving one GraphQL operation',
  labelNames: ['operation'] as const,
  buckets: seconds,
  registers: [registry],
});

export const sqlStatementDuration = new Histogram({
  name: `${PREFIX}sql_statement_duration_seconds`,
  help: 'Every SQL statement (requests and background workers) by statement kind',
  labelNames: ['statement'] as const,
  buckets: [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
  registers: [registry],
});

export const rateLimitRejections = new Counter({
  name: `${PREFIX}rate_limit_rejections_total`,
  help: 'Operations refused with RATE_LIMITED (query cost bucket, sign-in limits, …), by operation name',
  labelNames: ['operation'] as const,
  registers: [registry],
});

export const eventDispatchLag = new Histogram({
  name: `${PREFIX}event_dispatch_lag_seconds`,
  help: 'From a ticket event being written (in its transaction) to this process handing it to its subscriptions (which serialize it and write it to the sockets without further I/O)',
  labelNames: ['stream'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

export const lockConflictRetries = new Counter({
  name: `${PREFIX}db_lock_conflict_retries_total`,
  help: 'Transactions run again after the database rolled them back for a deadlock or lock wait timeout',
  registers: [registry],
});

export const webhookDeliveries = new Counter({
  name: `${PREFIX}webhook_delivery_attempts_total`,
  help: 'Webhook delivery attempts by outcome (succeeded, retry, failed)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

export const webhookDeliveryDuration = new Histogram({
  name: `${PREFIX}webhook_delivery_duration_seconds`,
  help: 'Outbound webhook POSTs, from connect to response (or error)',
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

export const slaWorkerLag = new Gauge({
  name: `${PREFIX}sla_worker_lag_seconds`,
  help: 'At the last SLA worker run: how long the most overdue ticket had been waiting for its check (0 when none was due)',
  registers: [registry],
});

export const slaWorkerRuns = new Counter({
  name: `${PREFIX}sla_worker_runs_total`,
  help: 'SLA worker runs, and the tickets they changed',
  labelNames: ['result'] as const,
  registers: [registry],
});

/** Live state of one running app, read at scrape time. */
export interface LiveSource {
  websocketConnections(): number;
  websocketOperations(): number;
  subscriptionGroups(): number;
  /** Rows waiting in each outbox: count and the age of the oldest, in seconds. */
  outboxes(): Promise<Array<{ outbox: string; depth: number; oldestAgeSeconds: number }>>;
}

const sources = new Set<LiveSource>();

/** Registers a running app's live state; returns the function that removes it. */
export function registerLiveSource(source: LiveSource): () => void {
  sources.add(source);
  return () => sources.delete(source);
}

const sum = (read: (s: LiveSource) => number) => [...sources].reduce((n, s) => n + read(s), 0);

new Gauge({
  name: `${PREFIX}websocket_connections`,
  help: 'Open WebSocket connections',
  registers: [registry],
  collect() {
    this.set(sum((s) => s.websocketConnections()));
  },
});

new Gauge({
  name: `${PREFIX}websocket_subscriptions`,
  help: 'Active operations (subscriptions) on open WebSocket connections',
  registers: [registry],
  collect() {
    this.set(sum((s) => s.websocketOperations()));
  },
});

new Gauge({
  name: `${PREFIX}subscription_groups`,
  help: 'Shared subscription executions (subscribers with the same document, variables and visibility share one)',
  registers: [registry],
  collect() {
    this.set(sum((s) => s.subscriptionGroups()));
  },
});

async function readOutboxes() {
  const all = await Promise.all([...sources].map((s) => s.outboxes().catch(() => [])));
  return all.flat();
}

new Gauge({
  name: `${PREFIX}outbox_depth`,
  help: 'Rows waiting in an outbox (webhook: pending deliveries; mail: unsent mails; due or retrying)',
  labelNames: ['outbox'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    for (const o of await readOutboxes()) this.inc({ outbox: o.outbox }, o.depth);
  },
});

new Gauge({
  name: `${PREFIX}outbox_oldest_age_seconds`,
  help: 'Age of the oldest row waiting in an outbox',
  labelNames: ['outbox'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    for (const o of await readOutboxes()) this.set({ outbox: o.outbox }, o.oldestAgeSeconds);
  },
});

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_OPERATION_NAMES = 500;
const seenNames = new Set<string>();

/**
 * A bounded label for a client-chosen operation name: invalid names and names beyond the
 * first few hundred seen by this process are grouped, so callers cannot explode the series.
 */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (!NAME.test(name)) return 'invalid';
  if (seenNames.has(name)) return name;
  if (seenNames.size >= MAX_OPERATION_NAMES) return 'other';
  seenNames.add(name);
  return name;
}

/** The first word of a statement (select, insert, update, delete, begin, …), for the SQL histogram. */
export function statementKind(sql: string): string {
  const word = /^\s*(\w+)/.exec(sql)?.[1]?.toLowerCase() ?? 'other';
  return ['select', 'insert', 'update', 'delete', 'begin', 'commit', 'rollback', 'savepoint', 'release', 'set', 'start'].includes(word) ? word : 'other';
}
