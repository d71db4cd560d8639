import type { MikroORM } from '@mikro-orm/core';
import { Router } from 'express';

/** /readyz answers within this time even when the database hangs. */
const READY_CHECK_TIMEOUT_MS = 2000;

export function healthRouter(orm: MikroORM): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
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
