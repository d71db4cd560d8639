import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { TicketEvent } from '../activity/ticket-event.entity.js';
import { Scope } from '../../platform/auth/scopes.js';
import { ApiKey } from '../apikey/api-key.entity.js';
import { Notification, NotificationType } from '../notification/notification.entity.js';
import { Ticket } from '../ticket/ticket.entity.js';
import { TicketEventType } from '../ticket/ticket.events.js';
import { DeliveryStatus, WebhookDelivery, WebhookEndpoint } from '../webhook/webhook.entity.js';

const HOUR = 3_600_000;
const hex = (value: string) => createHash('sha256').update(value).digest('hex');

/** What each kind of event tells the members who are notified of it. */
const NOTIFIED: Partial<Record<TicketEventType, NotificationType>> = {
  [TicketEventType.TICKET_CREATED]: NotificationType.TICKET_CREATED,
  [TicketEventType.TICKET_ASSIGNED]: NotificationType.TICKET_ASSIGNED,
  [TicketEventType.MESSAGE_POSTED]: NotificationType.MESSAGE_POSTED,
  [TicketEventType.STATUS_CHANGED]: NotificationType.STATUS_CHANGED,
};

/**
 * The settings screens of a demo tenant with something on them, deterministically, from the
 * tenant's latest history events: in-app notifications for the staff (the older half read),
 * two webhooks on reserved example domains with their deliveries (one endpoint disabled after
 * failures, so nothing is retried), and two API keys. The keys' hashes are of no secret
 * anyone holds (a real key is `sdk_live_<id>_<random>`), so they show in the list but
 * cannot sign in.
 */
export async function seedDemoIntegrations(tx: EntityManager, slug: string, people: { adminId: string; agentIds: string[] }, now: number): Promise<void> {
  const events = await tx.find(TicketEvent, { internal: false }, { orderBy: { seq: 'desc' }, limit: 24 });
  if (!events.length) return;
  const tickets = new Map((await tx.find(Ticket, { id: { $in: [...new Set(events.map((e) => e.ticketId))] } })).map((t) => [t.id, t]));
  const staff = [people.adminId, ...people.agentIds];
  let n = 0;
  for (const e of events) {
    const type = NOTIFIED[e.type];
    const ticket = tickets.get(e.ticketId);
    if (!type || !ticket) continue;
    const recipientId = staff[n % staff.length];
    tx.create(Notification, {
      recipientId, type, ticketId: ticket.id, eventId: e.id, createdAt: e.createdAt,
      params: { ticketNumber: ticket.number, ticketTitle: ticket.title, actorName: null, status: type === NotificationType.STATUS_CHANGED ? ticket.status : null },
      readAt: n >= 6 ? new Date(e.createdAt.getTime() + HOUR) : null,
    });
    n++;
  }

  const lastSeq = events[0].seq;
  const live = tx.create(WebhookEndpoint, {
    url: `https://example.com/hooks/${slug}/sociodesk`, eventTypes: [], secret: hex(`demo-webhook:${slug}:crm`).slice(0, 64),
    createdById: people.adminId, cursorSeq: lastSeq, createdAt: new Date(now - 30 * 24 * HOUR),
  });
  const broken = tx.create(WebhookEndpoint, {
    url: `https://example.org/${slug}/status-board`, eventTypes: [TicketEventType.STATUS_CHANGED, TicketEventType.TICKET_CREATED],
    secret: hex(`demo-webhook:${slug}:board`).slice(0, 64), createdById: people.adminId, cursorSeq: lastSeq, enabled: false,
    disabledAt: new Date(now - 2 * HOUR), disabledReason: 'Deliveries kept failing for 24 hours (HTTP 503)', failingSince: new Date(now - 26 * HOUR),
    createdAt: new Date(now - 20 * 24 * HOUR),
  });
  for (const [i, e] of events.slice(0, 10).entries()) {
    const at = e.createdAt;
    tx.create(WebhookDelivery, {
      endpointId: live.id, eventId: e.id, eventSeq: e.seq, eventType: e.type, status: DeliveryStatus.SUCCEEDED, attempts: i === 3 ? 2 : 1,
      nextAttemptAt: at, giveUpAt: new Date(at.getTime() + 24 * HOUR), lastAttemptAt: at, responseStatus: 200, latencyMs: 80 + ((i * 37) % 160), deliveredAt: at,
    });
  }
  for (const e of events.filter((x) => broken.eventTypes.includes(x.type)).slice(0, 3)) {
    tx.create(WebhookDelivery, {
      endpointId: broken.id, eventId: e.id, eventSeq: e.seq, eventType: e.type, status: DeliveryStatus.FAILED, attempts: 9,
      nextAttemptAt: e.createdAt, giveUpAt: e.createdAt, lastAttemptAt: e.createdAt, responseStatus: 503, latencyMs: 30000, lastError: 'HTTP 503 Service Unavailable',
    });
  }

  const key = (name: string, scopes: string[], days: number, lastUsedHours: number | null) =>
    tx.create(ApiKey, {
      name, scopes, publicId: hex(`demo-key:${slug}:${name}`).slice(0, 12), secretHash: hex(`demo-key-unusable:${slug}:${name}`),
      createdById: people.adminId, createdAt: new Date(now - days * 24 * HOUR), lastUsedAt: lastUsedHours === null ? null : new Date(now - lastUsedHours * HOUR),
    });
  key('Analytics export', [Scope.REPORTS_READ], 45, 3);
  key('CRM sync', [Scope.TICKETS_READ, Scope.TICKETS_WRITE], 60, 1);
}
