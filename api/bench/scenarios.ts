/**
 * The scenarios of `npm run bench`, each measured against its floor in the same run:
 * S1 reads (board page, ticket page) vs raw SQL, S2 `{ __typename }` vs graphql-js,
 * S3 writes (statements, one writer, eight writers), S5 a query refused by cost.
 */
import { readFileSync } from 'node:fs';
import type { FixtureTenant } from './fixture.js';
import { bearer, canonical, gql, load, median, post, type LoadResult } from './lib.js';

export interface Target {
  /** Base URL of the API, and of its floor. */
  api: string;
  floor: string;
  tokens: string[];
  tenants: FixtureTenant[];
}

export interface Plan {
  rounds: number;
  seconds: number;
  connections: number;
  singleWriterRequests: number;
}

export interface Ratio {
  api: LoadResult;
  floor?: LoadResult;
}

export const BOARD = `query Board($first: Int!) { tickets(first: $first) { totalCount edges { node { id number title status priority tags assignee { id name } customer { id name } lastMessage { id body createdAt author { id name } } messageCount } } } }`;
export const TICKET = `query TicketPage($id: ID!) { ticket(id: $id) { id number title status messages(first: 50) { totalCount edges { node { id body createdAt author { id name } attachments { id filename size } } } } } }`;
const TYPENAME = '{ __typename }';

const medianOf = (runs: LoadResult[]): LoadResult => ({
  rps: median(runs.map((r) => r.rps)),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  requests: runs.reduce((n, r) => n + r.requests, 0),
  failures: runs.reduce((n, r) => n + r.failures, 0),
  sample: runs.find((r) => r.sample)?.sample,
});

/** Runs API and floor in alternating rounds and returns the medians. */
async function alternate(plan: Plan, api: () => Promise<LoadResult>, floor?: () => Promise<LoadResult>): Promise<Ratio> {
  const a: LoadResult[] = [];
  const f: LoadResult[] = [];
  for (let r = 0; r < plan.rounds; r++) {
    a.push(await api());
    if (floor) f.push(await floor());
  }
  return { api: medianOf(a), floor: floor ? medianOf(f) : undefined };
}

/** The API's `data` must equal the floor's, for every tenant: the floors build the same JSON. */
async function sameAnswers(t: Target, query: string, path: string, variables: (tenant: FixtureTenant) => object): Promise<number> {
  let statements = 0;
  for (const [i, tenant] of t.tenants.entries()) {
    const api = await gql(t.api, query, variables(tenant), t.tokens[i]);
    const floor = await post(`${t.floor}${path}`, { variables: variables(tenant) }, { 'x-tenant': tenant.id });
    if (canonical(api.data) !== canonical(floor.data)) {
      throw new Error(`${path}: the API and the floor disagree for ${tenant.slug}:\n${canonical(api.data).slice(0, 600)}\n${canonical(floor.data).slice(0, 600)}`);
    }
    statements = api.extensions?.sqlStatements ?? -1;
  }
  return statements;
}

export async function s1(t: Target, plan: Plan) {
  const boardStatements = await sameAnswers(t, BOARD, '/board', () => ({ first: 50 }));
  const ticketStatements = await sameAnswers(t, TICKET, '/ticket', (tenant) => ({ id: tenant.longTicketId }));
  const apiHeaders = t.tokens.map((token) => bearer(token));
  const floorHeaders = t.tenants.map((tenant) => ({ 'x-tenant': tenant.id }));
  const common = { connections: plan.connections, durationSeconds: plan.seconds };
  const boardBody = JSON.stringify({ query: BOARD, variables: { first: 50 } });
  const board = await alternate(
    plan,
    () => load({ ...common, url: `${t.api}/graphql`, bodies: boardBody, headers: apiHeaders, verify: (b) => b.startsWith('{"data":{"tickets":{"totalCount":') }),
    () => load({ ...common, url: `${t.floor}/board`, bodies: boardBody, headers: floorHeaders, verify: (b) => b.startsWith('{"data":{"tickets":{"totalCount":') }),
  );
  // Connection i reads tenant i's long ticket.
  const ticketBodies = t.tenants.map((tenant) => JSON.stringify({ query: TICKET, variables: { id: tenant.longTicketId } }));
  const ok = (b: string) => b.startsWith('{"data":{"ticket":{"id":') && b.includes('"attachments":[{');
  const ticket = await alternate(
    plan,
    () => load({ ...common, url: `${t.api}/graphql`, bodies: ticketBodies, headers: apiHeaders, verify: ok }),
    () => load({ ...common, url: `${t.floor}/ticket`, bodies: ticketBodies, headers: floorHeaders, verify: ok }),
  );
  return { board, ticket, boardStatements, ticketStatements };
}

