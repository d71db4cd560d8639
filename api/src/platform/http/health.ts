import type { MikroORM } from '@mikro-orm/core';
import { Router } from 'express';

/** How long readiness waits for the database to answer a real query. */
const READY_TIMEOUT_MS = 2000;

/** `/readyz` answers 503 once `draining()` is true (shutting down), so balancers stop sending traffic. */
export function healthRouter(orm: MikroORM, draining: () => boolean = () => false): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Ready only when the database serves a query on a real table in time: a bare `select 1`
  // succeeds on a connection that a locked or wedged database can no longer serve.
  router.get('/readyz', async (_req, res) => {
    if (draining()) {
      res.status(503).json({ status: 'draining' });
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        orm.em.fork().getConnection().execute('select count(*) as n from tenants'),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('readiness query timed out')), READY_TIMEOUT_MS))),
      ]);
      res.json({ status: 'ready', database: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
    } finally {
      clearTimeout(timer);
    }
  });
  return router;
}
