import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { entities } from '../../modules/index.js';
import { DEMO_PASSWORD } from '../../modules/demo/demo.seed.js';
import { loadConfig } from '../../platform/config.js';
import { ormOptions } from '../../platform/db/orm.js';
import { MARIADB_HOST, MARIADB_PORT } from '../databases.js';
import { gqlOk } from '../graphql.js';
import { freePort } from '../process.js';
import { TEST_JWT_SECRET } from '../server.js';

/** Fault tests: real processes, real databases, killed for real. Durations come from env vars. */

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A positive integer from the environment (e.g. FAULT_SOAK_SECONDS=60 for a longer local run). */
export function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Everything an API process needs, on a fresh database of its own; the demo tenants give the users. */
export interface FaultEnv {
  env: Record<string, string>;
  dataDir: string;
  cleanup(): Promise<void>;
}

/** A fresh SQLite file, or a fresh database on a MariaDB server (the shared one unless `mariadb` is given). */
export function faultEnv(db: 'sqlite' | 'mariadb', extra: Record<string, string> = {}, mariadb?: { host: string; port: number }): FaultEnv {
  const dataDir = mkdtempSync(join(tmpdir(), 'sociodesk-fault-'));
  const dbName = `sociodesk_fault_${randomBytes(5).toString('hex')}`;
  const host = mariadb?.host ?? MARIADB_HOST;
  const port = mariadb?.port ?? MARIADB_PORT;
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    JWT_SECRET: TEST_JWT_SECRET,
    CLIENT_DIST: join(dataDir, 'no-client'),
    SEED_DEMO_DATA: 'minimal',
    RATE_LIMIT_MAX_POINTS: '1000000',
    RATE_LIMIT_RESTORE_RATE: '1000000',
    WEBHOOK_POLL_MS: '0',
    DATABASE_URL: db === 'sqlite' ? `sqlite:${join(dataDir, 'sociodesk.db')}` : `mariadb://root@${host}:${port}/${dbName}`,
    ...extra,
  };
  return {
    env,
    dataDir,
    async cleanup() {
      if (db === 'mariadb') {
        await withSql(env, (sql) => sql.run(`drop database if exists \`${dbName}\``)).catch(() => undefined);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** API process overrides: keep the demo tenants (the first start loads them). */
export const SEEDED = { SEED_DEMO_DATA: 'minimal' };

export interface Sql {
  all<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  run(query: string, params?: unknown[]): Promise<void>;
}

/** Direct SQL on the database of `env` (no migrations, no API), for checks after a crash. */
export async function withSql<T>(env: Record<string, string>, fn: (sql: Sql) => Promise<T>): Promise<T> {
  const orm = await MikroORM.init({ ...ormOptions(loadConfig(env), entities), pool: { min: 0, max: 2 } } as never);
  try {
    const conn = orm.em.getConnection();
    return await fn({
      all: (query, params = []) => conn.execute(query, params as never[], 'all') as never,
      run: async (query, params = []) => void (await conn.execute(query, params as never[], 'run')),
    });
  } finally {
    await orm.close(true);
  }
}

export interface DemoTokens {
  admin: string;
  agent1: string;
  agent2: string;
  customer1: string;
  customer2: string;
  /** The other tenant's admin: must never see the first tenant's data. */
  otherAdmin: string;
}

const LOGIN = 'mutation L($input: LoginInput!) { login(input: $input) { accessToken } }';

export async function demoTokens(url: string): Promise<DemoTokens> {
  const token = async (email: string) =>
    (await gqlOk<{ login: { accessToken: string } }>(url, LOGIN, { input: { email, password: DEMO_PASSWORD } })).login.accessToken;
  const [admin, agent1, agent2, customer1, customer2, otherAdmin] = await Promise.all(
    ['admin', 'agent1', 'agent2', 'customer1', 'customer2'].map((l) => token(`${l}@acme.example`)).concat(token('admin@globex.example')),
  );
  return { admin, agent1, agent2, customer1, customer2, otherAdmin };
}

export async function tenantId(env: Record<string, string>, slug: string): Promise<string> {
  return withSql(env, async (sql) => {
    const [row] = await sql.all<{ id: string }>('select id from tenants where slug = ?', [slug]);
    return row.id;
  });
}

// ---------------------------------------------------------------------------------------------- MariaDB

const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

export interface MariaDbServer {
  host: string;
  port: number;
  /** SIGKILL, as in a crash. */
  kill(): Promise<void>;
  /** Starts the server again on the same data folder and port; resolves when it accepts connections. */
  start(): Promise<void>;
  /** Stops it and deletes its data. */
  destroy(): Promise<void>;
  output(): string;
}

const MARIADBD = process.env.TEST_MARIADBD ?? '/usr/sbin/mariadbd';

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * A private mariadbd on a free port with its own data folder (never the machine's shared
 * server), so a test may kill it. No grant tables: root without a password over TCP.
 */
export async function startMariaDbServer(): Promise<MariaDbServer> {
  const dir = mkdtempSync(join(tmpdir(), 'sociodesk-mariadb-'));
  mkdirSync(join(dir, 'data'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  let output = '';
  const args = [
    '--no-defaults',
    `--datadir=${join(dir, 'data')}`,
    `--socket=${join(dir, 'mariadb.sock')}`,
    `--pid-file=${join(dir, 'mariadb.pid')}`,
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    '--skip-grant-tables',
    '--skip-log-bin',
    '--innodb-buffer-pool-size=64M',
    '--innodb-log-file-size=16M',
    '--innodb-flush-log-at-trx-commit=1',
    '--character-set-server=utf8mb4',
    '--collation-server=utf8mb4_unicode_ci',
    ...(process.getuid?.() === 0 ? ['--user=root'] : []),
  ];
  const start = async () => {
    output = '';
    const c = spawn(MARIADBD, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child = c;
    children.add(c);
    c.stdout!.setEncoding('utf8').on('data', (s: string) => (output += s));
    c.stderr!.setEncoding('utf8').on('data', (s: string) => (output += s));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`mariadbd not ready within 60s:\n${output}`)), 60_000);
      const check = () => {
        if (!/ready for connections/.test(output)) return;
        clearTimeout(timer);
        resolve();
      };
      c.stderr!.on('data', check);
      c.stdout!.on('data', check);
      c.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`mariadbd exited (${code ?? signal}):\n${output}`));
      });
    });
  };
  const kill = async () => {
    if (!child) return;
    child.kill('SIGKILL');
    await exited(child);
    children.delete(child);
    child = undefined;
  };
  // A fresh data folder is only crash-safe after its first clean shutdown (InnoDB writes the
  // system tablespace header then), so initialise it once and start again.
  await start();
  const first = child!;
  first.kill('SIGTERM');
  await exited(first);
  children.delete(first);
  await start();
  return {
    host: '127.0.0.1',
    port,
    kill,
    start,
    async destroy() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
    output: () => output,
  };
}

