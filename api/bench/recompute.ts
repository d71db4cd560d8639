/**
 * S6: a policy change over every active ticket of a tenant (20,000 tickets in the full
 * fixture), recomputed in the background in batches. Measures the board page (S1) without
 * and during the recompute, the longest batch transaction and the whole recompute's time
 * (from the API's "SLA recompute done" log line).
 */
import { readFileSync } from 'node:fs';
import { bearer, gql, load, type LoadResult } from './lib.js';
import { BOARD, type Plan, type Target } from './scenarios.js';

const CATEGORIES = ['BILLING', 'TECHNICAL', 'ACCOUNT', 'SERVICE'];
const SET = 'mutation S($i: SlaPolicyInput!) { setSlaPolicy(input: $i) { id } }';
const ACTIVE = 'query A { tickets(first: 1, filter: { status: [OPEN, IN_PROGRESS, RESOLVED] }) { totalCount } }';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RecomputeResult {
  activeTickets: number;
  /** Statements and server-side answer of the policy write itself. */
  writeStatements: number;
  writeMs: number;
  without: LoadResult;
  during: LoadResult;
  /** Whether the recompute was still running when the "during" window ended. */
  overlapped: boolean;
  done?: { tickets: number; changed: number; batches: number; maxBatchMs: number; totalMs: number };
}

interface DoneLine {
  time: string;
  tenantId: string;
  tickets: number;
  changed: number;
  batches: number;
  maxBatchMs: number;
  totalMs: number;
}

function doneLines(apiLog: string, from: number): DoneLine[] {
  return readFileSync(apiLog, 'utf8')
    .slice(from)
    .split('\n')
    .filter((l) => l.includes('"msg":"SLA recompute done"'))
    .map((l) => JSON.parse(l) as DoneLine);
}

export async function s6(t: Target, plan: Plan, apiLog: string, timeoutMs: number): Promise<RecomputeResult> {
  const tenant = t.tenants[0];
  const token = t.tokens[0];
  const activeTickets = (await gql(t.api, ACTIVE, {}, token)).data.tickets.totalCount as number;
  const board = { url: `${t.api}/graphql`, bodies: JSON.stringify({ query: BOARD, variables: { first: 50 } }), headers: t.tokens.map((x) => bearer(x)) };
  const common = { ...board, connections: plan.connections, durationSeconds: plan.seconds, verify: (b: string) => b.startsWith('{"data":{"tickets":{"totalCount":') };
  const without = await load(common);

  const logFrom = readFileSync(apiLog, 'utf8').length;
  // One policy per category, written back to back: the first starts the recompute, the others widen it to every category.
  const began = performance.now();
  let writeStatements = 0;
  for (const category of CATEGORIES) {
    const r = await gql(t.api, SET, { i: { category, firstResponseMinutes: 45, resolutionMinutes: 600, businessHours: false } }, token);
    if (r.errors) throw new Error(`S6: setSlaPolicy failed: ${JSON.stringify(r.errors)}`);
    writeStatements = Math.max(writeStatements, r.extensions?.sqlStatements ?? -1);
  }
  const writeMs = (performance.now() - began) / CATEGORIES.length;
  const lastWrite = new Date().toISOString();
  const during = await load(common);
  const mine = () => doneLines(apiLog, logFrom).filter((d) => d.tenantId === tenant.id);
  const overlapped = mine().length === 0;
  // Done once a job ends after the last write (a small fixture may finish one category before the next write).
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !mine().some((d) => d.time >= lastWrite)) await sleep(500);
  const lines = mine();
  const done = lines.length
    ? {
        tickets: lines.reduce((n, d) => n + d.tickets, 0),
        changed: lines.reduce((n, d) => n + d.changed, 0),
        batches: lines.reduce((n, d) => n + d.batches, 0),
        maxBatchMs: Math.max(...lines.map((d) => d.maxBatchMs)),
        totalMs: lines.reduce((n, d) => n + d.totalMs, 0),
      }
    : undefined;
  return { activeTickets, writeStatements, writeMs, without, during, overlapped, done };
}
