import type { EntityManager } from '@mikro-orm/core';
import { Role, type Principal } from '../../platform/auth/principal.js';
import { badInput, forbidden, notFound, type AppError, type FieldErrors } from '../../platform/errors.js';
import { resolveStatusTarget } from '../ticket/ticket-status.policy.js';
import type { RequestScope } from '../../platform/graphql/caller.js';
import type { CannedResponseService } from '../canned/canned.service.js';
import type { MessageService } from '../conversation/message.service.js';
import type { Ticket } from '../ticket/ticket.entity.js';
import { TicketEventType, type FieldChangeData, type RecordedChange, type TicketChange } from '../ticket/ticket.events.js';
import type { TicketActions, TicketService } from '../ticket/ticket.service.js';
import { Macro } from './macro.entity.js';
import type { MacroActionInput, MacroInput } from './macro.inputs.js';
import { MacroActionType, type MacroAction } from './macro.types.js';

const visibleWhere = (p: Principal) => ({ $or: [{ shared: true }, { ownerId: p.userId }] });

/** Shared macros are managed by admins; private ones by their author. Everyone staff may apply what they see. */
export const canManageMacro = (p: Principal, m: { shared: boolean; ownerId: string }): boolean => (m.shared ? p.role === Role.ADMIN : m.ownerId === p.userId);

/** Which field each action type needs. */
const NEEDS: Record<MacroActionType, keyof MacroActionInput | null> = {
  SET_STATUS: 'status',
  SET_PRIORITY: 'priority',
  SET_CATEGORY: 'category',
  SET_ASSIGNEE: null,
  ADD_TAG: 'tag',
  REMOVE_TAG: 'tag',
  POST_REPLY: 'cannedResponseId',
  POST_NOTE: 'cannedResponseId',
};

/** The ticket fields a macro's actions set, combined (a later action of the same kind wins). */
function ticketActionsOf(actions: readonly MacroAction[]): TicketActions {
  const out: TicketActions = { addTags: [], removeTags: [] };
  for (const a of actions) {
    if (a.type === MacroActionType.SET_STATUS) {
      out.status = a.status ?? null;
      out.statusKey = a.statusKey ?? null;
    }
    if (a.type === MacroActionType.SET_PRIORITY) out.priority = a.priority;
    if (a.type === MacroActionType.SET_CATEGORY) out.category = a.category;
    if (a.type === MacroActionType.SET_ASSIGNEE) out.assigneeId = a.assigneeId ?? null;
    if (a.type === MacroActionType.ADD_TAG) out.addTags!.push(a.tag!);
    if (a.type === MacroActionType.REMOVE_TAG) out.removeTags!.push(a.tag!);
  }
  return out;
}

/** The changes of one application as one list: field changes, and the tags before and after. */
function flatten(changes: TicketChange[], tagsBefore: string[], tagsAfter: string[]): FieldChangeData[] {
  const fields = changes.flatMap((c) => c.payload?.changes ?? []);
  if (tagsBefore.join(',') !== tagsAfter.join(',')) fields.push({ field: 'tags', from: tagsBefore.join(', ') || null, to: tagsAfter.join(', ') || null });
  return fields;
}

/**
 * Macros: who sees and manages which, and applying one to tickets. An application is one
 * transaction over every ticket: if any action fails on any ticket, nothing changes.
 */
export class MacroService {
  constructor(
    private readonly tickets: TicketService,
    private readonly messages: MessageService,
    private readonly canned: CannedResponseService,
  ) {}

  list(scope: RequestScope): Promise<Macro[]> {
    return scope.em.find(Macro, visibleWhere(scope.principal), { orderBy: { name: 'asc', id: 'asc' } });
  }

  async get(em: EntityManager, p: Principal, id: string): Promise<Macro> {
    const found = await em.findOne(Macro, { id, ...visibleWhere(p) });
    if (!found) throw notFound('Macro');
    return found;
  }

  create(scope: RequestScope, input: MacroInput): Promise<Macro> {
    const p = scope.principal;
    if (!canManageMacro(p, { shared: input.shared, ownerId: p.userId })) throw forbidden('Only admins manage shared macros');
    return scope.em.transactional(async (tx) => {
      const macro = tx.create(Macro, { name: input.name.trim(), shared: input.shared, ownerId: p.userId, actions: await this.checkedActions(tx, p, input) });
      await tx.flush();
      return macro;
    });
  }

