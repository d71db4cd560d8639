/**
 * Fan-out benchmark: `npm run bench:fanout -w api -- [subscribers] [events]`.
 * Starts the real API (SQLite, demo data) in a child process, connects N graphql-ws
 * subscribers to `ticketEvents`, changes a ticket E times and measures the time until
 * every subscriber has the event. Then does the same with a plain `ws` broadcast of the
 * same frame (the floor) and prints both, the ratio and the RSS per connection.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';

const N = Number(process.argv[2] ?? process.env.BENCH_SUBSCRIBERS ?? 5000);
const EVENTS = Number(process.argv[3] ?? process.env.BENCH_EVENTS ?? 40);
const BATCH = 250;

function start(cmd: string[], env: Record<string, string>, ready: RegExp, exe = process.execPath): Promise<{ child: ChildProcess; match: RegExpMatchArray }> {
  return new Promise((resolve, reject) => {
    const child = spawn(exe, cmd, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(ready);
      if (match) resolve({ child, match });
    });
    child.once('exit', (code) => reject(new Error(`child exited early with ${code}:\n${out}`)));
  });
}

const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (ns: bigint) => Number(ns) / 1e6;

async function gql(url: string, query: string, variables: object, token?: string) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: any; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Opens sockets in batches; `onMessage` sees every frame after the handshake. */
async function connectAll(count: number, open: (i: number) => Promise<WebSocket>): Promise<WebSocket[]> {
  const sockets: WebSocket[] = [];
  for (let i = 0; i < count; i += BATCH) {
    sockets.push(...(await Promise.all(Array.from({ length: Math.min(BATCH, count - i) }, (_, j) => open(i + j)))));
  }
  return sockets;
}

async function measure(sockets: WebSocket[], trigger: () => Promise<void> | void, isEvent: (data: string) => boolean): Promise<number> {
  let remaining = sockets.length;
  let done!: () => void;
  const all = new Promise<void>((r) => (done = r));
  const handlers = sockets.map((s) => {
    const h = (data: Buffer) => {
      if (isEvent(String(data)) && --remaining === 0) done();
    };
    s.on('message', h);
    return h;
  });
  const t0 = process.hrtime.bigint();
  await trigger();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${remaining} of ${sockets.length} sockets did not get the event within 60 s`)), 60_000);
  });
  await Promise.race([all, timeout]).finally(() => clearTimeout(timer));
  const elapsed = ms(process.hrtime.bigint() - t0);
  sockets.forEach((s, i) => s.off('message', handlers[i]));
  return elapsed;
}

const SUBSCRIPTION = `subscription Board { ticketEvents { seq type ticket { id number title status priority category version tags assignee { id name } customer { id name } } } }`;

export interface FanoutOptions {
  /** Base URL of a running API, an admin's access token, and a ticket of that tenant to change. */
  url: string;
  adminToken: string;
  ticketId: string;
  /** The API's process id, to read its RSS. */
  pid: number;
  subscribers: number;
  eventsPerRound: number;
  rounds: number;
  /** Pins the floor server to these CPUs (taskset list), like the API. */
  cpus?: string;
}

export interface FanoutResult {
  frameBytes: number;
  /** p50 and p99 of each round, in ms. */
  api: Array<{ p50: number; p99: number }>;
  floor: Array<{ p50: number; p99: number }>;
  apiKbPerConnection: number;
  floorKbPerConnection: number;
}

/**
 * Connects N graphql-ws subscribers to `ticketEvents` on the API and N plain `ws` clients
 * to the floor, then alternates rounds: E title changes on the API (time until every
 * subscriber has the event), E broadcasts of the same frame on the floor.
 */
export async function runFanout(o: FanoutOptions): Promise<FanoutResult> {
  const wsUrl = o.url.replace('http', 'ws') + '/graphql';
  const rssBefore = rssKb(o.pid);
  const subscribe = (i: number) =>
    new Promise<WebSocket>((resolve, reject) => {
      const s = new WebSocket(wsUrl, 'graphql-transport-ws', { perMessageDeflate: false });
      let acked = false;
      s.once('error', reject);
      s.once('close', (code, reason) => {
        if (!acked) reject(new Error(`subscriber ${i} closed before its ack: ${code} ${reason}`));
      });
      s.once('open', () => s.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${o.adminToken}` } })));
      s.on('message', function onAck(data) {
        if (JSON.parse(String(data)).type !== 'connection_ack') return;
        acked = true;
        s.off('message', onAck);
        s.send(JSON.stringify({ id: `s${i}`, type: 'subscribe', payload: { query: SUBSCRIPTION } }));
        resolve(s);
      });
    });
  // A busy machine can miss graphql-ws's connection-init deadline (4408): try such a socket again.
  const subscribeWithRetry = async (i: number): Promise<WebSocket> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await subscribe(i);
      } catch (error) {
        if (attempt >= 5) throw error;
      }
    }
  };
  const subscribers = await connectAll(o.subscribers, subscribeWithRetry);
  await new Promise((r) => setTimeout(r, 1000));
  const rssAfter = rssKb(o.pid);

  const floorCmd = ['--import', '@swc-node/register/esm-register', new URL('./ws-floor.ts', import.meta.url).pathname];
  const floor = await start(o.cpus ? ['-c', o.cpus, process.execPath, ...floorCmd] : floorCmd, { SWC_NODE_PROJECT: new URL('../tsconfig.json', import.meta.url).pathname }, /floor listening on (\d+)/, o.cpus ? 'taskset' : undefined);
  const floorUrl = `ws://127.0.0.1:${floor.match[1]}`;
  const floorRssBefore = rssKb(floor.child.pid!);
  const open = () => new Promise<WebSocket>((resolve, reject) => {
    const s = new WebSocket(floorUrl, { perMessageDeflate: false });
    s.once('open', () => resolve(s));
    s.once('error', reject);
  });
  const floorClients = await connectAll(o.subscribers, open);
  const control = await open();
  await new Promise((r) => setTimeout(r, 1000));
  const floorRssAfter = rssKb(floor.child.pid!);

  let frame = '';
  let revision = 0;
  const apiEvent = () =>
    measure(
      subscribers,
      async () => {
        // A title change: a plain field update, so the figure is about delivery, not SLA recomputation.
        await gql(o.url, `mutation T($id: ID!, $t: String!) { updateTicket(id: $id, input: { title: $t }) { id } }`, { id: o.ticketId, t: `Fan-out benchmark, revision ${++revision}` }, o.adminToken);
      },
      (data) => {
        if (!data.includes('"next"')) return false;
        frame ||= data;
        return true;
      },
    );
  const result: FanoutResult = { frameBytes: 0, api: [], floor: [], apiKbPerConnection: (rssAfter - rssBefore) / o.subscribers, floorKbPerConnection: (floorRssAfter - floorRssBefore) / o.subscribers };
  try {
    for (let w = 0; w < 3; w++) await apiEvent(); // the first events warm up caches and JIT
    for (let w = 0; w < 3; w++) await measure(floorClients, () => control.send(`broadcast:${frame}`), () => true);
    for (let r = 0; r < o.rounds; r++) {
      const apiTimes: number[] = [];
      for (let e = 0; e < o.eventsPerRound; e++) apiTimes.push(await apiEvent());
      const floorTimes: number[] = [];
      for (let e = 0; e < o.eventsPerRound; e++) floorTimes.push(await measure(floorClients, () => control.send(`broadcast:${frame}`), () => true));
      result.api.push({ p50: pct(apiTimes, 50), p99: pct(apiTimes, 99) });
      result.floor.push({ p50: pct(floorTimes, 50), p99: pct(floorTimes, 99) });
    }
  } finally {
    subscribers.forEach((s) => s.terminate());
    floorClients.forEach((s) => s.terminate());
    control.terminate();
    floor.child.kill('SIGTERM');
  }
  result.frameBytes = frame.length;
  return result;
}

