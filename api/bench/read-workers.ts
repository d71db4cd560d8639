/**
 * SQLite read workers on and off: the compiled API on a copy of the benchmark's fixture, once with
 * SQLITE_READERS=0 and once with 1, in alternating rounds, not pinned to a core (as deployed).
 * Two connections send a SQL-heavy read (a text search over a tenant's 20,000 tickets) while
 * one sends a light one (`me`) at 20/s; prints both sides' throughput and latency, medians.
 *   npm run build -w api && cd api && FIXTURE=<bench fixture .db> node --import @swc-node/register/esm-register bench/read-workers.ts
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { BENCH_PASSWORD, type FixtureTenant } from './fixture.js';
import { bearer, freePort, gql, load, median, startProcess, waitFor, type LoadResult } from './lib.js';

const fixture = process.env.FIXTURE;
if (!fixture) throw new Error('FIXTURE=<the benchmark fixture .db> is required (npm run bench generates it)');
const tenant = (JSON.parse(readFileSync(`${fixture}.json`, 'utf8')) as FixtureTenant[])[0]!;
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const HEAVY = JSON.stringify({ query: '{ tickets(first: 50, filter: { text: "no such words" }) { totalCount edges { node { id } } } }' });
const LIGHT = JSON.stringify({ query: '{ me { user { id name } } }' });

async function round(readers: string): Promise<{ heavy: LoadResult; light: LoadResult }> {
  const dir = mkdtempSync(join(tmpdir(), 'read-workers-'));
  copyFileSync(fixture!, join(dir, 'db.sqlite'));
  const port = await freePort();
  const env = {
    NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`, DATA_DIR: dir,
    JWT_SECRET: randomBytes(32).toString('base64url'), LOG_LEVEL: 'warn', RATE_LIMIT_MAX_POINTS: '100000000', RATE_LIMIT_RESTORE_RATE: '100000000',
    REDIS_URL: '', CORS_ORIGINS: 'http://127.0.0.1', SQLITE_READERS: readers,
  };
  const child = startProcess(process.execPath, ['api/dist/main.js'], env, join(dir, 'api.log'), join(process.cwd(), '..'));
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitFor(`${url}/readyz`, 120_000, child);
    const login = await gql(url, 'mutation L($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { accessToken } }', { e: tenant.adminEmail, p: BENCH_PASSWORD });
    const headers = bearer(login.data.login.accessToken);
    const ok = (b: string) => b.startsWith('{"data"');
    const [heavy, light] = await Promise.all([
      load({ url: `${url}/graphql`, bodies: HEAVY, headers, connections: 2, durationSeconds: 10, verify: ok }),
      load({ url: `${url}/graphql`, bodies: LIGHT, headers, connections: 1, durationSeconds: 10, overallRate: 20, verify: ok }),
    ]);
    return { heavy, light };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

const runs: Record<string, Array<{ heavy: LoadResult; light: LoadResult }>> = { '0': [], '1': [] };
for (let r = 0; r < ROUNDS; r++) for (const readers of ['0', '1']) runs[readers]!.push(await round(readers));
for (const [readers, rs] of Object.entries(runs)) {
  const m = (f: (x: { heavy: LoadResult; light: LoadResult }) => number) => median(rs.map(f)).toFixed(0);
  console.log(`SQLITE_READERS=${readers}: text search ${m((x) => x.heavy.rps)} req/s (p50 ${m((x) => x.heavy.p50)} ms); me at 20/s p50 ${m((x) => x.light.p50)} ms, p99 ${m((x) => x.light.p99)} ms`);
}
process.exit(0);
