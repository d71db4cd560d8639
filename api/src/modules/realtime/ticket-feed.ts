import type { MikroORM } from '@mikro-orm/core';
import { forTenant } from '../../platform/db/scope.js';
import type { Logger } from '../../platform/logger.js';
import { FANOUT_RESTORED } from '../../platform/pubsub/event-bus.js';
import { eventDispatchLag } from '../../platform/metrics/metrics.js';
import type { AppPubSub } from '../../platform/pubsub/pubsub.js';
import { PushQueue } from '../../platform/realtime/push-queue.js';
import { TicketEvent } from '../activity/ticket-event.entity.js';
import { toPublicEvent, type PublicTicketEvent } from '../activity/ticket-event.format.js';

/** A committed TicketEvent as it travels through pub/sub: the public event plus its tenant, for routing. */
export interface TicketEventEnvelope extends PublicTicketEvent {
  tenantId: string;
  /** Staff triage data only (tag change, priority-only update); see ticket.policy.ts isTriageOnly. Never sent out. */
  triage?: boolean;
}

export const toEnvelope = (e: TicketEvent): TicketEventEnvelope => ({ ...toPublicEvent(e), tenantId: e.tenantId, triage: e.triage });

const topic = (tenantId: string) => `ticket-events:${tenantId}`;
const GAP_WAIT_MS = 150;
const CATCH_UP_PAGE = 500;

/**
 * One ordered stream of a tenant's events per process. Events may arrive out of order or
 * twice (local delivery, other instances through Redis); the channel drops duplicates by
 * seq and, when a seq is missing for a moment, reads the gap from the durable table.
 */
class TenantChannel {
  private lastSeq: number | undefined;
  /** The tenant's last seq when the channel opened: where a catch-up starts before any event arrived. */
  private baseline: number | undefined;
  private readonly buffer = new Map<number, TicketEventEnvelope>();
  private gapTimer: NodeJS.Timeout | undefined;
  readonly consumers = new Set<PushQueue<TicketEventEnvelope>>();
  private readonly source: AsyncIterator<unknown>;

  constructor(
    private readonly tenantId: string,
    pubSub: AppPubSub,
    private readonly loadRange: (tenantId: string, from: number, to: number) => Promise<TicketEventEnvelope[]>,
    private readonly logger: Logger,
    private readonly loadAfter: (tenantId: string, afterSeq: number, limit: number) => Promise<TicketEventEnvelope[]>,
    lastSeqOf: (tenantId: string) => Promise<number>,
  ) {
    this.source = pubSub.subscribe(topic(tenantId))[Symbol.asyncIterator]();
    void this.pump();
    lastSeqOf(tenantId).then(
      (seq) => (this.baseline = seq),
      (err: Error) => this.logger.warn({ err: err.message }, 'could not read the last ticket event seq'),
    );
  }

  /**
   * Reads every committed event after the last one delivered, without waiting for the next
   * live one: called when the fan-out comes back after an outage, during which other
   * instances' events did not reach this process.
   */
  async catchUp(): Promise<void> {
    let after = this.lastSeq ?? this.baseline;
    if (after === undefined) return;
    try {
      for (;;) {
        const rows = await this.loadAfter(this.tenantId, after, CATCH_UP_PAGE);
        if (!rows.length) return;
        this.lastSeq ??= after;
        for (const e of rows) this.receive(e);
        if (rows.length < CATCH_UP_PAGE) return;
        after = rows[rows.length - 1].seq;
      }
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'could not catch up on ticket events');
    }
  }

  private async pump(): Promise<void> {
    for (;;) {
      const next = await this.source.next();
      if (next.done) return;
      this.receive(next.value as TicketEventEnvelope);
    }
  }

  private receive(e: TicketEventEnvelope): void {
    if (this.lastSeq === undefined) this.lastSeq = e.seq - 1;
    if (e.seq <= this.lastSeq || this.buffer.has(e.seq)) return;
    this.buffer.set(e.seq, e);
    this.drain();
    if (this.buffer.size && !this.gapTimer) this.gapTimer = setTimeout(() => void this.fillGap(), GAP_WAIT_MS);
  }

  private drain(): void {
    while (this.lastSeq !== undefined && this.buffer.has(this.lastSeq + 1)) {
      const e = this.buffer.get(this.lastSeq + 1)!;
      this.buffer.delete(e.seq);
      this.lastSeq = e.seq;
      // Live path only (replays are not lag): from the row's write to handing it to the subscriptions.
      if (this.consumers.size) eventDispatchLag.observe({ stream: 'ticket_events' }, Math.max(0, Date.now() - Date.parse(e.createdAt)) / 1000);
      for (const consumer of this.consumers) consumer.push(e);
    }
  }

  private async fillGap(): Promise<void> {
    this.gapTimer = undefined;
    if (!this.buffer.size || this.lastSeq === undefined) return;
    const upTo = Math.min(...this.buffer.keys()) - 1;
    try {
      for (const e of await this.loadRange(this.tenantId, this.lastSeq + 1, upTo)) this.buffer.set(e.seq, e);
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'could not read missing ticket events');
    }
    // Whatever is still missing did not commit: move past it.
    if (!this.buffer.has(this.lastSeq + 1)) this.lastSeq = Math.min(...this.buffer.keys()) - 1;
    this.drain();
    if (this.buffer.size) this.gapTimer = setTimeout(() => void this.fillGap(), GAP_WAIT_MS);
  }

  close(): void {
    clearTimeout(this.gapTimer);
    void this.source.return?.();
  }
}

