import type { EntityManager } from '@mikro-orm/core';
import { retriedTransaction } from '../../platform/db/retry.js';
import { badInput, notFound } from '../../platform/errors.js';
import { scopedWorkspace } from '../tenant/tenant.service.js';
import { Ticket } from '../ticket/ticket.entity.js';
import type { TicketSlaRules } from '../ticket/ticket.events.js';
import { addWorkingMinutes, isValidTimezone, type BusinessCalendar } from './sla.clock.js';
import { applyPolicy, onStatusChange, reindex } from './sla.engine.js';
import { BusinessCalendarRecord, SlaPolicy } from './sla.entity.js';
import type { BusinessCalendarInput, SlaPolicyInput } from './sla.inputs.js';
import { requestRecompute, type RecomputeRequest } from './sla.recompute.js';

/** Calendar arithmetic and clock rules for modules that report on working time or build history (reports). */
export { workingMinutesBetween, type BusinessCalendar } from './sla.clock.js';
export { computeDueTimes, markNotified, targetLevel } from './sla.engine.js';

/** Used when a tenant has not set business hours: Monday to Friday, 09:00–17:00 in the workspace's timezone (UTC when it has none). */
export const DEFAULT_CALENDAR: BusinessCalendar = {
  timezone: 'UTC',
  hours: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '17:00' })),
  holidays: [],
};

/**
 * SLA policies, business hours, and the rules TicketService applies on every ticket change
 * to keep due times right. Tickets are changed only through TicketService.
 */
export class SlaService implements TicketSlaRules {
  private recomputeRequested: () => void = () => {};

  /** @param lockRows SELECT ... FOR UPDATE where the database has row locks. */
  constructor(private readonly lockRows = false) {}

  /** Who works through recomputes once a request commits (the SlaRecomputer, wired at startup). */
  onRecomputeRequested(kick: () => void): void {
    this.recomputeRequested = kick;
  }

  async calendar(em: EntityManager): Promise<BusinessCalendar> {
    const row = await em.findOne(BusinessCalendarRecord, {});
    if (row) return { timezone: row.timezone, hours: row.hours, holidays: row.holidays };
    const timezone = (await scopedWorkspace(em))?.timezone;
    return timezone ? { ...DEFAULT_CALENDAR, timezone } : DEFAULT_CALENDAR;
  }

  /**
   * The workspace's timezone changed (in `tx`): without business hours of its own, the tenant's
   * default calendar moved with it, so due times are recomputed once `tx` commits. Returns
   * what to call after the commit.
   */
  async workspaceTimezoneChanged(tx: EntityManager): Promise<() => void> {
    if (await tx.findOne(BusinessCalendarRecord, {})) return () => {};
    await this.recompute(tx, { policy: 'ALL' });
    return () => this.recomputeRequested();
  }

  /** Whether it is within the tenant's business hours now; always, when the tenant has set none. */
  async openNow(em: EntityManager, now = new Date()): Promise<boolean> {
    const row = await em.findOne(BusinessCalendarRecord, {});
    if (!row || !row.hours.length) return true;
    const cal = { timezone: row.timezone, hours: row.hours, holidays: row.holidays };
    return addWorkingMinutes(now, 1, cal).getTime() === now.getTime() + 60_000;
  }

  policies(em: EntityManager): Promise<SlaPolicy[]> {
    return em.find(SlaPolicy, {}, { orderBy: { category: 'asc', priorityKey: 'asc' } });
  }

  /** The most specific policy: category + priority, else category for any priority. */
  async policyFor(em: EntityManager, t: Pick<Ticket, 'category' | 'priority'>): Promise<SlaPolicy | null> {
    const candidates = await em.find(SlaPolicy, { category: t.category, priorityKey: { $in: [t.priority, 'ANY'] } });
    return candidates.find((p) => p.priorityKey === t.priority) ?? candidates.find((p) => p.priorityKey === 'ANY') ?? null;
  }

