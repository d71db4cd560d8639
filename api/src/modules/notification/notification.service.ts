import type { EntityManager } from '@mikro-orm/core';
import { Role, type Principal } from '../../platform/auth/principal.js';
import { cursorString, decodeCursor, encodeCursor, forwardPage, pageSize, type Connection } from '../../platform/graphql/pagination.js';
import type { AppPubSub } from '../../platform/pubsub/pubsub.js';
import { mapFilter } from '../../platform/realtime/iterators.js';
import type { TicketEvent } from '../activity/ticket-event.entity.js';
import type { Ticket } from '../ticket/ticket.entity.js';
import { TicketEventType } from '../ticket/ticket.events.js';
import { Membership } from '../user/membership.entity.js';
import { Notification, NotificationType, SlaClock, type NotificationParams } from './notification.entity.js';

/** Each member's own topic: a notification is published there once, after its transaction commits. */
const topic = (tenantId: string, userId: string) => `notifications:${tenantId}:${userId}`;

/** A notification as it travels through pub/sub. */
type NotificationMessage = Pick<Notification, 'id' | 'tenantId' | 'recipientId' | 'type' | 'ticketId' | 'eventId' | 'params'> & { createdAt: string };

async function adminsOf(tx: EntityManager): Promise<string[]> {
  // Whole rows: a partially loaded membership would be flushed back with fresh timestamps.
  const admins = await tx.find(Membership, { role: Role.ADMIN, active: true });
  return admins.map((m) => m.user.id);
}

async function memberOf(tx: EntityManager, userId: string | null): Promise<Membership | null> {
  if (!userId) return null;
  return tx.findOne(Membership, { user: userId, active: true }, { populate: ['user'] });
}

const isStaffRole = (m: Membership | null) => m?.role === Role.ADMIN || m?.role === Role.AGENT;

/**
 * Who hears about what, and live delivery. Notifications are written inside the transaction
 * that records their event (a committed change always has them, a rolled-back one none),
 * stored as a type with parameters (the client words them), and published to each
 * recipient's topic after commit. Never to the actor.
 */
export class NotificationService {
  /** Notifications written for an event, until its transaction commits (rolled-back ones are collected with the event). */
  private readonly pending = new WeakMap<TicketEvent, Notification[]>();

  constructor(private readonly pubSub: AppPubSub) {}

  /** A hook on the ticket's event log: runs inside the recording transaction. */
  async record(tx: EntityManager, event: TicketEvent, ticket: Ticket): Promise<void> {
    const plan = await this.plan(tx, event, ticket);
    if (!plan) return;
    const actor = plan.recipients.some((r) => r && r !== event.actorId) ? await memberOf(tx, event.actorId) : null;
    const params: NotificationParams = { ticketNumber: ticket.number, ticketTitle: ticket.title, actorName: actor?.user.name ?? null, ...plan.params };
    const created: Notification[] = [];
    for (const recipientId of new Set(plan.recipients)) {
      if (!recipientId || recipientId === event.actorId) continue;
      const n = tx.create(Notification, { recipientId, type: plan.type, ticketId: ticket.id, eventId: event.id, params });
      tx.persist(n);
      created.push(n);
    }
    if (created.length) this.pending.set(event, created);
  }

  /** A listener on the event log: publishes the committed events' notifications to their recipients. */
  published(events: TicketEvent[]): void {
    for (const event of events) {
      for (const n of this.pending.get(event) ?? []) {
        const { id, tenantId, recipientId, type, ticketId, eventId, params } = n;
        const message: NotificationMessage = { id, tenantId, recipientId, type, ticketId, eventId, params, createdAt: n.createdAt.toISOString() };
        this.pubSub.publish(topic(n.tenantId, n.recipientId), message);
      }
      this.pending.delete(event);
    }
  }

