/**
 * One request in isolation (S5's refusal by cost unless told otherwise): starts the API in
 * production mode in this process (a temporary SQLite database, or a copy of the benchmark's
 * with FIXTURE=), sends 500 of them one after another, and prints the server time per request
 * (the request log's clock, from the HTTP duration histogram), the round trip, the process's
 * CPU per request and, with a CPU profile (unless PROFILE=0), the functions that took the time:
 *   cd api && PROFILE=0 LL=silent node --import @swc-node/register/esm-register bench/refusal-profile.ts
 * QUERY= and STATUS= pick another request, TICKET_PAGE=1 the S1 ticket page, STACKS=<function>
 * the call paths into one function, INCL=<function,…> more functions to time inclusively.
 */
import 'reflect-metadata';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import { createTestTenant, login, tokenFor } from '../src/test/tenants.js';
import { BENCH_PASSWORD, type FixtureTenant } from './fixture.js';
import { TICKET } from './scenarios.js';

/** Frames are printed relative to the project root (file URL of the repository). */
const PROJECT_ROOT = new URL('../../', import.meta.url).href;

const dir = mkdtempSync(join(tmpdir(), 's5-'));
// FIXTURE=<bench fixture .db>: profile on a copy of the benchmark's generated database
// (its first tenant's admin, and with TICKET_PAGE=1 its long ticket).
const fixture = process.env.FIXTURE;
if (fixture) copyFileSync(fixture, join(dir, 'db.sqlite'));
const app = await buildApp(loadConfig({
  NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
  JWT_SECRET: 'x'.repeat(40), LOG_LEVEL: process.env.LL ?? 'info', EXPOSE_QUERY_STATS: 'true', RATE_LIMIT_MAX_POINTS: '100000000', RATE_LIMIT_RESTORE_RATE: '100000000',
  REDIS_URL: '', CORS_ORIGINS: 'http://127.0.0.1', SEED_DEMO_DATA: 'false', SQLITE_READERS: process.env.SQLITE_READERS ?? '1', CLIENT_DIST: join(dir, 'none'),
}));
const fixtureTenant = fixture ? (JSON.parse(readFileSync(`${fixture}.json`, 'utf8')) as FixtureTenant[])[0] : undefined;
const t = fixtureTenant ? undefined : await createTestTenant(app, 's5');
const token = fixtureTenant ? (await login(app.url, fixtureTenant.adminEmail, fixtureTenant.slug, BENCH_PASSWORD)).accessToken : await tokenFor(app.url, t!.admin);
// QUERY and STATUS pick another request to profile, e.g. QUERY='{ __typename }' STATUS=200 (S2).
const query: string = process.env.QUERY ?? '{ tickets(first: 100) { edges { node { messages(first: 100) { edges { node { id body attachments { id } } } } } } } }';
const status = process.env.STATUS ?? '400';
const post = async (q: string, variables?: object) => {
  const r = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: q, variables }) });
  return r.json() as Promise<{ data?: any }>;
};
// TICKET_PAGE=1: the S1 ticket page (one ticket with 50 messages) instead of QUERY.
let variables: object | undefined;
if (process.env.TICKET_PAGE === '1' && fixtureTenant) variables = { id: fixtureTenant.longTicketId };
else if (process.env.TICKET_PAGE === '1') {
  const created = await post('mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }', { input: { title: 'Profiled', description: 'First message', category: 'TECHNICAL', customerId: t!.customer1.id } });
  const ticketId = created.data.createTicket.id as string;
  for (let i = 0; i < 49; i++) await post('mutation($input: PostMessageInput!) { postMessage(input: $input) { id } }', { input: { ticketId, body: `Reply ${i} with a few words of text in it` } });
  variables = { id: ticketId };
}
const once = () => post(process.env.TICKET_PAGE === '1' ? TICKET : query, variables);
{ const first = await once() as { data?: unknown; extensions?: unknown }; console.error(JSON.stringify(first.data).slice(0, 300), JSON.stringify(first.extensions)); }
for (let i = 0; i < 200; i++) await once();
const { Session } = await import('node:inspector/promises');
const session = new Session(); session.connect();
await session.post('Profiler.enable');
if (process.env.PROFILE !== '0') await session.post('Profiler.start');
const { httpRequestDuration } = await import('../src/platform/metrics/metrics.js');
const served = async () => {
  const v = (await httpRequestDuration.get()).values.filter((x) => x.labels.route === '/graphql' && x.labels.status === status);
  return { sum: v.find((x) => x.metricName?.endsWith('_sum'))?.value ?? 0, count: v.find((x) => x.metricName?.endsWith('_count'))?.value ?? 0 };
};
const before = await served();
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const N = 500;
for (let i = 0; i < N; i++) await once();
const per = (performance.now() - t0) / N;
const cpu = process.cpuUsage(cpu0);
const after = await served();
console.error(`round trip per request: ${per.toFixed(2)} ms; CPU of this process (server and client) ${((cpu.user + cpu.system) / 1000 / N).toFixed(2)} ms; server time (request log clock) ${(((after.sum - before.sum) / (after.count - before.count)) * 1000).toFixed(3)} ms over ${after.count - before.count} requests`);
if (process.env.PROFILE === '0') process.exit(0);
const { profile } = await session.post('Profiler.stop');
// self time by function
const self = new Map<string, number>();
const dt = profile.timeDeltas!; const samples = profile.samples!;
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
for (let i = 0; i < samples.length; i++) {
  const n: any = byId.get(samples[i]);
  const where = String(n.callFrame.url).split('/node_modules/').pop()?.replace(PROJECT_ROOT, '');
  const k = `${n.callFrame.functionName || '(anon)'} ${where}:${n.callFrame.lineNumber}`;
  self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0));
}
// inclusive time of selected functions
const parents = new Map<number, number>();
for (const n of profile.nodes as any[]) for (const c of n.children ?? []) parents.set(c, n.id);
const incl = new Map<string, number>();
const watch = [...(process.env.INCL?.split(',') ?? []), 'getComplexity', 'validate', 'price', 'parse', 'authMiddleware', 'context', 'processGraphQLRequest', 'formatError', 'requestLog', 'runHttpQuery', 'jsonParser', 'fork', 'verify', 'executeHTTPGraphQLRequest', 'didResolveOperation', 'willSendResponse', 'writeHead', 'corsMiddleware', 'admit'];
for (let i = 0; i < samples.length; i++) {
  const seen = new Set<string>();
  for (let id: number | undefined = samples[i]; id !== undefined; id = parents.get(id)) {
    const fn = (byId.get(id) as any).callFrame.functionName;
    if (watch.includes(fn) && !seen.has(fn)) { seen.add(fn); incl.set(fn, (incl.get(fn) ?? 0) + (dt[i] ?? 0)); }
  }
}
for (const [k, v] of [...incl.entries()].sort((a, b) => b[1] - a[1])) console.error(`incl ${(v / 1000 / N).toFixed(3)} ms/req ${k}`);
// STACKS=<function name>: the call paths that led to it, by time.
if (process.env.STACKS) {
  const paths = new Map<string, number>();
  for (let i = 0; i < samples.length; i++) {
    const n: any = byId.get(samples[i]);
    if (n.callFrame.functionName !== process.env.STACKS) continue;
    const names: string[] = [];
    for (let id: number | undefined = parents.get(samples[i]); id !== undefined && names.length < 12; id = parents.get(id)) {
      const f = (byId.get(id) as any).callFrame;
      names.push(`${f.functionName || '(anon)'}@${String(f.url).split('/').slice(-2).join('/')}:${f.lineNumber}`);
    }
    const k = names.join(' < ');
    paths.set(k, (paths.get(k) ?? 0) + (dt[i] ?? 0));
  }
  for (const [k, v] of [...paths.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6)) console.error(`${(v / 1000).toFixed(0).padStart(6)} ms ${k}`);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
// Self time by package (node_modules/<package>, the project's own files, or the runtime).
const byPackage = new Map<string, number>();
for (let i = 0; i < samples.length; i++) {
  const url = String((byId.get(samples[i]) as any).callFrame.url);
  const pkg = url.includes('/node_modules/') ? url.split('/node_modules/').pop()!.split('/').slice(0, url.split('/node_modules/').pop()!.startsWith('@') ? 2 : 1).join('/') : url.startsWith(PROJECT_ROOT) ? 'sociodesk' : url ? 'node' : '(native)';
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + (dt[i] ?? 0));
}
for (const [k, v] of [...byPackage.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.error(`pkg ${(v / 1000 / N).toFixed(3)} ms/req ${(100 * v / total).toFixed(1).padStart(5)}% ${k}`);
for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 35)) console.error(`${(v / 1000).toFixed(0).padStart(6)} ms ${(100 * v / total).toFixed(1).padStart(5)}% ${k}`);
await app.close();
process.exit(0);
