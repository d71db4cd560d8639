import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';

const API_PATHS = /^\/(graphql|uploads|attachments|healthz|readyz)(\/|$)/;

/** Serves the built web client at `/`, with index.html for client-side routes. */
export function serveClient(app: Express, dist: string | undefined): boolean {
  if (!dist || !existsSync(join(dist, 'index.html'))) return false;
  app.use(express.static(dist, { index: false, maxAge: '1h' }));
  app.get(/.*/, (req, res, next) => {
    if (API_PATHS.test(req.path) || !req.accepts('html')) return next();
    res.sendFile(join(dist, 'index.html'), { headers: { 'Cache-Control': 'no-cache' } });
  });
  return true;
}
