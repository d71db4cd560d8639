import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_ENDPOINT, Receiver } from '../../../modules/webhook/__tests__/receiver.fixture.js';
import { testDatabases } from '../../../test/databases.js';
import { gql, gqlOk } from '../../../test/graphql.js';
import { startApiProcess, type ApiProcess } from '../../../test/process.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, tokenFor, type TestTenant } from '../../../test/tenants.js';

interface OtlpSpan {
  name: string;
  kind: number;
  traceId: string;
  attributes: Array<{ key: string; value: { stringValue?: string; intValue?: string | number } }>;
}

/** A tiny OTLP/HTTP (JSON) trace receiver: collects every span posted to /v1/traces. */
class OtlpReceiver {
  readonly spans: OtlpSpan[] = [];
  private server!: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.url === '/v1/traces') {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            resourceSpans: Array<{ scopeSpans: Array<{ spans: OtlpSpan[] }> }>;
          };
          for (const r of body.resourceSpans ?? []) for (const s of r.scopeSpans ?? []) this.spans.push(...(s.spans ?? []));
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((ok) => this.server.listen(0, '127.0.0.1', ok));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async waitFor(match: (s: OtlpSpan) => boolean, what: string, timeoutMs = 15_000): Promise<OtlpSpan> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.spans.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no span for ${what}; got: ${[...new Set(this.spans.map((s) => s.name))].join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((ok) => this.server.close(() => ok()));
  }
}

const attr = (s: OtlpSpan, key: string) => {
  const v = s.attributes.find((a) => a.key === key)?.value;
  return v?.stringValue ?? (v?.intValue !== undefined ? String(v.intValue) : undefined);
};

const databases = await testDatabases();

describe.each(databases)('OpenTelemetry tracing on %s (preloaded instrumentation, OTLP/HTTP)', (db) => {
  let owner: TestServer;
  let traced: ApiProcess;
  let otlp: OtlpReceiver;
  let hooks: Receiver;
  let t: TestTenant;

  beforeAll(async () => {
    otlp = await new OtlpReceiver().start();
    hooks = await new Receiver().start();
    // The owner prepares the database; the traced instance is a process started with the preload.
    owner = await startTestServer(db, { WEBHOOK_POLL_MS: '0' });
    t = await createTestTenant(owner.app, 'traces');
    // SQLite serves one process at a time: the owner hands the file over to the traced process.
    if (db === 'sqlite') await owner.app.close();
    traced = await startApiProcess(
      owner.env,
      { OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url, OTEL_BSP_SCHEDULE_DELAY: '200', WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_POLL_MS: '100' },
      120_000,
      ['./src/instrumentation.mjs'],
    );
  }, 180_000);
  afterAll(async () => {
    await traced?.stop();
    if (db === 'sqlite') {
      if (owner?.env.DATA_DIR) rmSync(owner.env.DATA_DIR, { recursive: true, force: true });
    } else await owner?.stop();
    await hooks?.stop();
    await otlp?.stop();
  });

  it('exports spans for the HTTP request (with its request id), the GraphQL operation, SQL and the outbound webhook call', { timeout: 60_000 }, async () => {
    const admin = await tokenFor(traced.url, t.admin);
    await gqlOk(traced.url, CREATE_ENDPOINT, { input: { url: `${hooks.url}/traced`, eventTypes: ['TICKET_UPDATED'] } }, { token: admin });
    const requestId = `trace-test-${Date.now()}`;
    const created = await gql(traced.url, 'mutation TracedCreate($i: CreateTicketInput!) { createTicket(input: $i) { id } }', {
      i: { title: 'Traced', description: 'Follow me', category: 'TECHNICAL', customerId: t.customer1.id },
    }, { token: admin, headers: { 'x-request-id': requestId } });
    expect(created.errors).toBeUndefined();
    await gqlOk(traced.url, 'mutation U($id: ID!) { updateTicket(id: $id, input: { title: "Traced, updated" }) { id } }', { id: created.data!.createTicket.id }, { token: admin });
    await hooks.waitFor('/traced', 1);

    const server = await otlp.waitFor((s) => attr(s, 'sociodesk.request_id') === requestId, 'the HTTP server span with the request id');
    expect(server.kind).toBe(2); // SERVER
    const operation = await otlp.waitFor((s) => s.traceId === server.traceId && s.name.startsWith('graphql.') && /TracedCreate/.test(JSON.stringify(s.attributes)), 'the GraphQL operation');
    expect(operation.name).toMatch(/^graphql\./);
    const sql = await otlp.waitFor((s) => s.traceId === server.traceId && !!(attr(s, 'db.system') ?? attr(s, 'db.system.name')), 'an SQL statement of the request');
    expect(attr(sql, 'db.system') ?? attr(sql, 'db.system.name')).toBeTruthy();
    const port = new URL(hooks.url).port;
    const isPost = (s: OtlpSpan) => (attr(s, 'http.request.method') ?? attr(s, 'http.method')) === 'POST';
    const webhook = await otlp.waitFor((s) => s.kind === 3 && isPost(s) && (attr(s, 'server.port') ?? attr(s, 'net.peer.port')) === port, 'the outbound webhook POST');
    expect(webhook.name).toMatch(/POST/);
    // Each statement of an operation is a span of its own.
    expect(otlp.spans.filter((s) => s.traceId === server.traceId && (attr(s, 'db.system') ?? attr(s, 'db.system.name'))).length).toBeGreaterThanOrEqual(3);
  });
});
