import { setTimeout as sleep } from 'node:timers/promises';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { TENANT_FILTER, type TenantFilterParams } from '../../platform/db/base.entity.js';
import { forTenant } from '../../platform/db/scope.js';
import { requestScope, type Logger } from '../../platform/logger.js';
import { TicketEvent } from '../activity/ticket-event.entity.js';
import { Chat, Department } from '../chat/chat.entity.js';
import type { SlaService } from '../sla/sla.service.js';
import { Ticket } from '../ticket/ticket.entity.js';
import { computeMetrics } from './metrics.compute.js';
import { applyRollups } from './rollup.sql.js';
import { TicketMetrics } from './ticket-metrics.entity.js';

/** Tickets per sweep transaction: short enough that requests (on SQLite, sharing its one connection) get their turn. */
const SWEEP_BATCH = 100;
/** Tickets per transaction when nothing else uses the database (filling a generated one). */
const UNPACED_BATCH = 1000;


/**
 * Keeps `ticket_metrics` current. A listener on the committed event stream queues the
 * tickets the events touched; the queue is drained in the background (outside the request,
 * so writes answer as before) and each ticket's row is recomputed from the ticket and its
 * events, which makes a refresh idempotent and order-free. A sweep recomputes rows whose
 * ticket version moved without this process seeing it (another instance that crashed
 * between commit and refresh), at start and every `sweepMs`.
 */
export class MetricsWriter {
  private readonly pending = new Map<string, string>(); // ticketId -> tenantId
  private draining: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Refreshes run one after another in this process, so two never insert the same row. */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly orm: MikroORM,
    private readonly sla: SlaService,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** The event listener: queues the touched tickets and starts draining. */
  committed(events: Array<{ tenantId: string; ticketId: string }>): void {
    for (const e of events) this.pending.set(e.ticketId, e.tenantId);
    this.kick();
  }

