import type { App } from '../../../app.js';
import { forTenant } from '../../../platform/db/scope.js';
import { TicketEvent, TicketEventType } from '../../activity/ticket-event.entity.js';
import { Ticket } from '../../ticket/ticket.entity.js';
import { rebuildRollups } from '../rollup.sql.js';
import { PRIORITY_RANK, type TicketCategory, type TicketChannel, type TicketPriority, type TicketStatus } from '../../ticket/ticket.enums.js';
import type { TestTenant } from '../../../test/tenants.js';

/**
 * A small, hand-computed history (README, "Reports"): the tenant's calendar is Asia/Jakarta
 * (UTC+7), Monday–Friday 09:00–17:00. The report range is Monday 2 March 2026 00:00 to
 * Thursday 5 March 00:00 local, i.e. 2026-03-01T17:00Z to 2026-03-04T17:00Z.
 */
export const RANGE = { from: '2026-03-01T17:00:00.000Z', to: '2026-03-04T17:00:00.000Z' };
export const JAKARTA = {
  timezone: 'Asia/Jakarta',
  hours: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '17:00' })),
  holidays: [],
};

interface Spec {
  key: string;
  number: number;
  status: TicketStatus;
  category: TicketCategory;
  priority: TicketPriority;
  channel: TicketChannel;
  assignee: 'agent1' | 'agent2' | null;
  createdAt: string;
  firstResponseAt?: string;
  resolvedAt?: string;
  closedAt?: string;
  firstResponseDueAt?: string;
  resolutionDueAt?: string;
  events?: Array<{ type: TicketEventType; internal?: boolean; from?: string; to?: string }>;
}

export const SPECS: Spec[] = [
  // Created Sunday 23:30 local (before the range), resolved Monday 10:00 local: in the starting backlog.
  { key: 'T1', number: 1001, status: 'RESOLVED' as TicketStatus, category: 'SERVICE' as TicketCategory, priority: 'LOW' as TicketPriority, channel: 'WEB' as TicketChannel, assignee: 'agent1',
    createdAt: '2026-03-01T16:30:00.000Z', resolvedAt: '2026-03-02T03:00:00.000Z' },
  // Monday 00:30 local, still Sunday in UTC: the timezone boundary.
  { key: 'T2', number: 1002, status: 'CLOSED' as TicketStatus, category: 'BILLING' as TicketCategory, priority: 'HIGH' as TicketPriority, channel: 'WEB' as TicketChannel, assignee: 'agent1',
    createdAt: '2026-03-01T17:30:00.000Z', firstResponseAt: '2026-03-01T18:30:00.000Z', resolvedAt: '2026-03-02T04:00:00.000Z', closedAt: '2026-03-02T05:00:00.000Z',
    firstResponseDueAt: '2026-03-01T18:00:00.000Z', resolutionDueAt: '2026-03-02T05:00:00.000Z', events: [{ type: TicketEventType.TICKET_CLAIMED }] },
  // Monday 09:00 local; resolved, reopened and resolved again.
  { key: 'T3', number: 1003, status: 'RESOLVED' as TicketStatus, category: 'TECHNICAL' as TicketCategory, priority: 'MEDIUM' as TicketPriority, channel: 'CHAT' as TicketChannel, assignee: 'agent1',
    createdAt: '2026-03-02T02:00:00.000Z', firstResponseAt: '2026-03-02T02:10:00.000Z', resolvedAt: '2026-03-02T06:00:00.000Z',
    firstResponseDueAt: '2026-03-02T02:30:00.000Z', resolutionDueAt: '2026-03-02T10:00:00.000Z',
    events: [
      { type: TicketEventType.MESSAGE_POSTED },
      { type: TicketEventType.MESSAGE_POSTED, internal: true },
      { type: TicketEventType.STATUS_CHANGED, from: 'RESOLVED', to: 'IN_PROGRESS' },
      { type: TicketEventType.MESSAGE_POSTED },
    ] },
  // Tuesday 16:00 local, answered Wednesday 09:30 local: one business hour and a half, 17.5 calendar hours.
  { key: 'T4', number: 1004, status: 'IN_PROGRESS' as TicketStatus, category: 'TECHNICAL' as TicketCategory, priority: 'MEDIUM' as TicketPriority, channel: 'CHAT' as TicketChannel, assignee: 'agent2',
    createdAt: '2026-03-03T09:00:00.000Z', firstResponseAt: '2026-03-04T02:30:00.000Z',
    firstResponseDueAt: '2026-03-03T10:00:00.000Z', resolutionDueAt: '2026-03-04T09:00:00.000Z' },
  // Wednesday 23:30 local, no SLA.
  { key: 'T5', number: 1005, status: 'OPEN' as TicketStatus, category: 'ACCOUNT' as TicketCategory, priority: 'LOW' as TicketPriority, channel: 'EMAIL' as TicketChannel, assignee: null,
    createdAt: '2026-03-04T16:30:00.000Z' },
  // Thursday 00:30 local: after the range.
  { key: 'T6', number: 1006, status: 'OPEN' as TicketStatus, category: 'ACCOUNT' as TicketCategory, priority: 'LOW' as TicketPriority, channel: 'EMAIL' as TicketChannel, assignee: null,
    createdAt: '2026-03-04T17:30:00.000Z' },
];

const d = (s?: string) => (s ? new Date(s) : null);

/** Writes the fixture's tickets and events into the tenant, then lets the metrics sweep compute their rows. */
export async function loadFixture(app: App, t: TestTenant): Promise<Record<string, string>> {
  const em = forTenant(app.orm.em, t.id);
  const ids: Record<string, string> = {};
  let seq = 1_000_000;
  for (const s of SPECS) {
    const created = new Date(s.createdAt);
    const ticket = em.create(Ticket, {
      number: s.number,
      title: `Fixture ${s.key}`,
      description: 'fixture',
      status: s.status,
      priority: s.priority,
      priorityRank: PRIORITY_RANK[s.priority],
      category: s.category,
      channel: s.channel,
      customerId: t.customer1.id,
      assigneeId: s.assignee ? t[s.assignee].id : null,
      createdAt: created,
      updatedAt: created,
      firstResponseAt: d(s.firstResponseAt),
      resolvedAt: d(s.resolvedAt),
      closedAt: d(s.closedAt),
      firstResponseDueAt: d(s.firstResponseDueAt),
      resolutionDueAt: d(s.resolutionDueAt),
    });
    ids[s.key] = ticket.id;
    for (const e of s.events ?? []) {
      em.create(TicketEvent, {
        seq: seq++,
        type: e.type,
        ticketId: ticket.id,
        internal: e.internal ?? false,
        payload: {
          ticket: {} as never,
          ...(e.from ? { changes: [{ field: 'status', from: e.from, to: e.to! }] } : {}),
          ...(e.type === TicketEventType.MESSAGE_POSTED ? { message: { id: 'm', body: 'x', internal: !!e.internal, kind: 'TEXT', authorId: null, createdAt: s.createdAt } } : {}),
        },
      });
    }
  }
  await em.flush();
  await app.workers.metrics.sweep();
  // Live chat fills CSAT: T3 was rated 4, T4 was rated 2.
  const conn = em.getConnection();
  await conn.execute('UPDATE ticket_metrics SET csat_score = 4 WHERE id = ?', [ids.T3]);
  await conn.execute('UPDATE ticket_metrics SET csat_score = 2 WHERE id = ?', [ids.T4]);
  // The rows were changed behind the writer's back: rebuild the tenant's roll-ups from them.
  await em.transactional((tx) => rebuildRollups(tx, t.id));
  return ids;
}