  update(scope: RequestScope, id: string, input: MacroInput): Promise<Macro> {
    const p = scope.principal;
    return scope.em.transactional(async (tx) => {
      const macro = await this.get(tx, p, id);
      if (!canManageMacro(p, macro) || !canManageMacro(p, { shared: input.shared, ownerId: macro.ownerId })) {
        throw forbidden(macro.shared || input.shared ? 'Only admins manage shared macros' : 'Only its author manages a private macro');
      }
      macro.name = input.name.trim();
      macro.shared = input.shared;
      macro.actions = await this.checkedActions(tx, p, input);
      await tx.flush();
      return macro;
    });
  }

  delete(scope: RequestScope, id: string): Promise<boolean> {
    const p = scope.principal;
    return scope.em.transactional(async (tx) => {
      const macro = await this.get(tx, p, id);
      if (!canManageMacro(p, macro)) throw forbidden(macro.shared ? 'Only admins manage shared macros' : 'Only its author manages a private macro');
      tx.remove(macro);
      await tx.flush();
      return true;
    });
  }

  /**
   * Applies a macro to tickets in one transaction; one entry "macro applied" per ticket, plus its
   * messages. The entry is not internal: who sees which of its changes is decided per change
   * (ticket.policy.ts), so partners, webhooks and customers get the public parts.
   */
  async apply(scope: RequestScope, macroId: string, ticketIds: string[]): Promise<Ticket[]> {
    const p = scope.principal;
    const recorded: RecordedChange[] = [];
    const changed = await scope.em.transactional(async (tx) => {
      const macro = await this.get(tx, p, macroId);
      const actions = ticketActionsOf(macro.actions);
      const byId = new Map<string, Ticket>();
      // Rows are locked in one global order, so two applications over the same tickets cannot deadlock.
      for (const id of [...new Set(ticketIds)].sort()) {
        const ticket = await this.tickets.lockForChange(tx, p, id);
        recorded.push(
          ...(await this.tickets.write(tx, ticket, p.userId, async (wtx, t, events, now) => {
            const tagsBefore = [...t.tags];
            const made = await this.tickets.applyActions(wtx, p, t, actions, now);
            events.push({ type: TicketEventType.MACRO_APPLIED, payload: { macro: macro.name, changes: flatten(made, tagsBefore, t.tags) } });
          })),
        );
        for (const a of macro.actions) {
          if (a.type !== MacroActionType.POST_REPLY && a.type !== MacroActionType.POST_NOTE) continue;
          const canned = await this.canned.get(tx, p, a.cannedResponseId!);
          const body = await this.canned.renderBody(tx, p, canned.body, ticket);
          await this.messages.postWithin(tx, p, ticket, { body, internal: a.type === MacroActionType.POST_NOTE }, recorded);
        }
        byId.set(id, ticket);
      }
      return [...new Set(ticketIds)].map((id) => byId.get(id)!);
    });
    await this.tickets.committed(recorded);
    return changed;
  }

  /** Each action has the field its type needs; canned responses exist, and are shared when the macro is. */
  private async checkedActions(tx: EntityManager, p: Principal, input: MacroInput): Promise<MacroAction[]> {
    const errors: FieldErrors = {};
    const out: MacroAction[] = [];
    for (const [i, a] of input.actions.entries()) {
      const need = NEEDS[a.type];
      if (need && !a[need] && !(a.type === MacroActionType.SET_STATUS && a.statusKey)) (errors[`actions.${i}.${need}`] ??= []).push(`is required for ${a.type}`);
      if (a.type === MacroActionType.SET_STATUS && a.statusKey) {
        await resolveStatusTarget(tx, a, `actions.${i}.statusKey`).catch((e: AppError) => {
          const fields = (e.extensions.fields ?? {}) as FieldErrors;
          for (const [k, v] of Object.entries(fields)) (errors[k] ??= []).push(...v);
        });
      }
      if (a.cannedResponseId && need === 'cannedResponseId') {
        const canned = await this.canned.get(tx, p, a.cannedResponseId).catch(() => null);
        if (!canned) (errors[`actions.${i}.cannedResponseId`] ??= []).push('is not a canned response you can use');
        else if (input.shared && !canned.shared) (errors[`actions.${i}.cannedResponseId`] ??= []).push('a shared macro needs a shared canned response');
      }
      const action: MacroAction = { type: a.type };
      if (need && a[need]) Object.assign(action, { [need]: a[need] });
      if (a.type === MacroActionType.SET_STATUS && a.statusKey) action.statusKey = a.statusKey;
      if (a.type === MacroActionType.SET_ASSIGNEE) action.assigneeId = a.assigneeId ?? null;
      out.push(action);
    }
    if (Object.keys(errors).length) throw badInput(errors);
    return out;
  }
}
