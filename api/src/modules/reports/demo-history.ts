import type { EntityManager } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';
import { Role } from '../../platform/auth/principal.js';
import { ticketSnapshot } from '../activity/ticket-event.format.js';
import { TicketEvent, TicketEventType } from '../activity/ticket-event.entity.js';
import { Message } from '../conversation/message.entity.js';
import { BusinessCalendarRecord, SlaPolicy } from '../sla/sla.entity.js';
import { computeDueTimes, markNotified, targetLevel, type BusinessCalendar } from '../sla/sla.service.js';
import { SLA_NEVER, Ticket, TicketTag } from '../ticket/ticket.entity.js';
import { DEMO_WAITING_STATUS } from '../ticket/ticket-status.demo.js';
import { PRIORITY_RANK, TicketCategory, TicketChannel, TicketPriority, TicketStatus } from '../ticket/ticket.enums.js';
import { Membership } from '../user/membership.entity.js';
import { User } from '../user/user.entity.js';
import { computeMetrics } from './metrics.compute.js';
import { rebuildRollups } from './rollup.sql.js';
import { TicketMetrics } from './ticket-metrics.entity.js';

export interface DemoPeople {
  adminId: string;
  agentIds: string[];
  customerIds: string[];
}

const DAY = 86_400_000;
const MIN = 60_000;
const CHUNK = 200;


/** The chat department of a history chat, by category: the demo tenants' own departments (chat.demo.ts). */
const DEMO_DEPARTMENT: Record<TicketCategory, string> = {
  [TicketCategory.BILLING]: 'Perpajakan',
  [TicketCategory.ACCOUNT]: 'Perizinan Usaha',
  [TicketCategory.TECHNICAL]: 'Teknis',
  [TicketCategory.SERVICE]: 'Investasi',
};
/** Deterministic pseudo-random numbers (mulberry32): the same history on every first start. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS: Record<TicketCategory, string[]> = {
  BILLING: ['Charged twice this month', 'Invoice shows the wrong VAT number', 'Refund not received yet', 'Cannot update my card', 'Upgrade to the annual plan'],
  TECHNICAL: ['App crashes when uploading photos', 'Sync stuck at 99%', 'Error 502 on the dashboard', 'Export to Excel is empty', 'Push notifications stopped'],
  ACCOUNT: ['Cannot reset my password', 'Please change the account owner', 'Two-factor code never arrives', 'Merge my two accounts', 'Delete my old workspace'],
  SERVICE: ['Delivery arrived damaged', 'Technician did not show up', 'Reschedule the installation', 'Feedback about your support', 'Warranty question'],
};
const FIRST_NAMES = ['Dewi', 'Budi', 'Siti', 'Agus', 'Rina', 'Joko', 'Maya', 'Andi', 'Lina', 'Tono', 'Sari', 'Hadi'];
const LAST_NAMES = ['Lestari', 'Santoso', 'Wijaya', 'Pratama', 'Kurniawan', 'Hartono'];
const TAGS = ['vip', 'refund', 'bug', 'mobile', 'invoice', 'outage', 'feedback'];
const CATEGORIES = Object.values(TicketCategory);
const CHANNELS: TicketChannel[] = ['WEB', 'WEB', 'EMAIL', 'EMAIL', 'CHAT', 'CHAT', 'PHONE', 'API'] as TicketChannel[];
const PRIORITIES: TicketPriority[] = ['LOW', 'MEDIUM', 'MEDIUM', 'MEDIUM', 'HIGH'] as TicketPriority[];

/** The demo SLA: business-hours technical support, calendar-hours billing, fast high-priority account help. Service has none. */
const POLICIES = [
  { category: TicketCategory.TECHNICAL, priorityKey: 'ANY', firstResponseMinutes: 60, resolutionMinutes: 960, businessHours: true },
  { category: TicketCategory.BILLING, priorityKey: 'ANY', firstResponseMinutes: 240, resolutionMinutes: 2880, businessHours: false },
  { category: TicketCategory.ACCOUNT, priorityKey: 'HIGH', firstResponseMinutes: 30, resolutionMinutes: 480, businessHours: false },
];

/** How old the newest demo tickets are (minutes): on track, then at risk twice, against Billing's 240-minute first response. */
const PINNED_MINUTES_AGO = [30, 205, 220];

async function insertAll(em: EntityManager, entity: Parameters<EntityManager['insertMany']>[0], rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await em.insertMany(entity, rows.slice(i, i + CHUNK) as never);
}

