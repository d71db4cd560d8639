import type { EntityManager } from '@mikro-orm/core';
import { TicketPriority, TicketStatus } from '../ticket/ticket.enums.js';
import { SavedView } from './saved-view.entity.js';

/** Shared demo views: the queue, urgent work, and each agent's own open tickets. */
export function seedSavedViews(tx: EntityManager, members: Record<string, string>): void {
  const ownerId = members.admin!;
  const active = [TicketStatus.OPEN, TicketStatus.IN_PROGRESS];
  tx.create(SavedView, { name: 'Unassigned queue', shared: true, ownerId, filter: { status: active, unassigned: true } });
  tx.create(SavedView, { name: 'Urgent', shared: true, ownerId, filter: { status: active, priority: TicketPriority.HIGH } });
  tx.create(SavedView, { name: 'My open tickets', shared: true, ownerId, filter: { status: active, assignedToMe: true } });
}
