import { setTimeout as sleep } from 'node:timers/promises';
import { LockMode, type EntityManager, type FilterQuery, type MikroORM } from '@mikro-orm/core';
import { CROSS_TENANT, forTenant } from '../../platform/db/scope.js';
import type { Logger } from '../../platform/logger.js';
import { ClaimTokens } from '../../platform/outbox/outbox.js';
import { Ticket } from '../ticket/ticket.entity.js';
import { TicketStatus } from '../ticket/ticket.enums.js';
import { TicketEventType, type FieldChangeData, type RecordedChange, type TicketChange } from '../ticket/ticket.events.js';
import type { TicketService } from '../ticket/ticket.service.js';
import { TicketStatusDefinition } from '../ticket/ticket-status.entity.js';
import type { BusinessCalendar } from './sla.clock.js';
import { applyPolicy } from './sla.engine.js';
import { SlaRecomputeJob, type SlaPolicy } from './sla.entity.js';

/** What a policy, calendar or status change asks to recompute. */
export type RecomputeRequest = { policy: Ticket['category'] | 'ALL' } | { status: string; at: Date };

export interface RecomputeOptions {
  /** Tickets per transaction. */
  batch: number;
  /** Least pause between batches (it is at least 4× the batch's time), so requests are served while a large recompute runs. */
  pauseMs: number;
  /** How long a runner's claim on a tenant's job holds without renewal (crash recovery). */
  leaseMs: number;
}

export const RECOMPUTE_DEFAULTS: RecomputeOptions = { batch: 100, pauseMs: 10, leaseMs: 30_000 };

/**
 * The recompute takes at most this share of the time: after a batch of t ms it waits at least
 * 4t (SQLite has one connection, and its statements hold the event loop while they run).
 */
const SHARE = 0.2;
const ACTIVE = [TicketStatus.OPEN, TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED];
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Records, in the caller's transaction, that the tenant's tickets need recomputing; the
 * runner does it after commit. A pending request is widened, never lost: two categories
 * become 'ALL', and a part that is asked again starts again from its first ticket.
 * On MariaDB two writers creating the tenant's job row at once can deadlock on its index,
 * so the caller's transaction runs through `retriedTransaction` (platform/db/retry.ts).
 */
export async function requestRecompute(tx: EntityManager, request: RecomputeRequest, lockRows: boolean): Promise<void> {
  const job = (await tx.findOne(SlaRecomputeJob, {}, lockRows ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {})) ?? tx.create(SlaRecomputeJob, {});
  if ('policy' in request) {
    job.policyScope = job.policyScope && job.policyScope !== request.policy ? 'ALL' : request.policy;
    job.policyCursor = null;
  } else {
    const task = { key: request.status, at: request.at.toISOString(), cursor: null };
    job.statusTasks = [...job.statusTasks.filter((t) => t.key !== request.status), task];
  }
  await tx.flush();
}

/**
 * Works through pending SLA recomputes: claims one tenant's job at a time (a conditional
 * UPDATE, so one runner per tenant across instances), then applies it in keyset batches of
 * `batch` tickets, each its own short transaction that also advances the job's cursor, with a
 * pause between batches. Every ticket whose SLA changed gets an internal TICKET_UPDATED event,
 * published after its batch commits, so boards update. A crash leaves the job and its cursor:
 * another run continues there once the claim runs out.
 */
