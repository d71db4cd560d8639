/**
 * `npm run bench [-- --quick] [--no-build] [--only=S1,S2]`: builds the API, generates the fixture,
 * starts the compiled API in production mode and the floors, runs S1-S6 and prints one
 * table of medians and ratios. With BENCH_MARIADB_URL (mariadb://root@127.0.0.1:3306/<db>,
 * a database the bench may drop) S1 and S3 also run on MariaDB against a MariaDB floor.
 * The API and the floors share core 0; the load generator runs on core 1.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFanout } from './fanout.js';
import { BENCH_PASSWORD, generateFixture, type FixtureSize, type FixtureTenant, type Target as DbTarget } from './fixture.js';
import { freePort, gql, pinned, startProcess, startWithBanner, waitFor } from './lib.js';
import { s6 } from './recompute.js';
import { report, type Results } from './report.js';
import { s1, s2, s3, s3UnderLoad, s5, type Plan, type Target } from './scenarios.js';

const API_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = resolve(API_DIR, '..');
const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).toUpperCase().split(',');
const runs = (scenario: string) => !only || only.includes(scenario);
const twoCores = cpus().length >= 2;
// BENCH_SERVER_CPUS=<list> pins the servers elsewhere, `all` leaves them on every core (the load stays on core 1).
const SERVER_CPUS = process.env.BENCH_SERVER_CPUS === 'all' ? undefined : (process.env.BENCH_SERVER_CPUS ?? (twoCores ? '0' : undefined));

const size: FixtureSize = quick ? { tenants: 2, ticketsPerTenant: 2000, messagesPerTicket: 10 } : { tenants: 5, ticketsPerTenant: 20_000, messagesPerTicket: 10 };
const plan: Plan = quick ? { rounds: 1, seconds: 2, connections: 8, singleWriterRequests: 30 } : { rounds: 3, seconds: 10, connections: 8, singleWriterRequests: 50 };
const fanoutPlan = quick ? { subscribers: 200, eventsPerRound: 5, rounds: 1 } : { subscribers: 5000, eventsPerRound: 20, rounds: 5 };

const children: ChildProcess[] = [];
const work = mkdtempSync(join(tmpdir(), 'sociodesk-bench-'));
const log = (msg: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);

/** The SQLite fixture is generated once per size and schema, then copied for each run. */
async function sqliteFixture(): Promise<{ path: string; tenants: FixtureTenant[] }> {
  const migrations = readdirSync(join(API_DIR, 'src/platform/db/migrations/sqlite')).sort().join(',');
  const key = createHash('sha256').update(JSON.stringify(size) + migrations + readFileSync(join(API_DIR, 'bench/fixture.ts'), 'utf8')).digest('hex').slice(0, 12);
  const cached = join(tmpdir(), `sociodesk-bench-fixture-${key}.db`);
  if (!existsSync(cached) || !existsSync(`${cached}.json`)) {
    const started = Date.now();
    const tenants = await generateFixture({ kind: 'sqlite', path: `${cached}.tmp` }, size);
    copyFileSync(`${cached}.tmp`, cached);
    rmSync(`${cached}.tmp`, { force: true });
    writeFileSync(`${cached}.json`, JSON.stringify(tenants));
    log(`generated the SQLite fixture in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } else log('reusing the generated SQLite fixture');
  const path = join(work, 'bench.db');
  copyFileSync(cached, path);
  return { path, tenants: JSON.parse(readFileSync(`${cached}.json`, 'utf8')) as FixtureTenant[] };
}

/** Starts the compiled API as `npm run start:prod` does, in production mode. */
async function startApi(databaseUrl: string, name: string) {
  const port = await freePort();
  const logFile = join(work, `${name}.log`);
  const entry = process.env.BENCH_API_ENTRY ?? 'api/dist/main.js';
  const [cmd, argv] = pinned(SERVER_CPUS, process.execPath, ['--enable-source-maps', entry]);
  const started = Date.now();
  const child = startProcess(cmd, argv, {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    DATA_DIR: join(work, `${name}-data`),
    JWT_SECRET: randomBytes(32).toString('base64url'),
    LOG_LEVEL: 'info',
    EXPOSE_QUERY_STATS: 'true',
    // The limiter still runs on every request; the bucket is large enough not to refuse the load.
    RATE_LIMIT_MAX_POINTS: '100000000',
    RATE_LIMIT_RESTORE_RATE: '100000000',
    REDIS_URL: '',
    // Production mode wants the browser origins named; the load generators send none.
    CORS_ORIGINS: 'http://127.0.0.1',
    // A full run lasts longer than the default 15-minute access token.
    ACCESS_TOKEN_TTL_SECONDS: '86400',
    // SQLITE_READERS=<n> compares read-worker settings (unset: the API's default for this machine).
    ...(process.env.SQLITE_READERS ? { SQLITE_READERS: process.env.SQLITE_READERS } : {}),
  }, logFile, ROOT);
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  // A database without report rows (the generated fixture) is swept first: minutes on the full fixture.
  await waitFor(`${url}/readyz`, quick ? 60_000 : 600_000, child);
  const startMs = Date.now() - started;
  return { url, child, logFile, startMs };
}

async function startFloor(db: string): Promise<string> {
  const [cmd, argv] = pinned(SERVER_CPUS, process.execPath, ['--import', '@swc-node/register/esm-register', join(API_DIR, 'bench/floor.ts')]);
  const floor = await startWithBanner(cmd, argv, { BENCH_DB: db, SWC_NODE_PROJECT: join(API_DIR, 'tsconfig.json') }, /floor listening on (\d+)/);
  children.push(floor.child);
  return `http://127.0.0.1:${floor.match[1]}`;
}

async function login(url: string, tenants: FixtureTenant[]): Promise<string[]> {
  const tokens: string[] = [];
  for (const t of tenants) {
    const r = await gql(url, 'mutation L($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { accessToken } }', { e: t.adminEmail, p: BENCH_PASSWORD });
    tokens.push(r.data.login.accessToken);
  }
  return tokens;
}

async function main() {
  const began = Date.now();
  if (twoCores) spawnSync('taskset', ['-p', '-c', '1', String(process.pid)], { stdio: 'ignore' });
  if (!args.has('--no-build')) {
    log('building the API (tsc)');
    const build = spawnSync('npm', ['run', 'build', '-w', 'api'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (build.status !== 0) throw new Error('the API build failed');
  }
  const results: Results = { quick, size, plan, node: process.version, cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown' };

  const fixture = await sqliteFixture();
  log(`starting the API on SQLite (${size.tenants} tenants x ${size.ticketsPerTenant} tickets x ${size.messagesPerTicket} messages)`);
  const api = await startApi(`sqlite:${fixture.path}`, 'api-sqlite');
  results.startMs = api.startMs;
  const firstGraphql = Date.now();
  const tokens = await login(api.url, fixture.tenants);
  results.firstLoginMs = Date.now() - firstGraphql;
  const floor = await startFloor(`sqlite:${fixture.path}`);
  const target: Target = { api: api.url, floor, tokens, tenants: fixture.tenants };

  if (runs('S1')) {
    log('S1: board page and ticket page vs raw SQL');
    results.s1 = await s1(target, plan);
  }
  const partial = () => {
    results.totalSeconds = (Date.now() - began) / 1000;
    console.log(report(results));
  };
  if (runs('S2')) {
    partial();
    log('S2: { __typename } vs graphql-js');
    results.s2 = await s2(target, plan);
  }
  if (runs('S5')) {
    log('S5: a query refused by cost');
    results.s5 = await s5(target, plan, api.logFile);
  }
  if (runs('S3')) {
    partial();
    log('S3: writes');
    results.s3 = await s3(target, plan);
    log('S3: createTicket at 50/s during the board load');
    results.s3UnderLoad = await s3UnderLoad(target, plan);
  }
  if (runs('S6')) {
    partial();
    log('S6: SLA recompute of every active ticket of a tenant, and the board page during it');
    results.s6 = await s6(target, plan, api.logFile, quick ? 120_000 : 1_200_000);
  }
  if (runs('S4')) {
    partial();
    log(`S4: fan-out to ${fanoutPlan.subscribers} subscribers`);
    results.s4 = await runFanout({ url: api.url, adminToken: tokens[0], ticketId: fixture.tenants[0].longTicketId, pid: api.child.pid!, cpus: SERVER_CPUS, ...fanoutPlan });
    results.s4plan = fanoutPlan;
  }
  api.child.kill('SIGTERM');

  // The API and the fixture's ORM use the MariaDB driver (a mysql:// URL on MariaDB is refused); the floor speaks mysql2.
  const mariaUrl = process.env.BENCH_MARIADB_URL?.replace(/^mysql:/, 'mariadb:');
  if (mariaUrl && (runs('S1') || runs('S3'))) {
    log('MariaDB: generating the fixture');
    const started = Date.now();
    const tenants = await generateFixture({ kind: 'mariadb', url: mariaUrl } satisfies DbTarget, size);
    log(`generated the MariaDB fixture in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const mApi = await startApi(mariaUrl, 'api-mariadb');
    const mTarget: Target = { api: mApi.url, floor: await startFloor(mariaUrl.replace(/^mariadb:/, 'mysql:')), tokens: await login(mApi.url, tenants), tenants };
    if (runs('S1')) {
      log('MariaDB S1');
      results.mariadbS1 = await s1(mTarget, plan);
    }
    if (runs('S3')) {
      log('MariaDB S3');
      results.mariadbS3 = await s3(mTarget, plan);
    }
    mApi.child.kill('SIGTERM');
  }
  results.totalSeconds = (Date.now() - began) / 1000;
  console.log(report(results));
}

main()
  .then(() => 0, (error) => {
    console.error(error);
    return 1;
  })
  .then((code) => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
    process.exit(code);
  });