  /** Resolves once everything queued so far is written. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  start(sweepMs: number): void {
    void this.sweep().catch((err: unknown) => this.logger.error({ err }, 'ticket metrics sweep failed'));
    if (sweepMs > 0) {
      this.timer = setInterval(() => void this.sweep().catch((err: unknown) => this.logger.error({ err }, 'ticket metrics sweep failed')), sweepMs);
      this.timer.unref();
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.idle();
  }

  private kick(): void {
    if (this.draining) return;
    // Outside the request's scope: these statements are not the request's.
    this.draining = requestScope.exit(() => this.drain()).finally(() => {
      this.draining = undefined;
      if (this.pending.size) this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.size) {
      const byTenant = new Map<string, string[]>();
      for (const [ticketId, tenantId] of this.pending) byTenant.set(tenantId, [...(byTenant.get(tenantId) ?? []), ticketId]);
      this.pending.clear();
      for (const [tenantId, ids] of byTenant) {
        try {
          await this.refresh(forTenant(this.orm.em, tenantId), ids);
        } catch (err) {
          this.logger.warn({ err, tenantId }, 'ticket metrics refresh failed; the sweep retries');
        }
      }
    }
  }

  /** Recomputes the rows of these tickets (one tenant's scope); deleted tickets lose theirs. */
  refresh(em: EntityManager, ticketIds: string[]): Promise<void> {
    const run = this.chain.then(() => this.recompute(em, ticketIds));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async recompute(scoped: EntityManager, ticketIds: string[]): Promise<void> {
    if (!ticketIds.length) return;
    const tenantId = scoped.getFilterParams<TenantFilterParams>(TENANT_FILTER)?.tenantId;
    if (!tenantId) throw new Error('ticket metrics refresh needs a tenant-scoped EntityManager');
    // The rows and their roll-ups change in one transaction: the old rows' contributions are
    // subtracted before the rows change and the new ones added after (increments).
    await scoped.transactional(async (em) => {
      const tickets = await em.find(Ticket, { id: { $in: ticketIds } }, { filters: { notDeleted: false } });
      const events = await em.find(TicketEvent, { ticketId: { $in: ticketIds } }, { orderBy: { seq: 'asc' }, fields: ['ticketId', 'type', 'internal', 'payload'] });
      // Each ticket's events, still in seq order (one pass, not a scan of the batch's events per ticket).
      const eventsOf = new Map<string, typeof events>();
      for (const e of events) {
        const list = eventsOf.get(e.ticketId);
        if (list) list.push(e);
        else eventsOf.set(e.ticketId, [e]);
      }
      const existing = new Map((await em.find(TicketMetrics, { id: { $in: ticketIds } })).map((m) => [m.id, m]));
      // Live chat tickets take their department (by name) and rating from their chat.
      const chats = new Map((await em.find(Chat, { ticketId: { $in: ticketIds } }, { fields: ['ticketId', 'departmentId', 'rating'] })).map((c) => [c.ticketId, c]));
      const departmentIds = [...new Set([...chats.values()].map((c) => c.departmentId).filter((id): id is string => !!id))];
      const departments = new Map(departmentIds.length ? (await em.find(Department, { id: { $in: departmentIds } })).map((d) => [d.id, d.name]) : []);
      const cal = await this.sla.calendar(em);
      const now = new Date(this.now());
      if (existing.size) await applyRollups(em, tenantId, [...existing.keys()], -1);
      for (const t of tickets) {
        const row = existing.get(t.id);
        if (t.deletedAt) {
          if (row) em.remove(row);
          continue;
        }
        const chat = chats.get(t.id);
        const data = {
          ...computeMetrics(t, eventsOf.get(t.id) ?? [], cal, now),
          ...(chat ? { department: (chat.departmentId && departments.get(chat.departmentId)) || null, csatScore: chat.rating } : {}),
        };
        if (row) em.assign(row, data);
        else em.create(TicketMetrics, { ...data, tenantId: t.tenantId });
      }
      await em.flush();
      await applyRollups(em, tenantId, ticketIds, 1);
    });
  }

  /**
   * Rows missing, stale (ticket version moved) or of deleted tickets, in every tenant. A long
   * sweep (a database restored without its metrics rows) runs at most half the time: after
   * each full batch it waits as long as the batch took, so the API stays responsive
   * (`paced: false` for a tool that fills a database nobody serves yet).
   */
  async sweep({ paced = true }: { paced?: boolean } = {}): Promise<number> {
    const batch = paced ? SWEEP_BATCH : UNPACED_BATCH;
    let fixed = 0;
    let after = '';
    const startedAt = Date.now();
    for (;;) {
      const began = Date.now();
      const knex = (this.orm.em as SqlEntityManager).getKnex();
      // Background repair across tenants: stale rows are found across tenants, then each
      // tenant's tickets are recomputed in that tenant's own scope.
      // One pass in key order (a keyset from the last stale ticket), so a sweep reads each
      // ticket once however many batches it takes; rows going stale behind it wait for the next.
      // Through the connection, not knex directly: on SQLite the scan runs on a read worker.
      const query = knex('tickets as t')
        .leftJoin('ticket_metrics as m', 'm.id', 't.id')
        .where('t.id', '>', after)
        .andWhere((w) =>
          w
            .where((q) => q.whereNull('t.deleted_at').andWhere((q2) => q2.whereNull('m.id').orWhereRaw('m.ticket_version <> t.version')))
            .orWhere((q) => q.whereNotNull('t.deleted_at').whereNotNull('m.id')),
        )
        .orderBy('t.id', 'asc')
        .select({ id: 't.id', tenantId: 't.tenant_id' })
        .limit(batch);
      const rows = await (this.orm.em as SqlEntityManager).getConnection().execute<Array<{ id: string; tenantId: string }>>(query);
      if (!rows.length) break;
      after = rows[rows.length - 1].id;
      const byTenant = new Map<string, string[]>();
      for (const r of rows) byTenant.set(r.tenantId, [...(byTenant.get(r.tenantId) ?? []), r.id]);
      for (const [tenantId, ids] of byTenant) await this.refresh(forTenant(this.orm.em, tenantId), ids);
      fixed += rows.length;
      if (rows.length < batch) break;
      if (paced) await sleep(Math.min(1000, Date.now() - began));
    }
    if (fixed >= SWEEP_BATCH) this.logger.info({ tickets: fixed, ms: Date.now() - startedAt }, 'ticket metrics sweep done');
    return fixed;
  }
}
