import type { EntityManager } from '@mikro-orm/core';
import { TicketStatusDefinition } from './ticket-status.entity.js';
import { TicketStatus } from './ticket.enums.js';

/** The demo workspaces' own status: in progress, but the ball is with the customer (SLA paused). */
export const DEMO_WAITING_STATUS = { key: 'waiting-on-customer', name: 'Waiting on customer', nameIndonesian: 'Menunggu pelanggan', category: TicketStatus.IN_PROGRESS, pausesSla: true };

export function seedTicketStatuses(tx: EntityManager): void {
  tx.create(TicketStatusDefinition, { ...DEMO_WAITING_STATUS, position: 0 });
}