/** Stand-alone: starts the API (SQLite, demo data, development build) and prints the comparison. */
async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'sociodesk-bench-'));
  const api = await start(
    ['--import', '@swc-node/register/esm-register', 'src/main.ts'],
    { SWC_NODE_PROJECT: 'tsconfig.json', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'test', SEED_DEMO_DATA: 'true', CLIENT_DIST: join(dataDir, 'none') },
    /Sociodesk is running: (http:\/\/127\.0\.0\.1:\d+)/,
  );
  const url = api.match[1];
  try {
    const admin = (await gql(url, `mutation { login(input: { email: "admin@acme.example", password: "sociodesk-demo" }) { accessToken } }`, {})).login.accessToken;
    const customer = (await gql(url, `mutation { login(input: { email: "customer1@acme.example", password: "sociodesk-demo" }) { accessToken } }`, {})).login.accessToken;
    const ticket = (await gql(url, `mutation { createTicket(input: { title: "Benchmark ticket", description: "fan-out", category: TECHNICAL }) { id } }`, {}, customer)).createTicket;
    const r = await runFanout({ url, adminToken: admin, ticketId: ticket.id, pid: api.child.pid!, subscribers: N, eventsPerRound: EVENTS, rounds: 1 });
    const row = (label: string, t: { p50: number; p99: number }, perConnKb: number) =>
      `${label.padEnd(24)} p50 ${t.p50.toFixed(1).padStart(7)} ms   p99 ${t.p99.toFixed(1).padStart(7)} ms   RSS/conn ${perConnKb.toFixed(1).padStart(6)} KB`;
    console.log(`\nfan-out: ${N} subscribers, ${EVENTS} events, frame ${r.frameBytes} bytes, node ${process.version}`);
    console.log(row('sociodesk ticketEvents', r.api[0], r.apiKbPerConnection));
    console.log(row('plain ws broadcast', r.floor[0], r.floorKbPerConnection));
    console.log(`ratio (sociodesk / floor): p50 ${(r.api[0].p50 / r.floor[0].p50).toFixed(2)}x   p99 ${(r.api[0].p99 / r.floor[0].p99).toFixed(2)}x`);
    console.log(`targets: p99 within 1.5x of the floor, at most 20 KB per connection`);
  } finally {
    api.child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
