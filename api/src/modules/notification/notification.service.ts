import type { EntityManager } from '@mikro-orm/core';
import { Role, type Principal } from '../../platform/auth/principal.js';
import { cursorString, decodeCursor, encodeCursor, forwardPage, pageSize, type Connection } from '../../platform/graphql/pagination.js';
import { TicketEventType, type TicketEvent } from '../activity/ticket-event.entity.js';
import type { Ticket } from '../ticket/ticket.entity.js';
import { Membership } from '../user/membership.entity.js';
import { Notification, NotificationType } from './notification.entity.js';

async function adminsOf(tx: EntityManager): Promise<string[]> {
  const admins = await tx.find(Membership, { role: Role.ADMIN, active: true }, { fields: ['user'] });
  return admins.map((m) => m.user.id);
}

async function isStaffMember(tx: EntityManager, userId: string | null): Promise<boolean> {
  if (!userId) return false;
  const m = await tx.findOne(Membership, { user: userId, active: true }, { fields: ['role'] });
  return m?.role === Role.ADMIN || m?.role === Role.AGENT;
}

/**
 * Who hears about what. Runs inside the transaction that records the event, so a committed
 * change always has its notifications and a rolled-back one has none. Never to the actor.
 */
export async function notificationsFor(tx: EntityManager, event: TicketEvent, ticket: Ticket): Promise<void> {
  const n = `#${ticket.number}`;
  let type: NotificationType;
  let title: string;
  let recipients: Array<string | null> = [];
  switch (event.type) {
    case TicketEventType.TICKET_CREATED:
      type = NotificationType.TICKET_CREATED;
      title = `New ticket ${n}: ${ticket.title}`;
      recipients = [...(await adminsOf(tx)), ticket.assigneeId];
      break;
    case TicketEventType.TICKET_ASSIGNED:
    case TicketEventType.TICKET_CLAIMED:
      type = NotificationType.TICKET_ASSIGNED;
      title = `Ticket ${n} was assigned to you`;
      recipients = [ticket.assigneeId];
      break;
    case TicketEventType.MESSAGE_POSTED: {
      if (event.internal) return;
      type = NotificationType.MESSAGE_POSTED;
      title = `New reply on ticket ${n}`;
      // Staff replies go to the customer; everything else (the customer, a partner app) to the staff side.
      const fromStaff = await isStaffMember(tx, event.actorId);
      recipients = fromStaff ? [ticket.customerId] : ticket.assigneeId ? [ticket.assigneeId] : await adminsOf(tx);
      break;
    }
    case TicketEventType.STATUS_CHANGED:
      type = NotificationType.STATUS_CHANGED;
      title = `Ticket ${n} is now ${ticket.status.replace('_', ' ').toLowerCase()}`;
      recipients = [ticket.customerId];
      break;
    case TicketEventType.SLA_AT_RISK:
    case TicketEventType.SLA_ESCALATED:
      type = event.type === TicketEventType.SLA_AT_RISK ? NotificationType.SLA_AT_RISK : NotificationType.SLA_BREACHED;
      title = `${event.type === TicketEventType.SLA_AT_RISK ? 'SLA at risk' : 'SLA breached'} on ticket ${n} (${(event.payload.sla ?? '').replace('_', ' ').toLowerCase()})`;
      recipients = [ticket.assigneeId, ...(await adminsOf(tx))];
      break;
    default:
      return;
  }
  for (const recipientId of new Set(recipients)) {
    if (!recipientId || recipientId === event.actorId) continue;
    tx.persist(tx.create(Notification, { recipientId, type, ticketId: ticket.id, eventId: event.id, title: title.slice(0, 300) }));
  }
}

/** Reading and marking one's own notifications. */
export class NotificationService {
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

  /** The principal's notifications caused by one event (for the live subscription). */
  forEvent(em: EntityManager, p: Principal, eventId: string): Promise<Notification[]> {
    return em.find(Notification, { recipientId: p.userId, eventId });
  }
}