/** Publishes committed events and hands each process an ordered, de-duplicated stream per tenant. */
export class TicketFeed {
  private readonly channels = new Map<string, TenantChannel>();

  constructor(
    private readonly pubSub: AppPubSub,
    private readonly orm: MikroORM,
    private readonly logger: Logger,
  ) {
    void this.catchUpOnRestore();
  }

  /** When the cross-instance fan-out is back, every open channel reads what it missed. */
  private async catchUpOnRestore(): Promise<void> {
    for await (const _ of this.pubSub.subscribe(FANOUT_RESTORED)) {
      for (const channel of this.channels.values()) void channel.catchUp();
    }
  }

  /** Called after commit, in seq order. */
  publish(events: TicketEvent[]): void {
    for (const e of [...events].sort((a, b) => a.seq - b.seq)) this.pubSub.publish(topic(e.tenantId), toEnvelope(e));
  }

  /** Live events of a tenant, in seq order, starting now. */
  subscribe(tenantId: string): PushQueue<TicketEventEnvelope> {
    let channel = this.channels.get(tenantId);
    if (!channel) {
      channel = new TenantChannel(
        tenantId,
        this.pubSub,
        (t, from, to) => this.loadRange(t, from, to),
        this.logger,
        (t, after, limit) => this.loadAfter(t, after, limit),
        (t) => this.lastSeq(t),
      );
      this.channels.set(tenantId, channel);
    }
    const ch = channel;
    const queue: PushQueue<TicketEventEnvelope> = new PushQueue(() => {
      ch.consumers.delete(queue);
      if (ch.consumers.size === 0) {
        ch.close();
        this.channels.delete(tenantId);
      }
    }, 10_000);
    ch.consumers.add(queue);
    return queue;
  }

  /** Up to `limit` committed events of a tenant after `afterSeq`, in seq order (replay). */
  async loadAfter(tenantId: string, afterSeq: number, limit: number): Promise<TicketEventEnvelope[]> {
    // Background read outside any request: scope explicitly to the tenant.
    const em = forTenant(this.orm.em, tenantId);
    const rows = await em.find(TicketEvent, { seq: { $gt: afterSeq } }, { orderBy: { seq: 'asc' }, limit });
    return rows.map(toEnvelope);
  }

  /** The tenant's latest committed seq (0 when it has none). */
  async lastSeq(tenantId: string): Promise<number> {
    // Background read outside any request: scope explicitly to the tenant.
    const em = forTenant(this.orm.em, tenantId);
    const last = await em.findOne(TicketEvent, {}, { orderBy: { seq: 'desc' }, fields: ['seq'] });
    return last?.seq ?? 0;
  }

  async loadRange(tenantId: string, from: number, to: number): Promise<TicketEventEnvelope[]> {
    if (to < from) return [];
    // Background read outside any request: scope explicitly to the channel's tenant.
    const em = forTenant(this.orm.em, tenantId);
    const rows = await em.find(TicketEvent, { seq: { $gte: from, $lte: to } }, { orderBy: { seq: 'asc' } });
    return rows.map(toEnvelope);
  }
}