/**
 * 90 days of history for one demo tenant, about `count` tickets across every status, category,
 * priority and channel, with public replies, internal notes, assignments, reopenings and an
 * SLA mix of met, at-risk and breached, and their metrics rows. Written with multi-row
 * inserts in the caller's transaction; every row carries the tenant explicitly, every ticket
 * its events (gap-free `seq`, counters set) exactly as the API would have written them.
 * Service tickets are all closed, and the escalation worker is not asked to
 * revisit history (their SLA state still shows live); a change to a ticket resumes it.
 */
export async function seedDemoHistory(em: EntityManager, tenantId: string, seed: number, people: DemoPeople, passwordHash: string, now = Date.now(), count = 1500): Promise<number> {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const calendar: BusinessCalendar = { timezone: seed % 2 ? 'Asia/Jakarta' : 'Europe/Berlin', hours: [1, 2, 3, 4, 5].map((day) => ({ day, open: '08:00', close: '17:00' })), holidays: [] };
  const at = (ms: number) => new Date(ms);
  const stamp = { createdAt: at(now), updatedAt: at(now), tenantId };

  // More customers than the two sign-in accounts, so the history reads like a real queue.
  const users = Array.from({ length: 24 }, (_, i) => ({ id: uuidv7(), ...stamp, email: `${FIRST_NAMES[i % 12].toLowerCase()}.${LAST_NAMES[i % 6].toLowerCase()}${i}@customer-${seed}.example`, name: `${FIRST_NAMES[i % 12]} ${LAST_NAMES[i % 6]}`, passwordHash, active: true, mustChangePassword: false, platformOperator: false, locale: 'en' }));
  await insertAll(em, User, users.map(({ tenantId: _t, ...u }) => u));
  await insertAll(em, Membership, users.map((u) => ({ id: uuidv7(), ...stamp, user: u.id, role: Role.CUSTOMER, active: true })));
  const customers = [...people.customerIds, ...users.map((u) => u.id)];

  await insertAll(em, BusinessCalendarRecord, [{ id: uuidv7(), ...stamp, ...calendar }]);
  const policies = POLICIES.map((p) => ({ id: uuidv7(), ...stamp, ...p }));
  await insertAll(em, SlaPolicy, policies);
  const policyFor = (c: TicketCategory, pr: TicketPriority) => policies.find((p) => p.category === c && p.priorityKey === pr) ?? policies.find((p) => p.category === c && p.priorityKey === 'ANY');

  const tickets: Ticket[] = [];
  const tags: object[] = [];
  const messages: object[] = [];
  const events: Array<{ at: number; ticket: Ticket; type: TicketEventType; actorId: string | null; internal?: boolean; changes?: object[]; messageId?: string; message?: object }> = [];
  const metrics: object[] = [];
  for (let i = 0; i < count; i++) {
    // Older tickets thin out; most arrive on weekdays in office hours (local 08:00–18:00), the rest any time.
    const age = Math.pow(rnd(), 1.3) * 90 * DAY;
    let created = now - age;
    const offset = calendar.timezone === 'Asia/Jakarta' ? 7 : 1;
    const day = new Date(created);
    const weekday = (day.getUTCDay() + 6) % 7; // 0 = Monday
    if (rnd() < 0.75) {
      const startOfDay = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
      const shift = weekday >= 5 && rnd() < 0.7 ? (weekday === 5 ? -1 : -2) * DAY : 0;
      const inHours = startOfDay + shift + (8 - offset + rnd() * 10) * 60 * MIN;
      // Not before the 90 days: a weekend ticket near the start stays where it was.
      if (inHours >= now - 90 * DAY) created = inHours;
    }
    created = Math.min(created, now - 5 * MIN);
    const ageDays = (now - created) / DAY;
    let category = pick(CATEGORIES);
    const priority = pick(PRIORITIES);
    const channel = pick(CHANNELS);
    const customerId = pick(customers);
    const roll = rnd();
    let status: TicketStatus =
      ageDays > 10 ? (roll < 0.65 ? 'CLOSED' : roll < 0.96 ? 'RESOLVED' : 'IN_PROGRESS') as TicketStatus
      : ageDays > 2 ? (roll < 0.25 ? 'CLOSED' : roll < 0.7 ? 'RESOLVED' : roll < 0.9 ? 'IN_PROGRESS' : 'OPEN') as TicketStatus
      : (roll < 0.25 ? 'RESOLVED' : roll < 0.6 ? 'IN_PROGRESS' : 'OPEN') as TicketStatus;
    // The Service queue holds closed history only (its policy can then change without touching it).
    if (category === TicketCategory.SERVICE && status !== TicketStatus.CLOSED) {
      if (status === TicketStatus.OPEN || status === TicketStatus.IN_PROGRESS) category = TicketCategory.ACCOUNT;
      else status = TicketStatus.CLOSED;
    }
    // The newest three are pinned, so a fresh demo shows every live SLA state whatever the day and
    // hour: one well within its first-response time and two past 80 % of it (at risk), under the
    // Billing policy, which counts wall-clock minutes (business-hours clocks stop at night).
    const newest = count - 1 - i;
    if (newest < PINNED_MINUTES_AGO.length) {
      category = TicketCategory.BILLING;
      status = TicketStatus.OPEN;
      created = now - PINNED_MINUTES_AGO[newest]! * MIN;
    }
    const active = status === TicketStatus.OPEN || status === TicketStatus.IN_PROGRESS;
    const assigneeId = status === TicketStatus.OPEN && rnd() < 0.6 ? null : pick(people.agentIds);
    const speed = rnd() < 0.7 ? rnd() * 90 : 90 + rnd() * 1200; // minutes to the first reply: mostly quick, some slow
    const firstResponse = status === TicketStatus.OPEN ? null : Math.min(now - MIN, created + speed * MIN);
    const resolved = status === TicketStatus.RESOLVED || status === TicketStatus.CLOSED ? Math.min(now - MIN, (firstResponse ?? created) + (30 + rnd() * 60 * 24 * (rnd() < 0.8 ? 1 : 6)) * MIN) : null;
    const reopened = resolved !== null && rnd() < 0.08;
    const closed = status === TicketStatus.CLOSED && resolved ? Math.min(now - MIN, resolved + rnd() * 3 * DAY) : null;
    const t = {
      id: uuidv7(), tenantId, number: 1001 + i, title: `${pick(SUBJECTS[category])}`, description: `Hello, ${pick(SUBJECTS[category]).toLowerCase()}. Order ${10000 + i}.`,
      status, statusKey: status, statusPausesSla: false, priority, priorityRank: PRIORITY_RANK[priority], category, channel, customerId, assigneeId, escalationLevel: 0,
      tags: TAGS.filter(() => rnd() < 0.12), version: 1, createdAt: at(created), updatedAt: at(created),
      firstResponseAt: firstResponse ? at(firstResponse) : null, resolvedAt: resolved ? at(resolved) : null, closedAt: closed ? at(closed) : null, deletedAt: null,
      slaPolicyId: null, slaBusinessHours: false, slaFirstResponseMinutes: null, slaResolutionMinutes: null, slaPausedAt: null, slaPausedMinutes: 0, slaNotified: 0,
    } as unknown as Ticket;
    const policy = policyFor(category, priority);
    if (policy) Object.assign(t, { slaPolicyId: policy.id, slaBusinessHours: policy.businessHours, slaFirstResponseMinutes: policy.firstResponseMinutes, slaResolutionMinutes: policy.resolutionMinutes });
    if (status === TicketStatus.RESOLVED && resolved) t.slaPausedAt = at(resolved);
    // Every fifth answered ticket still in progress waits on its customer: the SLA clock paused since the agent's question.
    const waitingSince = status === TicketStatus.IN_PROGRESS && firstResponse && i % 5 === 0 ? Math.min(now - MIN, firstResponse + 2 * 60 * MIN) : null;
    if (waitingSince) Object.assign(t, { statusKey: DEMO_WAITING_STATUS.key, statusPausesSla: true, slaPausedAt: at(waitingSince) });
    computeDueTimes(t, calendar, at(now));
    if (policy && active) {
      t.escalationLevel = targetLevel(t, calendar, at(now));
      if (t.firstResponseAtRiskAt && t.firstResponseAtRiskAt.getTime() <= now) markNotified(t, 'FIRST_RESPONSE');
      if (t.resolutionAtRiskAt && t.resolutionAtRiskAt.getTime() <= now) markNotified(t, 'RESOLUTION');
    }
    t.slaNextCheckAt = SLA_NEVER;
    tickets.push(t);
    for (const tag of t.tags) tags.push({ id: uuidv7(), tenantId, createdAt: at(created), updatedAt: at(created), ticketId: t.id, tag });

    const actor = channel === TicketChannel.PHONE ? (assigneeId ?? people.adminId) : customerId;
    const push = (ms: number, type: TicketEventType, actorId: string | null, extra: Partial<(typeof events)[number]> = {}) => events.push({ at: ms, ticket: t, type, actorId, ...extra });
    const post = (ms: number, authorId: string, body: string, internal = false) => {
      const id = uuidv7();
      messages.push({ id, tenantId, createdAt: at(ms), updatedAt: at(ms), ticketId: t.id, authorId, body, internal, kind: 'TEXT' });
      push(ms, TicketEventType.MESSAGE_POSTED, authorId, { internal, messageId: id, message: { id, body, internal, kind: 'TEXT', authorId, createdAt: at(ms).toISOString() } });
    };
    const status1 = (ms: number, from: string, to: string, by: string | null) => push(ms, TicketEventType.STATUS_CHANGED, by, { changes: [{ field: 'status', from, to }] });
    push(created, TicketEventType.TICKET_CREATED, actor);
    const agent = assigneeId ?? pick(people.agentIds);
    if (assigneeId) push(created + Math.min(speed, 20) * MIN * 0.5, TicketEventType.TICKET_CLAIMED, assigneeId, { changes: [{ field: 'assigneeId', from: null, to: assigneeId }] });
    if (rnd() < 0.3) post(created + Math.min(speed * 0.6, 30) * MIN + 1000, agent, 'Checked the logs: looks like the known issue from last week.', true);
    if (firstResponse) {
      post(firstResponse, agent, 'Thanks for reaching out! We are looking into it and will update you shortly.');
      status1(firstResponse + 1000, 'OPEN', 'IN_PROGRESS', agent);
      if (rnd() < 0.5) post(firstResponse + (5 + rnd() * 120) * MIN, customerId, 'Thank you, here are more details from my side.');
      if (waitingSince) {
        post(waitingSince - 1000, agent, 'Could you send us the exact error message you see?');
        push(waitingSince, TicketEventType.STATUS_CHANGED, agent, { changes: [{ field: 'statusKey', from: 'IN_PROGRESS', to: DEMO_WAITING_STATUS.key }] });
      }
    }
    if (resolved) {
      if (reopened) {
        const first = firstResponse! + (resolved - firstResponse!) * 0.4;
        status1(first, 'IN_PROGRESS', 'RESOLVED', agent);
        post(first + 10 * MIN, customerId, 'Sorry, it happened again this morning.');
        status1(first + 10 * MIN + 1000, 'RESOLVED', 'IN_PROGRESS', customerId);
      }
      post(resolved - 2000, agent, 'This is fixed now. Please let us know if anything else comes up.');
      status1(resolved, 'IN_PROGRESS', 'RESOLVED', agent);
    }
    if (closed) status1(closed, 'RESOLVED', 'CLOSED', rnd() < 0.5 ? customerId : agent);
  }

  // Every ticket's events in time order share one gap-free sequence, as commits would have.
  events.sort((a, b) => a.at - b.at);
  const perTicket = new Map<string, typeof events>();
  const rows = events.map((e, n) => {
    const list = perTicket.get(e.ticket.id) ?? [];
    list.push(e);
    perTicket.set(e.ticket.id, list);
    return { e, seq: n + 1 };
  });
  for (const t of tickets) {
    const list = perTicket.get(t.id)!;
    t.version = list.length;
    t.updatedAt = at(list[list.length - 1].at);
  }
  const eventRows = rows.map(({ e, seq }) => ({
    id: uuidv7(), tenantId, createdAt: at(e.at), updatedAt: at(e.at), seq, type: e.type, ticketId: e.ticket.id, actorId: e.actorId, internal: e.internal ?? false, triage: false,
    payload: { ...(e.changes ? { changes: e.changes } : {}), ...(e.messageId ? { messageId: e.messageId, message: e.message } : {}), ticket: ticketSnapshot(e.ticket) },
  }));
  for (const t of tickets) {
    const list = (perTicket.get(t.id) ?? []).map((e) => ({ type: e.type, internal: e.internal ?? false, payload: { changes: e.changes as never, message: e.message as never } }));
    const m = computeMetrics(t, list, calendar, at(now));
    const csat = t.channel === TicketChannel.CHAT && t.resolvedAt && rnd() < 0.6 ? Math.min(5, 1 + Math.floor(rnd() * 5.6)) : null;
    metrics.push({ ...m, tenantId, updatedAt: at(now), department: t.channel === TicketChannel.CHAT ? DEMO_DEPARTMENT[t.category] : null, csatScore: csat });
  }
  await insertAll(em, Ticket, tickets);
  await insertAll(em, TicketTag, tags);
  await insertAll(em, Message, messages);
  await insertAll(em, TicketEvent, eventRows);
  await insertAll(em, TicketMetrics, metrics);
  await rebuildRollups(em, tenantId);
  const counters = `INSERT INTO tenant_counters (tenant_id, name, value) VALUES (?, 'ticket_number', ?), (?, 'event_seq', ?)`;
  await em.getConnection().execute(counters, [tenantId, 1000 + count, tenantId, eventRows.length], 'run', em.getTransactionContext());
  return count;
}
