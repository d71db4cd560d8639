/** Small helpers of the benchmark: processes, GraphQL calls, load runs, statistics. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// autocannon ships no type declarations; only the fields used here are typed.
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;

interface Histogram {
  p50: number;
  p99: number;
  mean: number;
}
interface AutocannonResult {
  requests: Histogram & { average: number };
  latency: Histogram;
  non2xx: number;
  errors: number;
  timeouts: number;
  mismatches: number;
  duration: number;
  '2xx': number;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** `taskset -c <cpus>` when the machine has it and more than one core, else the command itself. */
export function pinned(cpus: string | undefined, cmd: string, args: string[]): [string, string[]] {
  if (cpus && existsSync('/usr/bin/taskset')) return ['/usr/bin/taskset', ['-c', cpus, cmd, ...args]];
  return [cmd, args];
}

/** Starts a process with stdout and stderr going to a log file. */
export function startProcess(cmd: string, args: string[], env: Record<string, string>, logFile: string, cwd?: string): ChildProcess {
  const log = openSync(logFile, 'a');
  return spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', log, log], cwd });
}

/** Starts a process and resolves with the first match of `ready` on its stdout. */
export function startWithBanner(cmd: string, args: string[], env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; match: RegExpMatchArray }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      if (out.length > 10_000) return;
      out += chunk.toString();
      const match = out.match(ready);
      if (match) resolve({ child, match });
    });
    child.once('exit', (code) => reject(new Error(`process exited early with ${code}:\n${out}`)));
  });
}

/** Polls a URL until it answers 200; returns the milliseconds it took. */
export async function waitFor(url: string, timeoutMs: number, child?: ChildProcess): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child && child.exitCode !== null) throw new Error(`process exited with ${child.exitCode} before ${url} answered`);
    try {
      const res = await fetch(url);
      if (res.ok) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export interface GqlBody {
  data?: any;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  extensions?: { sqlStatements?: number; [key: string]: unknown };
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<GqlBody> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return (await res.json()) as GqlBody;
}

export const bearer = (token: string | undefined): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

/** A GraphQL call that must succeed. */
export async function gql(url: string, query: string, variables: object = {}, token?: string): Promise<GqlBody & { data: any }> {
  const body = await post(`${url}/graphql`, { query, variables }, bearer(token));
  if (body.errors?.length || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body as GqlBody & { data: any };
}

/** JSON with object keys sorted, so two results compare by content. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

export interface LoadOptions {
  url: string;
  /** One body per connection (cycled), or one for all. */
  bodies: string[] | string;
  headers?: Array<Record<string, string>> | Record<string, string>;
  connections: number;
  durationSeconds?: number;
  amount?: number;
  /** Requests per second over all connections (paced load); unset: as fast as answers come. */
  overallRate?: number;
  /** Every response body must pass this check; failures count as mismatches. */
  verify: (body: string) => boolean;
  /** Report failed requests instead of failing the run (concurrent writes that may conflict). */
  tolerateFailures?: boolean;
  /** Answers other than 2xx are expected (refusals); the body check still applies. */
  allowNon2xx?: boolean;
  /** A new request body for each request (writes); overrides `bodies`. */
  nextBody?: (connection: number, context: Record<string, unknown>) => string;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  failures: number;
  /** The first body that failed the check. */
  sample?: string;
}

/** One autocannon run. Any non-2xx answer, error, timeout or body mismatch fails the run. */
export async function load(o: LoadOptions): Promise<LoadResult> {
  let clientNo = 0;
  let writer = 0;
  let sample: string | undefined;
  const bodies = Array.isArray(o.bodies) ? o.bodies : [o.bodies];
  const headerSets = Array.isArray(o.headers) ? o.headers : [o.headers ?? {}];
  const result = await autocannon({
    url: o.url,
    method: 'POST',
    connections: o.connections,
    ...(o.amount ? { amount: o.amount } : { duration: o.durationSeconds }),
    ...(o.overallRate ? { overallRate: o.overallRate } : {}),
    timeout: 30,
    headers: { 'content-type': 'application/json' },
    verifyBody: (body: string) => {
      const ok = o.verify(body);
      if (!ok) sample ??= body.slice(0, 400);
      return ok;
    },
    setupClient(client: { setHeaders(h: Record<string, string>): void; setBody(b: string): void }) {
      const n = clientNo++;
      client.setHeaders({ 'content-type': 'application/json', ...headerSets[n % headerSets.length] });
      client.setBody(bodies[n % bodies.length]);
    },
    requests: o.nextBody
      ? [
          {
            setupRequest(request: { body?: string }, context: Record<string, unknown>) {
              context.connection ??= writer++;
              request.body = o.nextBody!(context.connection as number, context);
              return request;
            },
          },
        ]
      : undefined,
  });
  const failures = (o.allowNon2xx ? 0 : result.non2xx) + result.errors + result.timeouts + result.mismatches;
  if (failures > 0 && !o.tolerateFailures) {
    throw new Error(`load run on ${o.url} had ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts, ${result.mismatches} wrong bodies (${sample})`);
  }
  const requests = o.allowNon2xx ? result['2xx'] + result.non2xx : result['2xx'];
  const succeeded = requests - (o.tolerateFailures ? result.mismatches : 0);
  return { rps: succeeded / result.duration, p50: result.latency.p50, p99: result.latency.p99, requests: succeeded, failures, sample };
}
