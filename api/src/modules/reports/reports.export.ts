import type { EntityManager } from '@mikro-orm/core';
import { Ticket } from '../ticket/ticket.entity.js';
import { TicketMetrics } from './ticket-metrics.entity.js';

export type ExportFormat = 'csv' | 'ndjson';
export type ExportDataset = 'tickets' | 'metrics' | 'agents';
export const EXPORT_DATASETS: readonly ExportDataset[] = ['tickets', 'metrics', 'agents'];
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'ndjson'];

/** Rows per database round trip: memory stays bounded by one batch whatever the export's size. */
export const EXPORT_BATCH = 1000;

export const TICKET_COLUMNS = [
  'id', 'number', 'title', 'status', 'priority', 'category', 'channel', 'customerId', 'assigneeId', 'tags',
  'createdAt', 'updatedAt', 'firstResponseAt', 'resolvedAt', 'closedAt', 'firstResponseDueAt', 'resolutionDueAt', 'escalationLevel',
] as const;
export const METRICS_COLUMNS = [
  'id', 'number', 'status', 'channel', 'category', 'priority', 'department', 'assigneeId', 'customerId', 'createdAt', 'firstResponseAt',
  'firstResponseMinutes', 'firstResponseBusinessMinutes', 'resolvedAt', 'resolutionMinutes', 'resolutionBusinessMinutes', 'replies',
  'internalNotes', 'reopens', 'assigneeChanges', 'slaFirstResponse', 'slaResolution', 'csatScore',
] as const;
export const AGENT_COLUMNS = [
  'agentId', 'name', 'ticketsHandled', 'chatsHandled', 'resolved', 'firstResponseMedian', 'resolutionMedian', 'slaCompliance', 'csatAverage', 'onlineMinutes',
] as const;

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  let s = v instanceof Date ? v.toISOString() : Array.isArray(v) ? v.join(' ') : String(v);
  // A leading =, +, - or @ would be a formula in a spreadsheet.
  if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function csvLine(values: unknown[]): string {
  return `${values.map(cell).join(',')}\r\n`;
}

export function ndjsonLine(columns: readonly string[], row: Record<string, unknown>): string {
  const out: Record<string, unknown> = {};
  for (const c of columns) out[c] = row[c] instanceof Date ? (row[c] as Date).toISOString() : (row[c] ?? null);
  return `${JSON.stringify(out)}\n`;
}

/**
 * The rows of a dataset created in [from, to), oldest first, one batch at a time by keyset
 * (createdAt, id). Each batch is read in a cleared EntityManager, so nothing accumulates.
 */
export async function* exportRows(em: EntityManager, dataset: 'tickets' | 'metrics', from: Date, to: Date): AsyncGenerator<Record<string, unknown>> {
  const entity = dataset === 'tickets' ? Ticket : TicketMetrics;
  const columns = dataset === 'tickets' ? TICKET_COLUMNS : METRICS_COLUMNS;
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const range = { createdAt: { $gte: from, $lt: to } };
    const where: object = after
      ? { $and: [range, { $or: [{ createdAt: { $gt: after.createdAt } }, { createdAt: after.createdAt, id: { $gt: after.id } }] }] }
      : range;
    em.clear();
    const rows = (await em.find(entity as typeof Ticket, where, {
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      limit: EXPORT_BATCH,
      fields: [...columns] as never,
      disableIdentityMap: true,
    })) as unknown as Array<Record<string, unknown> & { createdAt: Date; id: string }>;
    for (const r of rows) yield r;
    if (rows.length < EXPORT_BATCH) return;
    const last = rows[rows.length - 1];
    after = { createdAt: last.createdAt, id: last.id };
  }
}

export async function exportCount(em: EntityManager, dataset: 'tickets' | 'metrics', from: Date, to: Date): Promise<number> {
  return em.count(dataset === 'tickets' ? Ticket : TicketMetrics, { createdAt: { $gte: from, $lt: to } });
}
