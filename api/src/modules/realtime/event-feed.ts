import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { Principal } from '../../platform/auth/principal.js';
import { badInput } from '../../platform/errors.js';
import { decodeCursor, encodeCursor, forwardPage, pageSize } from '../../platform/graphql/pagination.js';
import { TicketEvent, TicketEventType } from '../activity/ticket-event.entity.js';
import { Ticket } from '../ticket/ticket.entity.js';
import { canSeeInternal, seesAllTickets, TAG_EVENT_TYPES } from '../ticket/ticket.policy.js';
import { toEnvelope, type TicketEventEnvelope, type TicketFeed } from './ticket-feed.js';

/**
 * The change feed: a tenant's durable TicketEvent rows in `seq` order, as a page (query)
 * or as a stream that replays from a cursor and continues live (subscription).
 */

const REPLAY_PAGE = 200;

/** The same cursor the public event format carries (ticket-event.format.ts). */
export const eventCursor = (seq: number): string => encodeCursor([seq]);

/** The seq a cursor stands for; no cursor means "from the beginning". */
export function seqOfCursor(cursor: string | null | undefined, field = 'after'): number {
  if (!cursor) return 0;
  const seq = decodeCursor(cursor, field, 1)[0];
  if (!Number.isSafeInteger(seq) || (seq as number) < 0) throw badInput({ [field]: ['is not a valid cursor'] });
  return seq as number;
}

/** What of the feed a principal may read: no internal notes unless staff; customers only their own tickets. */
function visibleEventsWhere(em: EntityManager, p: Principal, triage: TriageView): FilterQuery<TicketEvent> {
  const where: FilterQuery<TicketEvent> = canSeeInternal(p) ? {} : { internal: false };
  // Staff triage data (tags; priority unless the workspace shows it): see ticket.policy.ts.
  if (!triage.tags && !triage.priority) where.triage = false;
  else if (!triage.tags) where.type = { $nin: TAG_EVENT_TYPES as TicketEventType[] };
  if (seesAllTickets(p)) return where;
  // Query-builder subquery: the tenant predicate is explicit here (deleted tickets included, like their events).
  const own = (em as SqlEntityManager).createQueryBuilder(Ticket, 't').select('t.id').where({ tenantId: p.tenantId, customerId: p.userId });
  return { ...where, ticketId: { $in: own.getKnexQuery() } } as unknown as FilterQuery<TicketEvent>;
}

export interface TriageView {
  tags: boolean;
  priority: boolean;
}

export async function listEventFeed(
  em: EntityManager,
  p: Principal,
  after?: string | null,
  first?: number | null,
  triage: TriageView = { tags: true, priority: true },
) {
  const limit = pageSize(first, 50);
  const afterSeq = seqOfCursor(after);
  const rows = await em.find(
    TicketEvent,
    { $and: [visibleEventsWhere(em, p, triage), { seq: { $gt: afterSeq } }] },
    { orderBy: { seq: 'asc' }, limit: limit + 1 },
  );
  return forwardPage(rows, limit, afterSeq > 0, (e) => ({ cursor: eventCursor(e.seq), node: toEnvelope(e) }));
}

/**
 * Every event of a tenant after `afterSeq`, then live, each exactly once and in order.
 * The live stream is joined first and buffers while the table is read; live events the
 * replay already covered are dropped by seq, and a live event that skips ahead has the
 * missing seqs read from the table (seq is gap-free and commit-ordered, so they exist).
 */
export function resumableEvents(feed: TicketFeed, tenantId: string, afterSeq: number): AsyncIterableIterator<TicketEventEnvelope> {
  const live = feed.subscribe(tenantId);
  const ready: TicketEventEnvelope[] = [];
  let last = afterSeq;
  let replaying = true;
  let closed = false;
  const done = { value: undefined, done: true } as const;
  const it: AsyncIterableIterator<TicketEventEnvelope> = {
    async next(): Promise<IteratorResult<TicketEventEnvelope>> {
      for (;;) {
        if (closed) return done;
        if (ready.length) return { value: ready.shift()!, done: false };
        if (replaying) {
          const page = await feed.loadAfter(tenantId, last, REPLAY_PAGE);
          if (!page.length) replaying = false;
          else {
            ready.push(...page);
            last = page.at(-1)!.seq;
          }
          continue;
        }
        const r = await live.next();
        if (r.done) return done;
        const e = r.value;
        if (e.seq <= last) continue;
        if (e.seq > last + 1) ready.push(...(await feed.loadRange(tenantId, last + 1, e.seq - 1)));
        ready.push(e);
        last = e.seq;
      }
    },
    async return(): Promise<IteratorResult<TicketEventEnvelope>> {
      closed = true;
      ready.length = 0;
      live.end();
      return done;
    },
    async throw(error: unknown): Promise<IteratorResult<TicketEventEnvelope>> {
      await it.return!();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return it;
    },
  };
  return it;
}
