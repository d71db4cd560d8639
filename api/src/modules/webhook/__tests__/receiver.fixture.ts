import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/**
 * A webhook receiver on 127.0.0.1 (port 0): records every request, and answers each path
 * with the next status of its script (the last one repeats; 200 by default).
 */
export class Receiver {
  readonly requests: ReceivedRequest[] = [];
  private readonly scripts = new Map<string, number[]>();
  private server!: Server;
  url = '';
  delayMs = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        this.requests.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
        const script = this.scripts.get(path) ?? [];
        const status = script.length > 1 ? script.shift()! : (script[0] ?? 200);
        setTimeout(() => res.writeHead(status, { 'content-type': 'text/plain' }).end(String(status)), this.delayMs);
      });
    });
    await new Promise<void>((ok) => this.server.listen(0, '127.0.0.1', ok));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Statuses to answer on `path`, in order; the last one repeats. */
  respond(path: string, ...statuses: number[]): void {
    this.scripts.set(path, statuses);
  }

  on(path: string): ReceivedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  async waitFor(path: string, count: number, timeoutMs = 10_000): Promise<ReceivedRequest[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.on(path).length < count) {
      if (Date.now() > deadline) throw new Error(`Expected ${count} requests on ${path}, got ${this.on(path).length}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return this.on(path);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((ok) => this.server.close(() => ok()));
  }
}

export const CREATE_ENDPOINT = /* GraphQL */ `
  mutation CreateEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) { secret endpoint { id url eventTypes enabled } }
  }
`;
export const ENDPOINTS = /* GraphQL */ `query { webhookEndpoints { id url enabled disabledAt disabledReason failingSince } }`;
export const DELIVERIES = /* GraphQL */ `
  query Deliveries($endpointId: ID, $status: WebhookDeliveryStatus, $first: Int, $after: String) {
    webhookDeliveries(endpointId: $endpointId, status: $status, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id eventId eventSeq eventType status attempts nextAttemptAt lastAttemptAt responseStatus latencyMs error deliveredAt } }
    }
  }
`;
export const REDELIVER = /* GraphQL */ `mutation R($id: ID!) { redeliverWebhook(deliveryId: $id) { id status attempts } }`;
export const ENABLE = /* GraphQL */ `mutation E($id: ID!) { enableWebhookEndpoint(id: $id) { id enabled disabledReason } }`;
export const DELETE_ENDPOINT = /* GraphQL */ `mutation D($id: ID!) { deleteWebhookEndpoint(id: $id) }`;
