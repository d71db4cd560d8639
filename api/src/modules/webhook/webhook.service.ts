import { randomBytes } from 'node:crypto';
import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { Principal } from '../../platform/auth/principal.js';
import type { WebhookConfig } from '../../platform/config.js';
import { badInput, notFound } from '../../platform/errors.js';
import { cursorString, decodeCursor, encodeCursor, forwardPage, pageSize, type Connection } from '../../platform/graphql/pagination.js';
import { assertPublicUrl } from '../../platform/http/outbound.js';
import { TicketEvent, type TicketEventType } from '../activity/ticket-event.entity.js';
import { DeliveryStatus, WebhookDelivery, WebhookEndpoint } from './webhook.entity.js';
import type { CreateWebhookEndpointInput, CreateWebhookEndpointPayload, WebhookDeliveryType, WebhookEndpointType } from './webhook.types.js';

export function toEndpointType(e: WebhookEndpoint): WebhookEndpointType {
  return {
    id: e.id,
    url: e.url,
    eventTypes: e.eventTypes as TicketEventType[],
    enabled: e.enabled,
    disabledAt: e.disabledAt,
    disabledReason: e.disabledReason,
    failingSince: e.failingSince,
    createdAt: e.createdAt,
  };
}

export function toDeliveryType(d: WebhookDelivery): WebhookDeliveryType {
  return {
    id: d.id,
    endpointId: d.endpointId,
    eventId: d.eventId,
    eventSeq: d.eventSeq,
    eventType: d.eventType as TicketEventType,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.status === DeliveryStatus.PENDING ? d.nextAttemptAt : null,
    lastAttemptAt: d.lastAttemptAt,
    responseStatus: d.responseStatus,
    latencyMs: d.latencyMs,
    error: d.lastError,
    deliveredAt: d.deliveredAt,
    createdAt: d.createdAt,
  };
}

/** Webhook administration: endpoints, the delivery log and redelivery. Delivery itself is the worker's. */
export class WebhookService {
  constructor(
    private readonly config: WebhookConfig,
    private readonly now: () => number,
    private readonly kick: () => void,
  ) {}

  async create(em: EntityManager, p: Principal, input: CreateWebhookEndpointInput): Promise<CreateWebhookEndpointPayload> {
    const url = new URL(input.url);
    if (url.username || url.password) throw badInput({ url: ['must not contain credentials'] });
    if (!this.config.allowPrivate) {
      try {
        await assertPublicUrl(url);
      } catch (error) {
        throw badInput({ url: [(error as Error).message.includes('private') ? 'must not point to a private, loopback or link-local address' : 'does not resolve'] });
      }
    }
    // Only events committed from now on: the newest seq is where the dispatcher starts.
    const newest = await em.findOne(TicketEvent, {}, { orderBy: { seq: 'desc' }, fields: ['seq'] });
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const endpoint = em.create(WebhookEndpoint, {
      url: url.toString(),
      eventTypes: [...new Set(input.eventTypes ?? [])].sort(),
      secret,
      createdById: p.userId,
      cursorSeq: newest?.seq ?? 0,
    });
    await em.flush();
    return { endpoint: toEndpointType(endpoint), secret };
  }

  async list(em: EntityManager): Promise<WebhookEndpointType[]> {
    return (await em.find(WebhookEndpoint, {}, { orderBy: { createdAt: 'asc', id: 'asc' } })).map(toEndpointType);
  }

  async delete(em: EntityManager, id: string): Promise<boolean> {
    await this.endpoint(em, id);
    await em.transactional(async (tx) => {
      await tx.nativeDelete(WebhookDelivery, { endpointId: id });
      await tx.nativeDelete(WebhookEndpoint, { id });
    });
    return true;
  }

  /** Turns a disabled endpoint back on; its pending deliveries get a fresh retry window. */
  async enable(em: EntityManager, id: string): Promise<WebhookEndpointType> {
    const endpoint = await this.endpoint(em, id);
    const now = new Date(this.now());
    await em.transactional(async (tx) => {
      Object.assign(endpoint, { enabled: true, disabledAt: null, disabledReason: null, failingSince: null });
      tx.persist(endpoint);
      await tx.nativeUpdate(
        WebhookDelivery,
        { endpointId: id, status: DeliveryStatus.PENDING },
        { nextAttemptAt: now, giveUpAt: new Date(now.getTime() + this.config.retryWindowSeconds * 1000) },
      );
    });
    this.kick();
    return toEndpointType(endpoint);
  }

  async deliveries(
    em: EntityManager,
    filter: { endpointId?: string | null; status?: DeliveryStatus | null },
    first?: number | null,
    after?: string | null,
  ): Promise<Connection<WebhookDeliveryType>> {
    const limit = pageSize(first, 20);
    const where: FilterQuery<WebhookDelivery> = {
      ...(filter.endpointId ? { endpointId: filter.endpointId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
    };
    const page: FilterQuery<WebhookDelivery> = after ? { $and: [where, { id: { $lt: cursorString(decodeCursor(after, 'after', 1)[0]) } }] } : where;
    const [rows, totalCount] = await Promise.all([
      em.find(WebhookDelivery, page, { orderBy: { id: 'desc' }, limit: limit + 1 }),
      em.count(WebhookDelivery, where),
    ]);
    return { ...forwardPage(rows, limit, !!after, (d) => ({ cursor: encodeCursor([d.id]), node: toDeliveryType(d) })), totalCount };
  }

  /** Sends a delivery again, with the same delivery id, as soon as a worker picks it up. */
  async redeliver(em: EntityManager, id: string): Promise<WebhookDeliveryType> {
    const delivery = await em.findOne(WebhookDelivery, { id });
    if (!delivery) throw notFound('Webhook delivery');
    const endpoint = await this.endpoint(em, delivery.endpointId);
    if (!endpoint.enabled) throw badInput({ deliveryId: ['its endpoint is disabled: enable it first'] });
    const now = new Date(this.now());
    Object.assign(delivery, {
      status: DeliveryStatus.PENDING,
      nextAttemptAt: now,
      giveUpAt: new Date(now.getTime() + this.config.retryWindowSeconds * 1000),
      lockedBy: null,
      lockedUntil: null,
    });
    await em.flush();
    this.kick();
    return toDeliveryType(delivery);
  }

  private async endpoint(em: EntityManager, id: string): Promise<WebhookEndpoint> {
    const endpoint = await em.findOne(WebhookEndpoint, { id });
    if (!endpoint) throw notFound('Webhook endpoint');
    return endpoint;
  }
}