export class SlaRecomputer {
  private readonly tokens = new ClaimTokens();
  private running?: Promise<void>;
  private again = false;
  private stopped = false;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly orm: MikroORM,
    private readonly sla: { calendar(em: EntityManager): Promise<BusinessCalendar>; policies(em: EntityManager): Promise<SlaPolicy[]> },
    private readonly tickets: TicketService,
    private readonly lockRows: boolean,
    private readonly logger: Logger,
    private readonly options: RecomputeOptions = RECOMPUTE_DEFAULTS,
  ) {}

  /** Resumes what is pending now, and looks again every `intervalMs` (jobs left by a stopped instance). */
  start(intervalMs: number): void {
    this.kick();
    if (intervalMs <= 0) return;
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** A request was committed: run now (or again right after the current run). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((err: unknown) => this.logger.error({ err }, 'SLA recompute failed'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Resolves when nothing this process started is still running. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Claims and works through jobs until none is free. */
  async drain(): Promise<void> {
    for (let job = await this.claim(); job && !this.stopped; job = await this.claim()) {
      await this.work(job.tenantId, job.id, job.lockedBy);
    }
  }

  private async claim(): Promise<{ id: string; tenantId: string; lockedBy: string } | null> {
    const now = new Date();
    const free = { $or: [{ lockedUntil: null }, { lockedUntil: { $lt: now } }] };
    const em = this.orm.em.fork();
    const candidates = await em.find(SlaRecomputeJob, free, { ...CROSS_TENANT, fields: ['id', 'tenantId'], orderBy: { updatedAt: 'asc' }, limit: 5 });
    for (const c of candidates) {
      const token = this.tokens.next();
      const claimed = await em.nativeUpdate(SlaRecomputeJob, { id: c.id, ...free }, { lockedBy: token, lockedUntil: new Date(now.getTime() + this.options.leaseMs) }, CROSS_TENANT);
      if (claimed === 1) return { id: c.id, tenantId: c.tenantId, lockedBy: token };
    }
    return null;
  }

  /** Batches until the job is done or the claim is lost. */
  private async work(tenantId: string, jobId: string, token: string): Promise<void> {
    const stats = { tickets: 0, changed: 0, batches: 0, maxBatchMs: 0, startedAt: Date.now() };
    for (;;) {
      const recorded: RecordedChange[] = [];
      const began = performance.now();
      const more = await forTenant(this.orm.em, tenantId).transactional((tx) => this.batch(tx, jobId, token, recorded, stats));
      stats.batches++;
      const batchMs = performance.now() - began;
      stats.maxBatchMs = Math.max(stats.maxBatchMs, batchMs);
      stats.changed += recorded.length;
      await this.tickets.committed(recorded);
      if (!more) {
        const { startedAt, maxBatchMs, ...counts } = stats;
        this.logger.info({ tenantId, ...counts, maxBatchMs: Math.round(maxBatchMs * 10) / 10, totalMs: Date.now() - startedAt }, 'SLA recompute done');
        return;
      }
      if (this.stopped) return this.release(jobId, token);
      await sleep(Math.max(this.options.pauseMs, (batchMs * (1 - SHARE)) / SHARE));
    }
  }

  /** Stopping mid-job: hands the claim back so the next instance (or restart) continues at once. */
  private async release(jobId: string, token: string): Promise<void> {
    // Cross-tenant: the claim is named by the job's id and this runner's token.
    await this.orm.em.fork().nativeUpdate(SlaRecomputeJob, { id: jobId, lockedBy: token }, { lockedBy: null, lockedUntil: null }, CROSS_TENANT);
  }

  /** One transaction: the next `batch` tickets of the job's first pending part. Returns whether the job goes on. */
  private async batch(tx: EntityManager, jobId: string, token: string, recorded: RecordedChange[], stats: { tickets: number }): Promise<boolean> {
    const lock = this.lockRows ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {};
    // Locked through the tenant's unique index, as requestRecompute locks it: a lock taken by the
    // primary key here would meet a writer's lock on that index in the other order (a deadlock).
    const job = await tx.findOne(SlaRecomputeJob, {}, lock);
    if (!job || job.id !== jobId || job.lockedBy !== token) return false; // the claim ran out and another runner took over
    const now = new Date();
    const limit = this.options.batch;
    let last: Ticket | undefined;
    let count = 0;
    if (job.policyScope) {
      const where = { status: { $in: ACTIVE }, ...(job.policyScope === 'ALL' ? {} : { category: job.policyScope as Ticket['category'] }) };
      const page = await this.page(tx, where, job.policyCursor, limit, lock);
      if (page.length) {
        const [cal, policies] = await Promise.all([this.sla.calendar(tx), this.sla.policies(tx)]);
        for (const t of page) recorded.push(...(await this.tickets.write(tx, t, null, (_tx, ticket, events) => reapply(ticket, policies, cal, now, events), now)));
      }
      last = page.at(-1);
      count = page.length;
      job.policyCursor = last?.id ?? null;
      if (count < limit) job.policyScope = null;
    } else if (job.statusTasks.length) {
      const [task, ...rest] = job.statusTasks;
      const def = await tx.findOne(TicketStatusDefinition, { key: task!.key });
      const page = def ? await this.page(tx, { statusKey: task!.key }, task!.cursor, limit, lock) : [];
      const at = new Date(task!.at);
      for (const t of page) recorded.push(...(await this.tickets.write(tx, t, null, (_tx, ticket, events) => repause(ticket, def!.pausesSla, events), at)));
      last = page.at(-1);
      count = page.length;
      job.statusTasks = count < limit ? rest : [{ ...task!, cursor: last!.id }, ...rest];
    }
    stats.tickets += count;
    const done = !job.policyScope && !job.statusTasks.length;
    if (done) tx.remove(job);
    else job.lockedUntil = new Date(now.getTime() + this.options.leaseMs);
    // One flush, at commit: a second flush in the same transaction would write the tickets again on SQLite.
    return !done;
  }

  private page(tx: EntityManager, where: FilterQuery<Ticket>, after: string | null, limit: number, lock: object): Promise<Ticket[]> {
    return tx.find(Ticket, after ? { $and: [where, { id: { $gt: after } }] } : where, { orderBy: { id: 'asc' }, limit, ...lock });
  }
}

/** Applies the ticket's policy again; an internal TICKET_UPDATED lists the due times that moved. */
function reapply(t: Ticket, policies: SlaPolicy[], cal: BusinessCalendar, now: Date, events: TicketChange[]): void {
  const policy = policies.find((p) => p.category === t.category && p.priorityKey === t.priority) ?? policies.find((p) => p.category === t.category && p.priorityKey === 'ANY') ?? null;
  const before = { firstResponseDueAt: iso(t.firstResponseDueAt), resolutionDueAt: iso(t.resolutionDueAt) };
  applyPolicy(t, policy, cal, now);
  const changes: FieldChangeData[] = [];
  for (const field of ['firstResponseDueAt', 'resolutionDueAt'] as const) {
    const to = iso(t[field]);
    if (to !== before[field]) changes.push({ field, from: before[field], to });
  }
  if (changes.length) events.push({ type: TicketEventType.TICKET_UPDATED, internal: true, payload: { changes } });
}

/** The ticket's status now pauses the SLA, or no longer does: TicketService.write moves the clock. */
function repause(t: Ticket, pausesSla: boolean, events: TicketChange[]): void {
  if (t.statusPausesSla === pausesSla) return;
  events.push({ type: TicketEventType.TICKET_UPDATED, internal: true, payload: { changes: [{ field: 'slaPaused', from: String(t.statusPausesSla), to: String(pausesSla) }] } });
  t.statusPausesSla = pausesSla;
}
