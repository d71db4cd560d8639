/**
 * Report aggregates at scale: `npm run bench:reports -- [tickets]` (default 1,000,000).
 * Seeds one large tenant (the tickets spread over the last 365 days) plus 9 small tenants
 * (1,000 each) of `ticket_metrics` rows and fills their daily roll-ups from them, on SQLite and,
 * when reachable, MariaDB; then times each dashboard query for a 90-day range through the
 * same service the API uses (median of BENCH_RUNS runs, default 5, after a warm-up). Raw multi-row INSERTs on
 * purpose (this is the benchmark's own bulk loader): every row carries its tenant_id.
 * `BENCH_REUSE=<url>` times a database kept with `BENCH_KEEP=1` again, after migrating it.
 */
import type { MikroORM } from '@mikro-orm/core';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { Role } from '../src/platform/auth/principal.js';
import { loadConfig } from '../src/platform/config.js';
import { initOrm } from '../src/platform/db/orm.js';
import { forTenant } from '../src/platform/db/scope.js';
import { createLogger } from '../src/platform/logger.js';
import { entities } from '../src/modules/index.js';
import { ReportGroupBy } from '../src/modules/reports/reports.inputs.js';
import { ReportsService } from '../src/modules/reports/reports.service.js';
import { rebuildRollups } from '../src/modules/reports/rollup.sql.js';
import { SlaService } from '../src/modules/sla/sla.service.js';

const TOTAL = Number(process.argv[2] ?? 1_000_000);
const SMALL_TENANTS = 9;
const SMALL = 1000;
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 1);
const COLUMNS = [
  'id', 'created_at', 'updated_at', 'tenant_id', 'number', 'status', 'channel', 'category', 'priority', 'assignee_id', 'customer_id',
  'first_response_at', 'resolved_at', 'first_response_minutes', 'first_response_business_minutes', 'resolution_minutes', 'resolution_business_minutes',
  'replies', 'internal_notes', 'reopens', 'assignee_changes', 'sla_first_response', 'sla_resolution', 'department', 'csat_score',
  'created_day', 'created_week', 'created_weekday', 'created_hour', 'resolved_day', 'resolved_week', 'ticket_version',
];

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const monday = (ms: number) => {
  const d = new Date(ms);
  return iso(ms - ((d.getUTCDay() + 6) % 7) * DAY);
};