  /** The principal's new notifications, live: no database read per event. */
  added(p: Principal): AsyncIterableIterator<Notification> {
    const source = this.pubSub.subscribe(topic(p.tenantId, p.userId)) as AsyncIterable<unknown>;
    return mapFilter(source[Symbol.asyncIterator]() as AsyncIterableIterator<unknown>, (raw) => {
      const m = raw as NotificationMessage;
      return Object.assign(new Notification(), { ...m, readAt: null, createdAt: new Date(m.createdAt) });
    });
  }

  private async plan(tx: EntityManager, event: TicketEvent, ticket: Ticket) {
    const sla = event.payload.sla === SlaClock.RESOLUTION ? SlaClock.RESOLUTION : SlaClock.FIRST_RESPONSE;
    switch (event.type) {
      case TicketEventType.TICKET_CREATED:
        return { type: NotificationType.TICKET_CREATED, params: {}, recipients: [...(await adminsOf(tx)), ticket.assigneeId] };
      case TicketEventType.TICKET_ASSIGNED:
      case TicketEventType.TICKET_CLAIMED:
      case TicketEventType.CHAT_ASSIGNED:
        return { type: NotificationType.TICKET_ASSIGNED, params: {}, recipients: [ticket.assigneeId] };
      case TicketEventType.MESSAGE_POSTED: {
        if (event.internal) return null;
        // Staff replies go to the customer; everything else (the customer, a partner app) to the staff side.
        const fromStaff = isStaffRole(await memberOf(tx, event.actorId));
        const recipients = fromStaff ? [ticket.customerId] : ticket.assigneeId ? [ticket.assigneeId] : await adminsOf(tx);
        return { type: NotificationType.MESSAGE_POSTED, params: {}, recipients };
      }
      case TicketEventType.STATUS_CHANGED:
        return { type: NotificationType.STATUS_CHANGED, params: { status: ticket.status }, recipients: [ticket.customerId] };
      case TicketEventType.MACRO_APPLIED: {
        // Per change, as if each had been made alone: a new status tells the customer, a new assignee the agent.
        const fields = new Set((event.payload.changes ?? []).map((c) => c.field));
        if (fields.has('status')) return { type: NotificationType.STATUS_CHANGED, params: { status: ticket.status }, recipients: [ticket.customerId] };
        if (fields.has('assigneeId')) return { type: NotificationType.TICKET_ASSIGNED, params: {}, recipients: [ticket.assigneeId] };
        return null;
      }
      case TicketEventType.SLA_AT_RISK:
        return { type: NotificationType.SLA_AT_RISK, params: { clock: sla }, recipients: [ticket.assigneeId, ...(await adminsOf(tx))] };
      case TicketEventType.SLA_ESCALATED:
        return {
          type: NotificationType.SLA_BREACHED,
          params: { clock: sla, level: ticket.escalationLevel },
          recipients: [ticket.assigneeId, ...(await adminsOf(tx))],
        };
      default:
        return null;
    }
  }

  async list(em: EntityManager, p: Principal, unreadOnly: boolean, first?: number | null, after?: string | null): Promise<Connection<Notification>> {
    const limit = pageSize(first, 20);
    const where = { recipientId: p.userId, ...(unreadOnly ? { readAt: null } : {}) };
    const page = after ? { ...where, id: { $lt: cursorString(decodeCursor(after, 'after', 1)[0]) } } : where;
    const [rows, totalCount] = await Promise.all([
      em.find(Notification, page, { orderBy: { id: 'desc' }, limit: limit + 1 }),
      em.count(Notification, where),
    ]);
    return { ...forwardPage(rows, limit, !!after, (node) => ({ node, cursor: encodeCursor([node.id]) })), totalCount };
  }

  unreadCount(em: EntityManager, p: Principal): Promise<number> {
    return em.count(Notification, { recipientId: p.userId, readAt: null });
  }

  /** Marks the given notifications (or all) read; returns how many changed. */
  markRead(em: EntityManager, p: Principal, ids: string[] | null | undefined, all: boolean): Promise<number> {
    const where = { recipientId: p.userId, readAt: null, ...(all ? {} : { id: { $in: ids ?? [] } }) };
    return em.nativeUpdate(Notification, where, { readAt: new Date() });
  }
}
