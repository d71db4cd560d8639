import type { MikroORM } from '@mikro-orm/core';
import type { WebhookConfig } from '../../platform/config.js';
import { TenantCounter } from '../../platform/db/counter.entity.js';
import { CROSS_TENANT, forTenant } from '../../platform/db/scope.js';
import { postJson } from '../../platform/http/outbound.js';
import type { Logger } from '../../platform/logger.js';
import { webhookDeliveries, webhookDeliveryDuration } from '../../platform/metrics/metrics.js';
import { claimDue, ClaimTokens, outboxStats, PollingWorker, retryDelayMs } from '../../platform/outbox/outbox.js';
import { EVENT_SEQ_COUNTER, TicketEvent } from '../activity/ticket-event.entity.js';
import { toPublicEvent, type PublicTicketEvent } from '../activity/ticket-event.format.js';
import { DeliveryStatus, WebhookDelivery, WebhookEndpoint } from './webhook.entity.js';
import { changeKinds } from '../ticket/ticket.policy.js';
import { signPayload } from './webhook.signature.js';

const SCAN_BATCH = 500;
const CLAIM_BATCH = 20;

/** The JSON a receiver gets: the public event format, the same the change feed and subscription have. */
export function webhookBody(e: TicketEvent): PublicTicketEvent {
  return toPublicEvent(e);
}

/**
 * Runs on every instance. Each pass (1) turns new TicketEvent rows into delivery rows per
 * endpoint, advancing the endpoint's cursor in the same transaction, and (2) claims due
 * deliveries with a conditional UPDATE (after SELECT ... FOR UPDATE SKIP LOCKED where the
 * database has it), so one attempt is made by exactly one instance, then sends them.
 * Background work across tenants: rows are read across tenants, and each is then handled
 * in its own tenant's scope.
 */
export class WebhookWorker extends PollingWorker {
  private readonly tokens = new ClaimTokens();

  constructor(
    private readonly orm: MikroORM,
    private readonly config: WebhookConfig,
    private readonly lockRows: boolean,
    logger: Logger,
    private readonly now: () => number,
  ) {
    super('webhook worker', config.pollMs, logger);
  }

  /** The outbox for the metrics: pending deliveries (due or waiting to retry) and the oldest one's age. */
  async outbox(): Promise<{ outbox: string; depth: number; oldestAgeSeconds: number }> {
    const em = this.orm.em.fork({ clear: true, useContext: false });
    return outboxStats(em, WebhookDelivery, 'webhook', { status: DeliveryStatus.PENDING }, this.now(), CROSS_TENANT);
  }

  /** One pass: dispatch new events, then attempt due deliveries. */
  protected async pass(): Promise<boolean> {
    const endpoints = await this.dispatch();
    return (await this.deliverDue(endpoints)) === CLAIM_BATCH;
  }

  private async dispatch(): Promise<Map<string, WebhookEndpoint>> {
    const em = this.orm.em.fork({ clear: true, useContext: false });
    const endpoints = await em.find(WebhookEndpoint, { enabled: true }, CROSS_TENANT);
    // Each tenant's last event seq, in one read: only an endpoint behind it has events to
    // dispatch, so a pass costs two statements however many tenants have endpoints, plus one
    // per endpoint with new events. A seq not committed yet is seen at the kick after its commit.
    const tenantIds = [...new Set(endpoints.map((e) => e.tenantId))];
    const counters = tenantIds.length ? await em.find(TenantCounter, { name: EVENT_SEQ_COUNTER, tenantId: { $in: tenantIds } }) : [];
    const lastSeq = new Map(counters.map((c) => [c.tenantId, Number(c.value)]));
    for (const endpoint of endpoints) {
      if ((lastSeq.get(endpoint.tenantId) ?? 0) <= endpoint.cursorSeq) continue;
      try {
        await this.dispatchEndpoint(endpoint);
      } catch (err) {
        this.logger.warn({ err: (err as Error).message, endpointId: endpoint.id }, 'could not create webhook deliveries');
      }
    }
    return new Map(endpoints.map((e) => [e.id, e]));
  }

  private async dispatchEndpoint(endpoint: WebhookEndpoint): Promise<void> {
    const em = forTenant(this.orm.em, endpoint.tenantId);
    const events = await em.find(TicketEvent, { seq: { $gt: endpoint.cursorSeq } }, { orderBy: { seq: 'asc' }, limit: SCAN_BATCH });
    if (!events.length) return;
    const wanted = events.filter(
      (e) => !e.internal && (!endpoint.eventTypes.length || changeKinds(e.type, e.payload.changes).some((k) => endpoint.eventTypes.includes(k))),
    );
    const now = this.now();
    await em.transactional(async (tx) => {
      // Conditional cursor move: when another instance already moved it, this one writes nothing.
      const moved = await tx.nativeUpdate(WebhookEndpoint, { id: endpoint.id, cursorSeq: endpoint.cursorSeq }, { cursorSeq: events.at(-1)!.seq });
      if (moved !== 1) return;
      for (const e of wanted) {
        tx.create(WebhookDelivery, {
          endpointId: endpoint.id,
          eventId: e.id,
          eventSeq: e.seq,
          eventType: e.type,
          nextAttemptAt: new Date(now),
          giveUpAt: new Date(now + this.config.retryWindowSeconds * 1000),
        });
      }
    });
    if (events.length === SCAN_BATCH) this.more();
  }

