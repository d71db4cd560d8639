import { Role, type Principal } from '../../platform/auth/principal.js';
import { forbidden, notFound } from '../../platform/errors.js';
import type { RequestScope } from '../../platform/graphql/caller.js';
import type { TicketFilter } from '../ticket/ticket.inputs.js';
import type { TicketService } from '../ticket/ticket.service.js';
import { SavedView } from './saved-view.entity.js';
import type { CreateSavedViewInput, SavedViewFilter } from './saved-view.types.js';

const visibleWhere = (p: Principal) => ({ $or: [{ shared: true }, { ownerId: p.userId }] });

/** Shared views are managed by admins; private ones by their author. */
export const canManageView = (p: Principal, v: { shared: boolean; ownerId: string }): boolean => (v.shared ? p.role === Role.ADMIN : v.ownerId === p.userId);

/** A view's filter as the ticket list takes it, for the viewer ("assigned to me" is them). */
export function ticketFilterOf(p: Principal, f: SavedViewFilter): TicketFilter {
  return {
    status: f.status ?? undefined,
    priority: f.priority ?? undefined,
    category: f.category ?? undefined,
    assigneeId: f.assignedToMe ? p.userId : undefined,
    unassigned: f.unassigned ?? undefined,
    tag: f.tag ?? undefined,
    text: f.text ?? undefined,
    slaState: f.slaState ?? undefined,
  };
}

/** Keeps only the filter fields that are set. */
function compact(f: CreateSavedViewInput['filter']): SavedViewFilter {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0) && v !== false));
}

export class SavedViewService {
  constructor(private readonly tickets: TicketService) {}

  list(scope: RequestScope): Promise<SavedView[]> {
    return scope.em.find(SavedView, visibleWhere(scope.principal), { orderBy: { shared: 'desc', name: 'asc', id: 'asc' } });
  }

  create(scope: RequestScope, input: CreateSavedViewInput): Promise<SavedView> {
    const p = scope.principal;
    if (!canManageView(p, { shared: input.shared, ownerId: p.userId })) throw forbidden('Only admins share views with the team');
    return scope.em.transactional(async (tx) => {
      const view = tx.create(SavedView, { name: input.name.trim(), filter: compact(input.filter), shared: input.shared, ownerId: p.userId });
      await tx.flush();
      return view;
    });
  }

  delete(scope: RequestScope, id: string): Promise<boolean> {
    const p = scope.principal;
    return scope.em.transactional(async (tx) => {
      const view = await tx.findOne(SavedView, { id, ...visibleWhere(p) });
      if (!view) throw notFound('Saved view');
      if (!canManageView(p, view)) throw forbidden('Only admins manage shared views');
      tx.remove(view);
      await tx.flush();
      return true;
    });
  }

  count(scope: RequestScope, view: SavedView): Promise<number> {
    return this.tickets.count(scope, ticketFilterOf(scope.principal, view.filter));
  }
}
