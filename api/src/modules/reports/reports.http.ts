import type { MikroORM } from '@mikro-orm/core';
import { Router, type Request, type Response } from 'express';
import { hasScope, Role, type Principal } from '../../platform/auth/principal.js';
import { can, Permission } from '../../platform/auth/permissions.js';
import { Scope } from '../../platform/auth/scopes.js';
import { scopeForPrincipal } from '../../platform/db/scope.js';
import { AppError } from '../../platform/errors.js';
import { requestScope, type Logger } from '../../platform/logger.js';
import {
  AGENT_COLUMNS, csvLine, EXPORT_DATASETS, EXPORT_FORMATS, exportCount, exportRows, METRICS_COLUMNS, ndjsonLine, TICKET_COLUMNS,
  type ExportDataset, type ExportFormat,
} from './reports.export.js';
import { checkRange, type ReportsService } from './reports.service.js';

function fail(res: Response, status: number, code: string, message: string, fields?: Record<string, string[]>) {
  res.status(status).json({ errors: [{ message, extensions: { code, fields, requestId: requestScope.getStore()?.requestId } }] });
}

const date = (v: unknown) => (typeof v === 'string' && v ? new Date(v) : new Date(NaN));

/**
 * GET /reports/export?dataset=tickets|metrics|agents&format=csv|ndjson&from=…&to=…
 * For members holding reports.export (admins) and API keys with reports:read (the same Authorization header as /graphql).
 * Rows are streamed from the database in batches with back-pressure; `X-Total-Count` says
 * how many rows are coming, so a client can show progress. A closed connection stops it.
 */
export function reportRoutes(orm: MikroORM, reports: ReportsService, logger: Logger): Router {
  const router = Router();
  router.get('/export', (req: Request, res: Response) => {
    const principal: Principal | null = res.locals.principal ?? null;
    if (!principal) return fail(res, 401, 'UNAUTHENTICATED', 'Authentication required');
    if (principal.mustChangePassword) return fail(res, 403, 'FORBIDDEN', 'Change your temporary password first');
    const allowed = can(principal, Permission.REPORTS_EXPORT) || (principal.role === Role.PARTNER && hasScope(principal, Scope.REPORTS_READ));
    if (!allowed) return fail(res, 403, 'FORBIDDEN', 'Exports need the permission reports.export (or an API key with reports:read)');
    const dataset = String(req.query.dataset ?? '') as ExportDataset;
    const format = String(req.query.format ?? 'csv') as ExportFormat;
    const range = { from: date(req.query.from), to: date(req.query.to) };
    const fields: Record<string, string[]> = {};
    if (!EXPORT_DATASETS.includes(dataset)) fields.dataset = [`must be one of ${EXPORT_DATASETS.join(', ')}`];
    if (!EXPORT_FORMATS.includes(format)) fields.format = [`must be one of ${EXPORT_FORMATS.join(', ')}`];
    if (Number.isNaN(range.from.getTime())) fields.from = ['must be an ISO date'];
    if (Number.isNaN(range.to.getTime())) fields.to = ['must be an ISO date'];
    if (!Object.keys(fields).length) {
      try {
        checkRange(range, 'range');
      } catch (err) {
        if (err instanceof AppError) Object.assign(fields, err.extensions.fields as Record<string, string[]>);
        else throw err;
      }
    }
    if (Object.keys(fields).length) return fail(res, 400, 'BAD_USER_INPUT', 'Invalid export request', fields);
    stream(res, principal, dataset, format, range).catch((err: unknown) => {
      logger.error({ err }, 'export failed');
      if (!res.headersSent) fail(res, 500, 'INTERNAL_SERVER_ERROR', 'Export failed');
      else res.destroy();
    });
  });

  async function stream(res: Response, principal: Principal, dataset: ExportDataset, format: ExportFormat, range: { from: Date; to: Date }) {
    const em = scopeForPrincipal(orm, principal);
    let closed = false;
    res.on('close', () => (closed = true));
    const columns = dataset === 'tickets' ? TICKET_COLUMNS : dataset === 'metrics' ? METRICS_COLUMNS : AGENT_COLUMNS;
    const agents = dataset === 'agents' ? await reports.agentStats({ principal, em }, range, false) : null;
    const total = agents ? agents.length : await exportCount(em, dataset as 'tickets' | 'metrics', range.from, range.to);
    const day = (d: Date) => d.toISOString().slice(0, 10);
    res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="sociodesk-${dataset}-${day(range.from)}-${day(range.to)}.${format}"`);
    res.setHeader('X-Total-Count', String(total));
    res.setHeader('Access-Control-Expose-Headers', 'X-Total-Count, Content-Disposition');
    res.setHeader('Cache-Control', 'no-store');
    const write = async (chunk: string) => {
      if (res.write(chunk) || closed) return;
      await new Promise<void>((resume) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resume();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    };
    if (format === 'csv') await write(csvLine([...columns]));
    const rows: AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>> =
      agents ? (agents as unknown as Array<Record<string, unknown>>) : exportRows(em, dataset as 'tickets' | 'metrics', range.from, range.to);
    for await (const row of rows) {
      if (closed) return;
      await write(format === 'csv' ? csvLine(columns.map((c) => row[c])) : ndjsonLine(columns, row));
    }
    res.end();
  }

  return router;
}
