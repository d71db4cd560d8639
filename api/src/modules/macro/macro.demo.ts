import type { EntityManager } from '@mikro-orm/core';
import { TicketCategory, TicketPriority, TicketStatus } from '../ticket/ticket.enums.js';
import { Macro } from './macro.entity.js';
import { MacroActionType } from './macro.types.js';

/** Two shared demo macros; the first posts the demo's shared "Greeting" canned response. */
export function seedMacros(tx: EntityManager, members: Record<string, string>, greetingId: string | undefined): void {
  const ownerId = members.admin!;
  tx.create(Macro, {
    name: 'Take and acknowledge',
    shared: true,
    ownerId,
    actions: [
      { type: MacroActionType.SET_STATUS, status: TicketStatus.IN_PROGRESS },
      ...(greetingId ? [{ type: MacroActionType.POST_REPLY, cannedResponseId: greetingId }] : []),
    ],
  });
  tx.create(Macro, {
    name: 'Billing escalation',
    shared: true,
    ownerId,
    actions: [
      { type: MacroActionType.SET_PRIORITY, priority: TicketPriority.HIGH },
      { type: MacroActionType.SET_CATEGORY, category: TicketCategory.BILLING },
      { type: MacroActionType.ADD_TAG, tag: 'billing-escalation' },
    ],
  });
}