export async function s2(t: Target, plan: Plan) {
  const body = JSON.stringify({ query: TYPENAME });
  const ok = (b: string) => b.startsWith('{"data":{"__typename":"Query"}');
  const common = { connections: plan.connections, durationSeconds: plan.seconds, bodies: body, verify: ok };
  const floor = () => load({ ...common, url: `${t.floor}/typename` });
  const authenticated = await alternate(plan, () => load({ ...common, url: `${t.api}/graphql`, headers: t.tokens.map((token) => bearer(token)) }), floor);
  const anonymous = await alternate(plan, () => load({ ...common, url: `${t.api}/graphql` }), floor);
  const framework = await alternate(plan, () => load({ ...common, url: `${t.floor}/apollo` }), floor);
  return { authenticated, anonymous, framework };
}

const CREATE = 'mutation Create($input: CreateTicketInput!) { createTicket(input: $input) { id number } }';
const POST = 'mutation Post($input: PostMessageInput!) { postMessage(input: $input) { id } }';
const STATUS = 'mutation Status($id: ID!, $status: TicketStatus!) { changeTicketStatus(id: $id, status: $status) { id status version } }';

export interface WriteResult {
  statements: number;
  single: LoadResult;
  concurrent: LoadResult;
}

/** Bodies of createTicket calls, each a new numbered ticket for the next of the tenant's customers. */
function createTicketBodies(tenant: FixtureTenant, title: string): () => string {
  let n = 0;
  return () => {
    n++;
    return JSON.stringify({ query: CREATE, variables: { input: { title: `${title} ${n}`, description: 'Written by the benchmark', category: 'TECHNICAL', customerId: tenant.customerIds[n % tenant.customerIds.length] } } });
  };
}

/** S3 in the first tenant: createTicket for a customer, postMessage and changeTicketStatus as its admin. */
export async function s3(t: Target, plan: Plan): Promise<Record<'createTicket' | 'postMessage' | 'changeTicketStatus', WriteResult>> {
  const tenant = t.tenants[0];
  const token = t.tokens[0];
  const headers = bearer(token);
  let n = 0;
  const createBody = createTicketBodies(tenant, 'Bench write');
  const board = await gql(t.api, BOARD, { first: 100 }, token);
  // Closed tickets take no messages.
  const ticketIds: string[] = board.data.tickets.edges.filter((e: { node: { status: string } }) => e.node.status !== 'CLOSED').map((e: { node: { id: string } }) => e.node.id);
  const postBody = () => JSON.stringify({ query: POST, variables: { input: { ticketId: ticketIds[++n % ticketIds.length], body: `Reply ${n} from the benchmark` } } });
  // Status writes move tickets made by the createTicket runs along OPEN -> IN_PROGRESS -> RESOLVED -> IN_PROGRESS...:
  // each request takes a ticket from the queue and its answer puts it back with its new status.
  const queue: Array<{ id: string; status: string }> = [];
  const NEXT: Record<string, string> = { OPEN: 'IN_PROGRESS', IN_PROGRESS: 'RESOLVED', RESOLVED: 'IN_PROGRESS' };
  const statusBody = () => {
    const t = queue.shift();
    if (!t) throw new Error('S3: no ticket left to change');
    return JSON.stringify({ query: STATUS, variables: { id: t.id, status: NEXT[t.status] } });
  };
  const created = (b: string) => {
    const ok = b.startsWith('{"data":{"createTicket":{"id":');
    if (ok) queue.push({ id: JSON.parse(b).data.createTicket.id, status: 'OPEN' });
    return ok;
  };
  const changed = (b: string) => {
    const ok = b.startsWith('{"data":{"changeTicketStatus":{"id":');
    if (ok) queue.push(JSON.parse(b).data.changeTicketStatus);
    return ok;
  };

  const statementsOf = async (body: string) => (await post(`${t.api}/graphql`, JSON.parse(body), headers)).extensions?.sqlStatements ?? -1;
  const cases = {
    createTicket: { next: createBody, ok: created },
    postMessage: { next: postBody, ok: (b: string) => b.startsWith('{"data":{"postMessage":{"id":') },
    changeTicketStatus: { next: statusBody, ok: changed },
  };
  const out = {} as Record<keyof typeof cases, WriteResult>;
  for (const [name, c] of Object.entries(cases) as Array<[keyof typeof cases, (typeof cases)['createTicket'] & { next: (i: number, ctx: Record<string, unknown>) => string }]>) {
    const statements = await statementsOf(c.next(0, {}));
    const base = { url: `${t.api}/graphql`, bodies: '{}', headers, verify: c.ok, nextBody: (i: number, context: Record<string, unknown>) => c.next(i, context) };
    const singles: LoadResult[] = [];
    const concurrents: LoadResult[] = [];
    for (let r = 0; r < plan.rounds; r++) {
      singles.push(await load({ ...base, connections: 1, amount: plan.singleWriterRequests }));
      concurrents.push(await load({ ...base, connections: plan.connections, durationSeconds: plan.seconds, tolerateFailures: true }));
    }
    out[name] = { statements, single: medianOf(singles), concurrent: medianOf(concurrents) };
  }
  return out;
}

