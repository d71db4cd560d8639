import type { EntityManager } from '@mikro-orm/core';
import { retriedTransaction } from '../../platform/db/retry.js';
import { badInput, conflict, notFound } from '../../platform/errors.js';
import { TicketStatusDefinition } from './ticket-status.entity.js';
import type { CreateTicketStatusInput, UpdateTicketStatusInput } from './ticket-status.inputs.js';
import { definitionView, listStatusViews } from './ticket-status.policy.js';
import type { TicketStatusView } from './ticket-status.types.js';
import { Ticket } from './ticket.entity.js';
import type { TicketService } from './ticket.service.js';

/** Tickets of any state (soft-deleted ones too) that carry a status key. */
const ticketsWithKey = (em: EntityManager, key: string) => em.count(Ticket, { statusKey: key }, { filters: { notDeleted: false } });

/** The workspace's own statuses (admins manage them). Tickets change only through TicketService. */
export class TicketStatusService {
  constructor(private readonly tickets: TicketService) {}

  list(em: EntityManager): Promise<TicketStatusView[]> {
    return listStatusViews(em);
  }

  create(em: EntityManager, input: CreateTicketStatusInput): Promise<TicketStatusView> {
    return em.transactional(async (tx) => {
      if (await tx.findOne(TicketStatusDefinition, { key: input.key })) throw badInput({ key: ['is already used by another status'] });
      const last = await tx.findOne(TicketStatusDefinition, { category: input.category }, { orderBy: { position: 'desc' } });
      const def = tx.create(TicketStatusDefinition, {
        key: input.key,
        name: input.name.trim(),
        nameIndonesian: input.nameIndonesian?.trim() || null,
        category: input.category,
        pausesSla: input.pausesSla,
        position: input.position ?? (last ? last.position + 1 : 0),
      });
      await tx.flush();
      return definitionView(def);
    });
  }

  async update(em: EntityManager, id: string, input: UpdateTicketStatusInput): Promise<TicketStatusView> {
    let pauseChanged = false;
    // A pause change records an SLA recompute request, whose row can deadlock with another writer's (retried).
    const view = await retriedTransaction(em, async (tx) => {
      pauseChanged = false;
      const def = await this.find(tx, id);
      if (input.name !== undefined && input.name !== null) def.name = input.name.trim();
      if (input.nameIndonesian !== undefined && input.nameIndonesian !== null) def.nameIndonesian = input.nameIndonesian.trim() || null;
      if (input.position !== undefined && input.position !== null) def.position = input.position;
      if (input.active !== undefined && input.active !== null) def.active = input.active;
      if (input.category && input.category !== def.category) {
        const used = await ticketsWithKey(tx, def.key);
        if (used) throw conflict(`${used} ticket(s) have the status ${def.name}; its category can change only while none has it`, { tickets: used });
        def.category = input.category;
      }
      if (input.pausesSla !== undefined && input.pausesSla !== null && input.pausesSla !== def.pausesSla) {
        def.pausesSla = input.pausesSla;
        await this.tickets.statusPauseChanged(tx, def.key);
        pauseChanged = true;
      }
      await tx.flush();
      return definitionView(def);
    });
    if (pauseChanged) this.tickets.slaRecomputeCommitted();
    return view;
  }

  /** Only a status no ticket has ever kept may be deleted; otherwise set `active: false`. */
  delete(em: EntityManager, id: string): Promise<boolean> {
    return em.transactional(async (tx) => {
      const def = await this.find(tx, id);
      const used = await ticketsWithKey(tx, def.key);
      if (used) throw conflict(`${used} ticket(s) have the status ${def.name}; make it inactive instead`, { tickets: used });
      tx.remove(def);
      await tx.flush();
      return true;
    });
  }

  private async find(tx: EntityManager, id: string): Promise<TicketStatusDefinition> {
    const def = await tx.findOne(TicketStatusDefinition, { id });
    if (!def) throw notFound('Ticket status');
    return def;
  }
}