  /** Claims and attempts up to one batch of due deliveries; returns how many were claimed. */
  private async deliverDue(endpoints: Map<string, WebhookEndpoint>): Promise<number> {
    if (!endpoints.size) return 0;
    const now = new Date(this.now());
    const token = this.tokens.next();
    const claimed = await claimDue(this.orm.em.fork({ clear: true, useContext: false }), WebhookDelivery, token, {
      due: { status: DeliveryStatus.PENDING, nextAttemptAt: { $lte: now }, endpointId: { $in: [...endpoints.keys()] } },
      now,
      limit: CLAIM_BATCH,
      lockedUntil: new Date(now.getTime() + this.config.timeoutMs + 30_000),
      lockRows: this.lockRows,
      options: CROSS_TENANT,
    });
    await Promise.all(claimed.map((d) => this.attempt(d, endpoints.get(d.endpointId)!, token)));
    return claimed.length;
  }

  private async attempt(d: WebhookDelivery, endpoint: WebhookEndpoint, token: string): Promise<void> {
    const em = forTenant(this.orm.em, d.tenantId);
    let responseStatus: number | null = null;
    let latencyMs: number | null = null;
    let error: string | null = null;
    const stopTimer = webhookDeliveryDuration.startTimer();
    try {
      const event = await em.findOneOrFail(TicketEvent, { id: d.eventId });
      const body = JSON.stringify(webhookBody(event));
      const timestamp = Math.floor(this.now() / 1000);
      const result = await postJson(endpoint.url, body, {
        timeoutMs: this.config.timeoutMs,
        allowPrivate: this.config.allowPrivate,
        headers: {
          'user-agent': 'Sociodesk-Webhooks/1',
          'x-sociodesk-event': d.eventType,
          'x-sociodesk-delivery': d.id,
          'x-sociodesk-timestamp': String(timestamp),
          'x-sociodesk-signature': signPayload(endpoint.secret, timestamp, body),
        },
      });
      responseStatus = result.status;
      latencyMs = result.latencyMs;
      if (result.status < 200 || result.status >= 300) error = `HTTP ${result.status}`;
    } catch (err) {
      error = (err as Error).message.slice(0, 500);
    }
    stopTimer();
    const at = new Date(this.now());
    const attempts = d.attempts + 1;
    const mine = { id: d.id, lockedBy: token };
    const common = { attempts, lastAttemptAt: at, responseStatus, latencyMs, lastError: error, lockedBy: null, lockedUntil: null };
    webhookDeliveries.inc({ outcome: !error ? 'succeeded' : at.getTime() < d.giveUpAt.getTime() ? 'retry' : 'failed' });
    if (!error) {
      await em.nativeUpdate(WebhookDelivery, mine, { ...common, status: DeliveryStatus.SUCCEEDED, deliveredAt: at });
      await em.nativeUpdate(WebhookEndpoint, { id: endpoint.id, failingSince: { $ne: null } }, { failingSince: null });
      return;
    }
    await em.nativeUpdate(WebhookEndpoint, { id: endpoint.id, failingSince: null }, { failingSince: at });
    if (at.getTime() < d.giveUpAt.getTime()) {
      const next = new Date(at.getTime() + retryDelayMs(attempts, this.config.retryBaseMs, this.config.retryMaxDelayMs));
      await em.nativeUpdate(WebhookDelivery, mine, { ...common, nextAttemptAt: next });
      return;
    }
    await em.nativeUpdate(WebhookDelivery, mine, { ...common, status: DeliveryStatus.FAILED });
    const reason = `Disabled ${at.toISOString()}: delivery ${d.id} still failing after ${attempts} attempts (${error})`.slice(0, 300);
    const disabled = await em.nativeUpdate(WebhookEndpoint, { id: endpoint.id, enabled: true }, { enabled: false, disabledAt: at, disabledReason: reason });
    if (disabled) {
      // The admins' notice until in-app notifications exist: a log line and the endpoint's disabledReason.
      this.logger.warn({ tenantId: d.tenantId, endpointId: endpoint.id, url: endpoint.url, attempts, error }, 'webhook endpoint disabled after sustained delivery failures');
    }
  }
}