// ---------------------------------------------------------------------------------------------- requests

export interface Outcome {
  ok: boolean;
  status: number;
  /** extensions.code of the first error, or 'NETWORK' when no HTTP answer came. */
  code?: string;
  ms: number;
  /** When the request was sent (Date.now()). */
  at: number;
  data?: Record<string, any> | null;
}

/** One GraphQL request that never throws: network failures come back as code NETWORK. */
export async function attempt(url: string, query: string, variables: Record<string, unknown>, token?: string, timeoutMs = 30_000): Promise<Outcome> {
  const started = performance.now();
  const at = Date.now();
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    let body: { data?: Record<string, any> | null; errors?: Array<{ extensions?: { code?: string } }> };
    try {
      body = JSON.parse(text);
    } catch {
      return { ok: false, status: response.status, code: 'NOT_JSON', ms, at };
    }
    const code = body.errors?.[0]?.extensions?.code;
    return { ok: response.ok && !body.errors?.length && !!body.data, status: response.status, code, ms, at, data: body.data };
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    return { ok: false, status: 0, code: timedOut ? 'CLIENT_TIMEOUT' : 'NETWORK', ms: performance.now() - started, at };
  }
}

export const CREATE_TICKET = `mutation C($input: CreateTicketInput!) { createTicket(input: $input) { id number } }`;
export const POST_MESSAGE = `mutation P($input: PostMessageInput!) { postMessage(input: $input) { id } }`;

export const ticketInput = (key: string) => ({
  title: `Fault ${key}`,
  description: `Written by ${key}`,
  category: 'TECHNICAL',
  tags: ['fault', key.replace(/[^a-z0-9_-]/gi, '').toLowerCase().slice(0, 30)],
  idempotencyKey: key,
});

/** Reads in a loop until `stop()`: every outcome is kept. */
export async function runReaders(url: () => string, token: string, readers: number, stop: () => boolean, outcomes: Outcome[]): Promise<void> {
  const LIST = 'query L { tickets(first: 10, orderBy: { field: CREATED_AT, direction: DESC }) { totalCount edges { node { id number title } } } }';
  await Promise.all(
    Array.from({ length: readers }, async () => {
      while (!stop()) {
        outcomes.push(await attempt(url(), LIST, {}, token));
        if (!outcomes.at(-1)!.ok) await sleep(20);
      }
    }),
  );
}

export async function readyz(url: string, timeoutMs = 10_000): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  try {
    const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(timeoutMs) });
    await response.text();
    return { status: response.status, ms: performance.now() - started };
  } catch {
    return { status: 0, ms: performance.now() - started };
  }
}