/**
 * Writes under read load: createTicket paced at 50 writes/s (4 connections) while 8
 * connections read the S1 board page, both for the plan's duration, medians of its rounds.
 */
export async function s3UnderLoad(t: Target, plan: Plan): Promise<{ writes: LoadResult; board: LoadResult; rate: number }> {
  const tenant = t.tenants[0];
  const headers = bearer(t.tokens[0]);
  const createBody = createTicketBodies(tenant, 'Bench write under load');
  const boardBody = JSON.stringify({ query: BOARD, variables: { first: 50 } });
  const rate = 50;
  const writes: LoadResult[] = [];
  const boards: LoadResult[] = [];
  for (let r = 0; r < plan.rounds; r++) {
    const [w, b] = await Promise.all([
      load({ url: `${t.api}/graphql`, bodies: '{}', headers, connections: 4, durationSeconds: plan.seconds, overallRate: rate, nextBody: createBody, verify: (body) => body.startsWith('{"data":{"createTicket":{"id":') }),
      load({ url: `${t.api}/graphql`, bodies: boardBody, headers: t.tokens.map((token) => bearer(token)), connections: plan.connections, durationSeconds: plan.seconds, verify: (body) => body.startsWith('{"data":{"tickets":{"totalCount":') }),
    ]);
    writes.push(w);
    boards.push(b);
  }
  return { writes: medianOf(writes), board: medianOf(boards), rate };
}

/** S5: a query over the cost limit answers BAD_USER_INPUT with no SQL; server time from the request log. */
export async function s5(t: Target, plan: Plan, apiLog: string) {
  const query = '{ tickets(first: 100) { edges { node { messages(first: 100) { edges { node { id body attachments { id } } } } } } } }';
  const first = await post(`${t.api}/graphql`, { query }, bearer(t.tokens[0]));
  const refused = first.errors?.[0];
  if (!refused || !/cost/i.test(refused.message) || first.data) throw new Error(`S5: expected a refusal by cost, got ${JSON.stringify(first).slice(0, 300)}`);
  const statements = first.extensions?.sqlStatements ?? -1;
  const logBefore = readFileSync(apiLog, 'utf8').length;
  const run = await load({
    url: `${t.api}/graphql`,
    bodies: JSON.stringify({ query }),
    headers: bearer(t.tokens[0]),
    connections: 1,
    amount: plan.singleWriterRequests * 2,
    allowNon2xx: true,
    verify: (b) => b.includes('"code":"BAD_USER_INPUT"') && b.includes('exceeds the maximum'),
  });
  // The request log line carries the server-side time of each request.
  const serverMs = readFileSync(apiLog, 'utf8')
    .slice(logBefore)
    .split('\n')
    .filter((l) => l.includes('"msg":"request"') && l.includes('"status":400'))
    .map((l) => Number(/"ms":([\d.]+)/.exec(l)?.[1]))
    .filter((v) => Number.isFinite(v));
  return { statements, code: refused.extensions?.code, clientP50: run.p50, serverP50: serverMs.length ? median(serverMs) : NaN, samples: serverMs.length };
}
