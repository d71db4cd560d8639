import { AppError, badInput } from '../../platform/errors.js';
import type { RequestScope } from '../../platform/graphql/caller.js';
import type { Ticket } from '../ticket/ticket.entity.js';
import type { TicketActions, TicketService } from '../ticket/ticket.service.js';
import type { BulkUpdateTicketsInput } from './bulk.inputs.js';
import type { BulkUpdateResult, TicketFailure } from './bulk.types.js';

/** One changed ticket, or why it could not be changed (the answer that ticket alone would give). */
export type TicketOutcome = { ticket: Ticket } | { failure: TicketFailure };

/** Runs `work` for one ticket and turns a refusal (a coded error) into a per-ticket failure. */
export async function outcomeOf(id: string, work: () => Promise<Ticket>): Promise<TicketOutcome> {
  try {
    return { ticket: await work() };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { failure: { id, code: String(error.extensions.code), message: error.message } };
  }
}

/**
 * Changes many tickets at once: each one through TicketService in its own transaction, with
 * its own permissions, so one refused ticket does not stop the others.
 */
export class BulkService {
  constructor(private readonly tickets: TicketService) {}

  async update(scope: RequestScope, input: BulkUpdateTicketsInput): Promise<BulkUpdateResult> {
    if (input.assigneeId && input.unassign) throw badInput({ assigneeId: ['give either assigneeId or unassign, not both'] });
    const actions: TicketActions = {
      status: input.status,
      statusKey: input.statusKey,
      priority: input.priority,
      assigneeId: input.unassign ? null : (input.assigneeId ?? undefined),
      addTags: input.addTags,
      removeTags: input.removeTags,
    };
    const result: BulkUpdateResult = { updated: [], failures: [] };
    for (const id of [...new Set(input.ids)]) {
      const outcome = await outcomeOf(id, () =>
        this.tickets.change(scope, id, null, async (tx, t, events, now) => {
          events.push(...(await this.tickets.applyActions(tx, scope.principal, t, actions, now)));
        }),
      );
      if ('ticket' in outcome) result.updated.push(outcome.ticket);
      else result.failures.push(outcome.failure);
    }
    return result;
  }
}
