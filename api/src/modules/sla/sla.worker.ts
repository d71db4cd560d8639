import { LockMode, type MikroORM } from '@mikro-orm/core';
import { CROSS_TENANT, forTenant } from '../../platform/db/scope.js';
import type { Logger } from '../../platform/logger.js';
import { slaWorkerLag, slaWorkerRuns } from '../../platform/metrics/metrics.js';
import { Ticket } from '../ticket/ticket.entity.js';
import { TicketEventType, type RecordedChange } from '../ticket/ticket.events.js';
import type { TicketService } from '../ticket/ticket.service.js';
import { markNotified, newlyAtRisk, reindex, targetLevel, type SlaClockName } from './sla.engine.js';
import type { SlaService } from './sla.service.js';

const BATCH = 200;

/**
 * Finds tickets whose SLA needs attention (at risk, breached, or a further period overdue)
 * and escalates them. Every instance may run it: each ticket is handled in its own
 * transaction on a row claimed with FOR UPDATE SKIP LOCKED (SQLite serializes writers), and
 * re-checked once locked, so each step happens exactly once. The ticket changes through
 * TicketService; the conversation reacts to SLA_ESCALATED with its system note.
 */
export class SlaWorker {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly orm: MikroORM,
    private readonly sla: SlaService,
    private readonly tickets: TicketService,
    private readonly lockRows: boolean,
    private readonly logger: Logger,
  ) {}

  /** Another worker over the same services, competing for the same rows (as a second instance would). */
  sibling(): SlaWorker {
    return new SlaWorker(this.orm, this.sla, this.tickets, this.lockRows, this.logger);
  }

  start(intervalMs: number): void {
    if (intervalMs <= 0) return;
    this.timer = setInterval(() => {
      this.running ??= this.runOnce()
        .catch((err) => {
          this.logger.error({ err }, 'SLA worker run failed');
          return 0;
        })
        .finally(() => (this.running = undefined));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass at time `now` (injectable for tests). Returns how many tickets changed. */
  async runOnce(now = new Date()): Promise<number> {
    // Cross-tenant: the worker serves every tenant; each ticket is then handled in its own tenant scope.
    const due = await this.orm.em.fork().find(
      Ticket,
      { slaNextCheckAt: { $lte: now } },
      { ...CROSS_TENANT, fields: ['id', 'tenantId', 'slaNextCheckAt'], orderBy: { slaNextCheckAt: 'asc' }, limit: BATCH },
    );
    // How late this run is for the most overdue ticket (the metric an operator alerts on).
    const oldest = due[0]?.slaNextCheckAt;
    slaWorkerLag.set(oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0);
    let changed = 0;
    for (const t of due) if (await this.process(t.tenantId, t.id, now)) changed++;
    slaWorkerRuns.inc({ result: changed ? 'changed' : 'idle' });
    return changed;
  }

  private async process(tenantId: string, id: string, now: Date): Promise<boolean> {
    const recorded: RecordedChange[] = [];
    await forTenant(this.orm.em, tenantId).transactional(async (tx) => {
      const lock = this.lockRows ? { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE } : {};
      const ticket = await tx.findOne(Ticket, { id, slaNextCheckAt: { $lte: now } }, lock);
      if (!ticket) return; // another worker holds it, or it no longer needs attention
      const cal = await this.sla.calendar(tx);
      const changes = await this.tickets.write(
        tx,
        ticket,
        null,
        (_tx, t, events) => {
          for (const clock of newlyAtRisk(t, now)) {
            markNotified(t, clock);
            events.push({ type: TicketEventType.SLA_AT_RISK, internal: true, payload: { sla: clock } });
          }
          const level = targetLevel(t, cal, now);
          if (level > t.escalationLevel) {
            const from = t.escalationLevel;
            const clock: SlaClockName = level >= 2 ? 'RESOLUTION' : 'FIRST_RESPONSE';
            markNotified(t, 'FIRST_RESPONSE');
            if (level >= 2) markNotified(t, 'RESOLUTION');
            t.escalationLevel = level;
            events.push({
              type: TicketEventType.SLA_ESCALATED,
              internal: true,
              payload: { sla: clock, changes: [{ field: 'escalationLevel', from: String(from), to: String(level) }] },
            });
          }
          // When the worker should look next, whether or not anything was due.
          reindex(t, cal, now);
        },
        now,
      );
      recorded.push(...changes);
    });
    await this.tickets.committed(recorded);
    return recorded.length > 0;
  }
}
