import type { FilterQuery, QueryOrder } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { Principal } from '../../platform/auth/principal.js';
import { containsText } from '../../platform/db/like.js';
import { findPlain } from '../../platform/db/plain-rows.js';
import { badInput } from '../../platform/errors.js';
import { cursorDate, cursorInteger, cursorString, decodeCursor, encodeCursor, pageSize, type Connection } from '../../platform/graphql/pagination.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { SLA_NEVER, Ticket, TicketTag } from './ticket.entity.js';
import { OrderDirection, SlaFilterState, TicketOrderField } from './ticket.enums.js';
import type { TicketFilter, TicketOrder } from './ticket.inputs.js';
import { visibleTicketsWhere } from './ticket.policy.js';

type SortKey = 'createdAt' | 'updatedAt' | 'priorityRank' | 'number' | 'slaDueAt';
const SORT_KEYS: Record<TicketOrderField, SortKey> = {
  [TicketOrderField.CREATED_AT]: 'createdAt',
  [TicketOrderField.UPDATED_AT]: 'updatedAt',
  [TicketOrderField.PRIORITY]: 'priorityRank',
  [TicketOrderField.NUMBER]: 'number',
  [TicketOrderField.SLA_DUE]: 'slaDueAt',
};
const DATE_KEYS = new Set<SortKey>(['createdAt', 'updatedAt', 'slaDueAt']);

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}


/** Filter input to ORM conditions, always narrowed to what the principal may see. */
export async function ticketWhere(ctx: Pick<GraphQLContext, 'em'>, p: Principal, f?: TicketFilter | null): Promise<FilterQuery<Ticket>> {
  const and: FilterQuery<Ticket>[] = [visibleTicketsWhere(p)];
  if (f?.status?.length) and.push({ status: { $in: f.status } });
  if (f?.statusKey?.length) and.push({ statusKey: { $in: f.statusKey } });
  if (f?.priority) and.push({ priority: f.priority });
  if (f?.category) and.push({ category: f.category });
  if (f?.assigneeId) and.push({ assigneeId: f.assigneeId });
  if (f?.unassigned) and.push({ assigneeId: null });
  if (f?.customerId) and.push({ customerId: f.customerId });
  if (f?.createdAfter) and.push({ createdAt: { $gte: f.createdAfter } });
  if (f?.createdBefore) and.push({ createdAt: { $lt: f.createdBefore } });
  if (f?.slaState?.length) {
    const now = new Date();
    const states: FilterQuery<Ticket>[] = [];
    if (f.slaState.includes(SlaFilterState.BREACHED)) states.push({ slaDueAt: { $lte: now } });
    if (f.slaState.includes(SlaFilterState.AT_RISK)) states.push({ slaAtRiskAt: { $lte: now }, slaDueAt: { $gt: now } });
    if (f.slaState.includes(SlaFilterState.ON_TRACK)) states.push({ slaAtRiskAt: { $gt: now }, slaDueAt: { $lt: SLA_NEVER } });
    and.push({ $or: states });
  }
  if (f?.slaDueBefore) and.push({ slaDueAt: { $lt: f.slaDueBefore } });
  if (f?.text?.trim()) {
    const text = f.text.trim();
    and.push({ $or: [containsText('title', text), containsText('description', text)] } as FilterQuery<Ticket>);
  }
  if (f?.tag) {
    // Query-builder subquery: the tenant predicate is explicit here.
    const tagged = (ctx.em as SqlEntityManager)
      .createQueryBuilder(TicketTag, 'tt')
      .select('tt.ticket_id')
      .where({ tenantId: p.tenantId, tag: f.tag.trim().toLowerCase() });
    and.push({ id: { $in: tagged.getKnexQuery() } } as unknown as FilterQuery<Ticket>);
  }
  return { $and: and };
}

function cursorValue(t: Ticket, key: SortKey): unknown {
  const v = key === 'slaDueAt' ? (t.slaDueAt ?? SLA_NEVER) : t[key];
  return v instanceof Date ? v.toISOString() : v;
}

/**
 * Keyset pagination on (sort key, id): cursors stay valid and pages never skip or repeat
 * rows while other rows are inserted.
 */
export async function listTickets(
  ctx: Pick<GraphQLContext, 'em'>,
  p: Principal,
  filter: TicketFilter | null | undefined,
  order: TicketOrder | null | undefined,
  page: PageArgs,
): Promise<Connection<Ticket>> {
  if (page.first != null && page.last != null) throw badInput({ last: ['cannot be combined with first'] });
  const backward = page.last != null || (page.before != null && page.first == null);
  const limit = backward ? pageSize(page.last, 20, 'last') : pageSize(page.first, 20, 'first');
  const key = SORT_KEYS[order?.field ?? TicketOrderField.CREATED_AT];
  const desc = (order?.direction ?? OrderDirection.DESC) === OrderDirection.DESC;
  const base = await ticketWhere(ctx, p, filter);

  const cursor = backward ? page.before : page.after;
  const and: FilterQuery<Ticket>[] = [base];
  if (cursor) {
    const field = backward ? 'before' : 'after';
    const [rawValue, rawId] = decodeCursor(cursor, field, 2);
    const id = cursorString(rawId, field);
    const value = DATE_KEYS.has(key) ? cursorDate(rawValue, field) : cursorInteger(rawValue, field);
    // Walking forward on DESC (or backward on ASC) means "smaller than the cursor".
    const op = desc !== backward ? '$lt' : '$gt';
    and.push({ $or: [{ [key]: { [op]: value } }, { [key]: value, id: { [op]: id } }] } as FilterQuery<Ticket>);
  }
  const dir = (desc !== backward ? 'desc' : 'asc') as `${QueryOrder.DESC}` | `${QueryOrder.ASC}`;
  const [rows, totalCount] = await Promise.all([
    // Render-only rows: plain objects, no identity map or hydration (tenant filter still applied).
    findPlain(ctx.em as SqlEntityManager, Ticket, { $and: and }, { orderBy: [{ [key]: dir }, { id: dir }], limit: limit + 1 }),
    // A fresh condition: raw SQL fragments (the text search) are used up by the query that renders them.
    ctx.em.count(Ticket, await ticketWhere(ctx, p, filter)),
  ]);
  const hasMore = rows.length > limit;
  const pageRows = rows.slice(0, limit);
  if (backward) pageRows.reverse();
  const edges = pageRows.map((node) => ({ node, cursor: encodeCursor([cursorValue(node, key), node.id]) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: backward ? !!page.before : hasMore,
      hasPreviousPage: backward ? hasMore : !!page.after,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