  /** Creating, or changing category/priority: pick the policy again and recompute from creation time. */
  async retarget(tx: EntityManager, t: Ticket, now = new Date()): Promise<void> {
    const policy = await this.policyFor(tx, t);
    applyPolicy(t, policy, policy?.businessHours ? await this.calendar(tx) : null, now);
  }

  async statusChanged(tx: EntityManager, t: Ticket, now = new Date()): Promise<void> {
    if (!t.slaPolicyId) return;
    onStatusChange(t, await this.calendarIfUsed(tx, t), now);
  }

  /** The first public staff reply stops the first-response clock. */
  async firstResponded(tx: EntityManager, t: Ticket, now = new Date()): Promise<void> {
    if (t.slaPolicyId) reindex(t, await this.calendarIfUsed(tx, t), now);
  }

  /** The engine reads the calendar only for business-hours policies: others skip the query. */
  private async calendarIfUsed(tx: EntityManager, t: Ticket): Promise<BusinessCalendar | null> {
    return t.slaBusinessHours ? this.calendar(tx) : null;
  }

  /** A status's SLA pause flag changed (in the caller's transaction): its tickets follow after commit. */
  async statusPauseChanged(tx: EntityManager, key: string, now: Date): Promise<void> {
    await requestRecompute(tx, { status: key, at: now }, this.lockRows);
  }

  /** Call after the transaction that made a request commits. */
  recomputeCommitted(): void {
    this.recomputeRequested();
  }

  async setPolicy(em: EntityManager, input: SlaPolicyInput): Promise<SlaPolicy> {
    if (input.resolutionMinutes < input.firstResponseMinutes) {
      throw badInput({ resolutionMinutes: ['must not be shorter than the first-response time'] });
    }
    const priorityKey = input.priority ?? 'ANY';
    return this.thenRecompute(em, async (tx) => {
      let policy = await tx.findOne(SlaPolicy, { category: input.category, priorityKey });
      if (!policy) policy = tx.create(SlaPolicy, { ...input, priorityKey });
      else tx.assign(policy, { firstResponseMinutes: input.firstResponseMinutes, resolutionMinutes: input.resolutionMinutes, businessHours: input.businessHours });
      await tx.flush();
      await this.recompute(tx, { policy: input.category });
      return policy;
    });
  }

  async deletePolicy(em: EntityManager, id: string): Promise<boolean> {
    return this.thenRecompute(em, async (tx) => {
      const policy = await tx.findOne(SlaPolicy, { id });
      if (!policy) throw notFound('SLA policy');
      tx.remove(policy);
      await tx.flush();
      await this.recompute(tx, { policy: policy.category });
      return true;
    });
  }

  async setCalendar(em: EntityManager, input: BusinessCalendarInput): Promise<BusinessCalendar> {
    if (!isValidTimezone(input.timezone)) throw badInput({ timezone: ['is not a known IANA timezone'] });
    const bad = input.hours.findIndex((h) => h.close <= h.open);
    if (bad >= 0) throw badInput({ [`hours.${bad}.close`]: ['must be after open'] });
    return this.thenRecompute(em, async (tx) => {
      const row = await tx.findOne(BusinessCalendarRecord, {});
      const data = { timezone: input.timezone, hours: input.hours.map((h) => ({ ...h })), holidays: [...new Set(input.holidays)].sort() };
      if (row) tx.assign(row, data);
      else tx.create(BusinessCalendarRecord, data);
      await tx.flush();
      await this.recompute(tx, { policy: 'ALL' });
      return data;
    });
  }

  /**
   * The active tickets a policy or calendar change affects are recomputed after the change
   * commits, in short batches (sla.recompute.ts): the write itself stays one small transaction.
   */
  private recompute(tx: EntityManager, request: RecomputeRequest): Promise<void> {
    return requestRecompute(tx, request, this.lockRows);
  }

  /** Two admins' writes, or a write and a recompute batch, can deadlock on the job row's locks (MariaDB): the loser runs again. */
  private async thenRecompute<T>(em: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    const result = await retriedTransaction(em, work);
    this.recomputeRequested();
    return result;
  }
}
