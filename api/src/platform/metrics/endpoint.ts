import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { Request, Response } from 'express';
import type { MetricsConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { registry } from './metrics.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether the request carries `Authorization: Bearer <token>` (compared in constant time). */
function authorized(header: string | undefined, token: string): boolean {
  const presented = /^Bearer (.+)$/i.exec(header ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(presented), digest(token));
}

async function scrape(): Promise<{ status: number; body: string }> {
  try {
    return { status: 200, body: await registry.metrics() };
  } catch {
    return { status: 500, body: 'metrics collection failed\n' };
  }
}

/**
 * GET /metrics on the API port: open in development and test; with METRICS_TOKEN, only with
 * that bearer token; in production without a token, not served here at all (use METRICS_PORT).
 */
export function metricsRoute(config: MetricsConfig) {
  return async (req: Request, res: Response): Promise<void> => {
    if (config.token && !authorized(req.header('authorization'), config.token)) {
      res.status(401).set('www-authenticate', 'Bearer').type('text/plain').send('unauthorized\n');
      return;
    }
    const { status, body } = await scrape();
    res.status(status).type(registry.contentType).send(body);
  };
}

/** A separate listener for scrapers (METRICS_PORT), on METRICS_HOST: /metrics only. */
export async function startMetricsServer(config: MetricsConfig, logger: Logger): Promise<Server | undefined> {
  if (config.port === undefined) return undefined;
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    if (config.token && !authorized(req.headers.authorization, config.token)) {
      res.writeHead(401, { 'www-authenticate': 'Bearer' }).end('unauthorized\n');
      return;
    }
    void scrape().then(({ status, body }) => res.writeHead(status, { 'content-type': registry.contentType }).end(body));
  });
  await new Promise<void>((ok) => server.listen(config.port, config.host, ok));
  logger.info({ port: (server.address() as { port: number }).port, host: config.host }, 'metrics listening');
  return server;
}