/** Rows of one tenant in batches, built as they are written (memory stays flat). */
function* rows(tenantId: string, count: number, seed: number, batch: number): Generator<unknown[][]> {
  const rnd = prng(seed);
  const agents = Array.from({ length: 20 }, () => uuidv7());
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  let out: unknown[][] = [];
  for (let i = 0; i < count; i++) {
    const created = NOW - Math.floor(rnd() * 365 * DAY);
    const status = pick(['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'CLOSED', 'CLOSED']);
    const fr = status === 'OPEN' ? null : rnd() * 600;
    const res = status === 'RESOLVED' || status === 'CLOSED' ? 30 + rnd() * 4000 : null;
    const resolvedAt = res === null ? null : created + res * 60_000;
    const d = new Date(created);
    out.push([
      uuidv7(), new Date(created), new Date(created), tenantId, 1001 + i, status, pick(['WEB', 'EMAIL', 'CHAT', 'API', 'PHONE']),
      pick(['BILLING', 'TECHNICAL', 'ACCOUNT', 'SERVICE']), pick(['LOW', 'MEDIUM', 'HIGH']), rnd() < 0.9 ? pick(agents) : null, agents[0],
      fr === null ? null : new Date(created + fr * 60_000), resolvedAt === null ? null : new Date(resolvedAt), fr, fr === null ? null : fr * 0.4, res, res === null ? null : res * 0.35,
      Math.floor(rnd() * 6), Math.floor(rnd() * 2), rnd() < 0.05 ? 1 : 0, 1, pick(['MET', 'MET', 'MET', 'BREACHED', null]), pick(['MET', 'MET', 'BREACHED', 'PENDING', null]),
      null, rnd() < 0.2 ? 1 + Math.floor(rnd() * 5) : null, iso(created), monday(created), ((d.getUTCDay() + 6) % 7) + 1, d.getUTCHours(),
      resolvedAt === null ? null : iso(resolvedAt), resolvedAt === null ? null : monday(resolvedAt), 1,
    ]);
    if (out.length === batch) {
      yield out;
      out = [];
    }
  }
  if (out.length) yield out;
}

interface Target {
  name: 'SQLite' | 'MariaDB';
  env: Record<string, string>;
  load(tenants: Array<{ id: string; count: number }>): Promise<void>;
  cleanup(): Promise<void>;
}

async function sqliteTarget(): Promise<Target> {
  const dir = join(tmpdir(), `sociodesk-bench-reports-${randomBytes(4).toString('hex')}`);
  const path = join(dir, 'bench.db');
  return {
    name: 'SQLite',
    env: { DATABASE_URL: `sqlite:${path}`, DATA_DIR: dir },
    async load(tenants) {
      const { default: Database } = await import('libsql');
      const db = new Database(path);
      db.exec('pragma synchronous = off');
      // The secondary indexes are built once after the load (as a restore would), not row by row.
      const indexes = db.prepare("select name, sql from sqlite_master where type = 'index' and tbl_name = 'ticket_metrics' and sql is not null").all() as Array<{ name: string; sql: string }>;
      for (const i of indexes) db.exec(`drop index \`${i.name}\``);
      db.exec('begin');
      const tuple = `(${COLUMNS.map(() => '?').join(', ')})`;
      const statements = new Map<number, { run(...args: unknown[]): unknown }>();
      for (const [n, t] of tenants.entries()) {
        for (const batch of rows(t.id, t.count, 1000 + n, 500)) {
          let statement = statements.get(batch.length);
          if (!statement) statements.set(batch.length, (statement = db.prepare(`insert into ticket_metrics (${COLUMNS.join(', ')}) values ${batch.map(() => tuple).join(', ')}`)));
          statement.run(...batch.flat().map((v) => (v instanceof Date ? v.getTime() : v)));
        }
      }
      db.exec('commit');
      for (const i of indexes) db.exec(i.sql);
      db.exec('analyze');
      db.close();
    },
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function mariadbTarget(): Promise<Target | null> {
  const host = process.env.TEST_MARIADB_HOST ?? '127.0.0.1';
  const port = Number(process.env.TEST_MARIADB_PORT ?? 3306);
  const name = `sociodesk_bench_reports_${randomBytes(4).toString('hex')}`;
  const mysql = await import('mysql2/promise');
  try {
    const admin = await mysql.createConnection({ host, port, user: 'root' });
    await admin.query(`create database \`${name}\``);
    await admin.end();
  } catch {
    console.warn(`MariaDB at ${host}:${port} unreachable: SQLite only`);
    return null;
  }
  const url = `mysql://root@${host}:${port}/${name}`;
  return {
    name: 'MariaDB',
    env: { DATABASE_URL: url.replace(/^mysql:/, 'mariadb:'), DATA_DIR: join(tmpdir(), name) },
    async load(tenants) {
      const conn = await mysql.createConnection({ uri: url, timezone: 'Z' });
      await conn.query('set unique_checks = 0');
      // The secondary indexes are built once after the load (as a restore would), not row by row.
      const [stats] = (await conn.query(
        `select index_name as name, max(non_unique) as nonUnique, group_concat(concat('\`', column_name, '\`') order by seq_in_index) as cols
         from information_schema.statistics where table_schema = database() and table_name = 'ticket_metrics' and index_name <> 'PRIMARY' group by index_name`,
      )) as unknown as [Array<{ name: string; nonUnique: number; cols: string }>];
      if (stats.length) await conn.query(`alter table ticket_metrics ${stats.map((i) => `drop index \`${i.name}\``).join(', ')}`);
      for (const [n, t] of tenants.entries()) {
        await conn.beginTransaction();
        for (const batch of rows(t.id, t.count, 1000 + n, 2000)) await conn.query(`insert into ticket_metrics (${COLUMNS.join(', ')}) values ?`, [batch]);
        await conn.commit();
      }
      if (stats.length) await conn.query(`alter table ticket_metrics ${stats.map((i) => `add ${Number(i.nonUnique) ? '' : 'unique '}index \`${i.name}\` (${i.cols})`).join(', ')}`);
      await conn.query('analyze table ticket_metrics');
      await conn.end();
    },
    async cleanup() {
      const admin = await mysql.createConnection({ host, port, user: 'root' });
      await admin.query(`drop database if exists \`${name}\``);
      await admin.end();
    },
  };
}

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** `BENCH_REUSE=<DATABASE_URL printed by BENCH_KEEP>`: time the queries on a kept database (kept again) without loading it. */
const REUSE = process.env.BENCH_REUSE;

function reusedTarget(url: string): Target {
  const sqlite = url.startsWith('sqlite:');
  return {
    name: sqlite ? 'SQLite' : 'MariaDB',
    env: { DATABASE_URL: url, DATA_DIR: join(tmpdir(), 'sociodesk-bench-reused') },
    load: async () => {},
    cleanup: async () => {},
  };
}

/** Median of RUNS timed runs after one warm-up, printed as soon as it is known. */
async function time(label: string, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    await fn();
    runs.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const median = runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  console.log(`  ${label}: ${median.toFixed(0)} ms`);
  return median;
}

async function run(target: Target): Promise<Record<string, number>> {
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(32), LOG_LEVEL: 'silent', ...target.env });
  let orm: MikroORM;
  let big: string;
  if (REUSE) {
    // A database kept by an earlier run: migrate it (timed: new migrations run on the full data) and time the queries.
    const migrated = Date.now();
    orm = await initOrm(config, entities, createLogger('silent'));
    console.log(`${target.name}: migrated in ${((Date.now() - migrated) / 1000).toFixed(1)} s`);
    const rows = await orm.em.getConnection().execute('select tenant_id as t from ticket_metrics group by tenant_id order by count(*) desc limit 1');
    big = String(rows[0].t);
  } else {
    // Migrate, load with the bulk loader (its own connection), then open the ORM the queries use.
    await (await initOrm(config, entities, createLogger('silent'))).close(true);
    big = uuidv7();
    const tenants = [{ id: big, count: TOTAL }, ...Array.from({ length: SMALL_TENANTS }, () => ({ id: uuidv7(), count: SMALL }))];
    const start = Date.now();
    await target.load(tenants);
    console.log(`${target.name}: loaded ${TOTAL + SMALL_TENANTS * SMALL} rows in ${((Date.now() - start) / 1000).toFixed(1)} s`);
    // The migrating ORM of this same process held the SQLite file lock: it is ours to drop.
    if (target.name === 'SQLite') rmSync(`${target.env.DATABASE_URL.slice('sqlite:'.length)}.lock`, { force: true });
    orm = await initOrm(config, entities, createLogger('silent'));
    // The daily roll-ups, filled from the loaded rows as the demo seed does (INSERT … SELECT … GROUP BY).
    const filled = Date.now();
    for (const t of tenants) await forTenant(orm.em.fork(), t.id).transactional((tx) => rebuildRollups(tx, t.id));
    console.log(`${target.name}: roll-ups filled in ${((Date.now() - filled) / 1000).toFixed(1)} s`);
  }
  const reports = new ReportsService(new SlaService());
  const scope = () => ({ principal: { kind: 'user', tenantId: big, userId: uuidv7(), role: Role.ADMIN, scopes: [] } as never, em: forTenant(orm.em, big) });
  const range = { from: new Date(NOW - 90 * DAY), to: new Date(NOW) };
  const figures: Record<string, number> = {
    'ticketStats (DAY)': await time('ticketStats (DAY)', () => reports.ticketStats(scope(), range, ReportGroupBy.DAY, null, false)),
    'ticketStats (WEEK, business hours)': await time('ticketStats (WEEK, business hours)', () => reports.ticketStats(scope(), range, ReportGroupBy.WEEK, null, true)),
    'ticketStats (DAY, category filter)': await time('ticketStats (DAY, category filter)', () => reports.ticketStats(scope(), range, ReportGroupBy.DAY, { category: 'BILLING' as never }, false)),
    agentStats: await time('agentStats', () => reports.agentStats(scope(), range, false)),
    trafficHeatmap: await time('trafficHeatmap', () => reports.trafficHeatmap(scope(), range, null)),
    'slaBreaches (first 50)': await time('slaBreaches (first 50)', () => reports.metrics(scope(), { range }, 50, null, true)),
    'ticketMetrics (first 100)': await time('ticketMetrics (first 100)', () => reports.metrics(scope(), { range }, 100, null)),
  };
  await orm.close(true);
  return figures;
}

const only = process.env.BENCH_TARGETS?.toLowerCase().split(',');
const wanted = (name: string) => !only || only.includes(name.toLowerCase());
const targets = REUSE
  ? [reusedTarget(REUSE)]
  : [wanted('sqlite') ? await sqliteTarget() : null, wanted('mariadb') ? await mariadbTarget() : null].filter((t): t is Target => !!t);
const results: Record<string, Record<string, number>> = {};
try {
  for (const target of targets) results[target.name] = await run(target);
} finally {
  if (process.env.BENCH_KEEP) console.log(`kept: ${targets.map((t) => t.env.DATABASE_URL).join(', ')}`);
  else for (const target of targets) await target.cleanup();
}
const names = Object.keys(results[targets[0].name]);
console.log(`\n${TOTAL.toLocaleString('en-US')} tickets in one tenant (+${SMALL_TENANTS} × ${SMALL}), 90-day range, median of ${RUNS} (ms):\n`);
console.log(`| Query | ${targets.map((t) => t.name).join(' | ')} |`);
console.log(`| --- | ${targets.map(() => '---:').join(' | ')} |`);
for (const n of names) console.log(`| ${n} | ${targets.map((t) => results[t.name][n].toFixed(0)).join(' | ')} |`);
