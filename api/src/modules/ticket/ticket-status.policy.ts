import type { EntityManager } from '@mikro-orm/core';
import type { Principal } from '../../platform/auth/principal.js';
import { badInput } from '../../platform/errors.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { TicketStatusDefinition } from './ticket-status.entity.js';
import type { TicketStatusView } from './ticket-status.types.js';
import type { Ticket } from './ticket.entity.js';
import { TicketStatus } from './ticket.enums.js';
import { TicketEventType, type FieldChangeData, type TicketChange } from './ticket.events.js';
import { assertCanMoveWithinCategory, assertCanTransition } from './ticket.policy.js';

/** Where a status change goes: the category the state machine checks, and the status key. */
export interface StatusTarget {
  status: TicketStatus;
  key: string;
  pausesSla: boolean;
}

const CATEGORY_ORDER: readonly TicketStatus[] = [TicketStatus.OPEN, TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED, TicketStatus.CLOSED];
const BUILT_IN_NAMES: Record<TicketStatus, [string, string]> = {
  OPEN: ['Open', 'Terbuka'],
  IN_PROGRESS: ['In progress', 'Dikerjakan'],
  RESOLVED: ['Resolved', 'Terselesaikan'],
  CLOSED: ['Closed', 'Ditutup'],
};

export const isBuiltInKey = (key: string): key is TicketStatus => (CATEGORY_ORDER as readonly string[]).includes(key);

/** The built-in target of a category (clears any custom status). */
export const categoryTarget = (status: TicketStatus): StatusTarget => ({ status, key: status, pausesSla: false });

export function builtInView(status: TicketStatus): TicketStatusView {
  const [name, nameIndonesian] = BUILT_IN_NAMES[status];
  return { id: status, key: status, name, nameIndonesian, category: status, pausesSla: false, position: 0, active: true, builtIn: true };
}

export function definitionView(d: TicketStatusDefinition): TicketStatusView {
  return { id: d.id, key: d.key, name: d.name, nameIndonesian: d.nameIndonesian, category: d.category, pausesSla: d.pausesSla, position: d.position + 1, active: d.active, builtIn: false };
}

/** Every status of the workspace: per category, the built-in one first, then its own by position and name. */
export async function listStatusViews(em: EntityManager): Promise<TicketStatusView[]> {
  const defs = await em.find(TicketStatusDefinition, {}, { orderBy: { position: 'asc', name: 'asc', id: 'asc' } });
  return CATEGORY_ORDER.flatMap((c) => [builtInView(c), ...defs.filter((d) => d.category === c).map(definitionView)]);
}

/** The workspace's statuses, loaded once per request or subscription event. */
export function statusViewsLoader(ctx: Pick<GraphQLContext, 'em' | 'loaders'>) {
  return ctx.loaders.get<string, TicketStatusView[]>('ticketStatuses', (tenantIds) => Promise.all(tenantIds.map(() => listStatusViews(ctx.em))));
}

/**
 * What a requested change means: a status key (built-in or the workspace's, active), a
 * category, or both when they agree. `field` names the input in errors.
 */
export async function resolveStatusTarget(
  em: EntityManager,
  request: { status?: TicketStatus | null; statusKey?: string | null },
  field = 'statusKey',
): Promise<StatusTarget | null> {
  const { status, statusKey } = request;
  if (!statusKey) return status ? categoryTarget(status) : null;
  let target: StatusTarget;
  if (isBuiltInKey(statusKey)) target = categoryTarget(statusKey);
  else {
    const def = await em.findOne(TicketStatusDefinition, { key: statusKey });
    if (!def) throw badInput({ [field]: [`no status has the key ${statusKey}`] });
    if (!def.active) throw badInput({ [field]: [`the status ${def.name} is no longer in use`] });
    target = { status: def.category, key: def.key, pausesSla: def.pausesSla };
  }
  if (status && status !== target.status) throw badInput({ [field]: [`belongs to ${target.status}, not ${status}`] });
  return target;
}

/**
 * Checks and applies a move to a status: the state machine runs on the category; moving
 * between statuses of one category needs only the right to change tickets. Null when the
 * ticket is already there.
 */
export function applyTarget(p: Principal, t: Ticket, target: StatusTarget, now: Date): TicketChange | null {
  if (target.status === t.status && target.key === t.statusKey) return null;
  if (target.status !== t.status) assertCanTransition(p, t, target.status);
  else assertCanMoveWithinCategory(p, t);
  return applyStatus(t, target.status, now, target);
}

/**
 * Applies a (checked) status change with its timestamps and returns the change to record.
 * Without a target, a new category takes its built-in status (clearing the workspace's).
 */
export function applyStatus(t: Ticket, status: TicketStatus, now: Date, target?: StatusTarget): TicketChange {
  const next = target ?? (status === t.status ? { status, key: t.statusKey, pausesSla: t.statusPausesSla } : categoryTarget(status));
  const changes: FieldChangeData[] = [];
  if (status !== t.status) changes.push({ field: 'status', from: t.status, to: status });
  // The key is recorded when a status of the workspace is left or entered (built-in keys follow the category).
  if (next.key !== t.statusKey && (next.key !== status || t.statusKey !== t.status)) changes.push({ field: 'statusKey', from: t.statusKey, to: next.key });
  if (status !== t.status) {
    if (status === TicketStatus.RESOLVED) t.resolvedAt = now;
    if (status === TicketStatus.IN_PROGRESS && t.status === TicketStatus.RESOLVED) t.resolvedAt = null;
    if (status === TicketStatus.CLOSED) t.closedAt = now;
  }
  t.status = status;
  t.statusKey = next.key;
  t.statusPausesSla = next.pausesSla;
  return { type: TicketEventType.STATUS_CHANGED, payload: { changes } };
}
