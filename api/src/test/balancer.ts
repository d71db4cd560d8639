import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/**
 * A small round-robin reverse proxy for tests, like the one in front of a deployment: no
 * sticky sessions, HTTP and WebSocket upgrades alike. An upstream that refuses the
 * connection is skipped (the next one is tried), as nginx's `proxy_next_upstream error` does.
 */
export class Balancer {
  private server!: Server;
  private next = 0;
  url = '';
  /** Which upstream each WebSocket went to, by the order of the upgrades. */
  readonly upgrades: string[] = [];
  readonly failures: string[] = [];

  constructor(readonly upstreams: string[]) {}

  private pick(): string[] {
    const start = this.next++ % this.upstreams.length;
    return [...this.upstreams.slice(start), ...this.upstreams.slice(0, start)];
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const order = this.pick();
        const attempt = (i: number): void => {
          if (i >= order.length) {
            this.failures.push(`${req.method} ${req.url}: no upstream`);
            res.writeHead(502).end('no upstream');
            return;
          }
          const target = new URL(order[i]);
          const upstream = request(
            { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, connection: 'close' }, agent: false },
            (answer: IncomingMessage) => {
              res.writeHead(answer.statusCode ?? 502, answer.headers);
              answer.pipe(res);
            },
          );
          upstream.on('error', (err: NodeJS.ErrnoException) => {
            // Refused: the instance is not listening (stopping or not started): try the next one.
            if (err.code === 'ECONNREFUSED' && !res.headersSent) return attempt(i + 1);
            this.failures.push(`${req.method} ${req.url}: ${err.code ?? err.message}`);
            if (!res.headersSent) res.writeHead(502).end('upstream failed');
            else res.destroy();
          });
          upstream.end(body);
        };
        attempt(0);
      });
    });
    this.server.on('upgrade', (req: IncomingMessage, client: Socket, head: Buffer) => {
      const order = this.pick();
      const attempt = (i: number): void => {
        if (i >= order.length) return void client.destroy();
        const target = new URL(order[i]);
        const upstream = connect(Number(target.port), target.hostname);
        upstream.once('error', (err: NodeJS.ErrnoException) => {
          if (err.code === 'ECONNREFUSED') return attempt(i + 1);
          client.destroy();
        });
        upstream.once('connect', () => {
          this.upgrades.push(order[i]);
          const headers = Object.entries(req.headers).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => `${k}: ${x}`) : [`${k}: ${v}`]));
          upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`);
          if (head.length) upstream.write(head);
          upstream.pipe(client);
          client.pipe(upstream);
          upstream.on('error', () => client.destroy());
          client.on('error', () => upstream.destroy());
          upstream.on('close', () => client.destroy());
          client.on('close', () => upstream.destroy());
        });
      };
      attempt(0);
    });
    await new Promise<void>((ok) => this.server.listen(0, '127.0.0.1', ok));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((ok) => this.server.close(() => ok()));
  }
}
