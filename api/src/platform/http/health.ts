import type { MikroORM } from '@mikro-orm/core';
import { Router } from 'express';

/** /readyz answers within this time even when the database hangs. */
const READY_CHECK_TIMEOUT_MS = 2000;

/** `/readyz` answers 503 once `draining()` is true (shutting down), so balancers stop sending traffic. */
export function healthRouter(orm: MikroORM, draining: () => boolean = () => false): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    if (draining()) {
      res.status(503).json({ status: 'draining' });
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        orm.em.getConnection().execute('select 1'),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('database check timed out')), READY_CHECK_TIMEOUT_MS))),
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
