import type { ApolloCache, Reference } from '@apollo/client';
import type { TicketFilter, TicketOrder, TicketSlaFieldsFragment, TicketStatus } from '../../generated/graphql';
import { runningSlaDueAt, runningSlaState } from '../sla/sla-clock';
import { compareTickets, ticketMatchesFilter, type TicketFacts } from './ticket-filter';

/**
 * Keeps every cached `tickets` list (board columns, list view, portal) in step with a ticket
 * that changed, without asking the server: the ticket's own fields are already normalized in
 * the cache (Ticket:<id>), so only list membership, order and counts are adjusted here.
 */

interface StoredEdge {
  __typename?: string;
  cursor: string;
  node: Reference;
}

interface StoredConnection {
  __typename?: string;
  totalCount?: number;
  pageInfo?: { hasNextPage?: boolean; endCursor?: string | null };
  edges?: StoredEdge[];
}

interface ListArgs {
  filter?: TicketFilter | null;
  orderBy?: TicketOrder | null;
}

/** The key arguments of a cached `tickets` field, from its store name (`tickets:{"filter":...}`). */
export function listArgsOf(storeFieldName: string): ListArgs | null {
  const colon = storeFieldName.indexOf(':');
  if (colon < 0) return {};
  try {
    const parsed = JSON.parse(storeFieldName.slice(colon + 1)) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as ListArgs) : null;
  } catch {
    return null;
  }
}

type ReadField = (field: string, from: Reference) => unknown;

/** What the filters and orders need of a cached ticket (fields not in the cache stay unknown). */
function factsOf(ref: Reference, readField: ReadField): TicketFacts | null {
  const id = readField('id', ref);
  if (typeof id !== 'string') return null;
  const person = (field: string) => {
    const value = readField(field, ref) as Reference | null | undefined;
    if (value === undefined) return undefined;
    return value ? ((readField('id', value) as string | undefined) ?? null) : null;
  };
  const status = readField('status', ref) as TicketStatus | undefined;
  const sla = readField('sla', ref) as TicketSlaFieldsFragment['sla'] | undefined;
  const slaKnown = status !== undefined && sla !== undefined;
  return {
    id,
    status,
    statusKey: readField('statusKey', ref) as string | undefined,
    priority: readField('priority', ref) as string | undefined,
    category: readField('category', ref) as string | undefined,
    tags: readField('tags', ref) as string[] | undefined,
    title: readField('title', ref) as string | undefined,
    description: readField('description', ref) as string | undefined,
    assigneeId: person('assignee'),
    customerId: person('customer'),
    createdAt: readField('createdAt', ref) as string | undefined,
    updatedAt: readField('updatedAt', ref) as string | undefined,
    number: readField('number', ref) as number | undefined,
    slaState: slaKnown ? runningSlaState({ status, sla }, Date.now()) : undefined,
    slaDueAt: slaKnown ? runningSlaDueAt({ status, sla }) : undefined,
  };
}

/**
 * Puts the cached ticket `ticketId` into every list whose filter it now matches (at its
 * place in the list's order), takes it out of the others, and adjusts their totalCount.
 * Call it after the ticket itself was written to the cache.
 */
export function syncTicketIntoLists(cache: ApolloCache, ticketId: string): void {
  const ticketRef = cache.identify({ __typename: 'Ticket', id: ticketId });
  if (!ticketRef) return;
  cache.modify<Record<string, StoredConnection>>({
    id: 'ROOT_QUERY',
    fields: {
      tickets(existing, { storeFieldName, readField, toReference }) {
        const list = existing as StoredConnection;
        const args = listArgsOf(storeFieldName);
        const ref = toReference(ticketRef);
        if (!args || !list?.edges || !ref) return existing;
        const facts = factsOf(ref, readField as ReadField);
        if (!facts) return existing;
        const edges = list.edges;
        const index = edges.findIndex((edge) => edge.node.__ref === ref.__ref);
        const belongs = ticketMatchesFilter(facts, args.filter);
        if (!belongs) {
          if (index < 0) return existing;
          return { ...list, edges: edges.filter((_, i) => i !== index), totalCount: Math.max(0, (list.totalCount ?? 1) - 1) };
        }
        const others = index < 0 ? edges : edges.filter((_, i) => i !== index);
        const compare = compareTickets(args.orderBy);
        let position = others.findIndex((edge) => {
          const other = factsOf(edge.node, readField as ReadField);
          return !!other && compare(facts, other) < 0;
        });
        if (position < 0) {
          // It sorts after every loaded ticket: it belongs to a page not loaded yet.
          if (list.pageInfo?.hasNextPage) {
            if (index < 0) return { ...list, totalCount: (list.totalCount ?? 0) + 1 };
            return { ...list, edges: others };
          }
          position = others.length;
        }
        if (index === position) return existing;
        const edge: StoredEdge = index >= 0 ? edges[index] : { __typename: 'TicketEdge', cursor: `live:${facts.id}`, node: ref };
        const next = [...others.slice(0, position), edge, ...others.slice(position)];
        return { ...list, edges: next, totalCount: (list.totalCount ?? 0) + (index < 0 ? 1 : 0) };
      },
    },
  });
}

/** Takes a deleted ticket out of every cached list and out of the cache. */
export function removeTicketFromCache(cache: ApolloCache, ticketId: string): void {
  const ticketRef = cache.identify({ __typename: 'Ticket', id: ticketId });
  if (!ticketRef) return;
  cache.modify<Record<string, StoredConnection>>({
    id: 'ROOT_QUERY',
    fields: {
      tickets(existing) {
        const list = existing as StoredConnection;
        if (!list?.edges) return existing;
        const edges = list.edges.filter((edge) => edge.node.__ref !== ticketRef);
        if (edges.length === list.edges.length) return existing;
        return { ...list, edges, totalCount: Math.max(0, (list.totalCount ?? 1) - 1) };
      },
    },
  });
  cache.evict({ id: ticketRef });
  cache.gc();
}
