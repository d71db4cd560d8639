import { gql, gqlOk, type GraphQLResult } from '../../../test/graphql.js';
import type { WsSubscription } from '../../../test/ws.js';

/** GraphQL operations shared by the realtime tests. */

export const EVENT_TICKET = 'ticket { id status version tags assignee { id } customer { id } }';

export const TICKET_EVENTS = /* GraphQL */ `
  subscription Events($filter: TicketEventFilter) {
    ticketEvents(filter: $filter) { id seq type ticketId changes { field from to } tag message { id body internal } ${EVENT_TICKET} }
  }
`;

export const MESSAGE_ADDED = /* GraphQL */ `
  subscription Messages($ticketId: ID!) { messageAdded(ticketId: $ticketId) { id body internal ticketId } }
`;

export const TYPING = /* GraphQL */ `
  subscription Typing($ticketId: ID!) { typing(ticketId: $ticketId) { ticketId userId name isTyping expiresAt } }
`;

export const SET_TYPING = /* GraphQL */ `
  mutation SetTyping($ticketId: ID!, $isTyping: Boolean!, $internal: Boolean! = false) {
    setTyping(ticketId: $ticketId, isTyping: $isTyping, internal: $internal)
  }
`;

const STATE = 'id status version tags assignee { id } customer { id }';
export const UPDATE = `mutation U($id: ID!, $input: UpdateTicketInput!, $v: Int) { updateTicket(id: $id, input: $input, expectedVersion: $v) { ${STATE} } }`;
export const ASSIGN = `mutation A($id: ID!, $agentId: ID) { assignTicket(id: $id, agentId: $agentId) { ${STATE} } }`;
export const CLAIM = `mutation C($id: ID!) { claimTicket(id: $id) { ${STATE} } }`;
export const STATUS = `mutation S($id: ID!, $status: TicketStatus!, $v: Int) { changeTicketStatus(id: $id, status: $status, expectedVersion: $v) { ${STATE} } }`;
export const DELETE = `mutation D($id: ID!) { deleteTicket(id: $id) { ${STATE} } }`;
export const POST = `mutation P($input: PostMessageInput!) { postMessage(input: $input) { id body internal } }`;
export const CREATE = `mutation Cr($input: CreateTicketInput!) { createTicket(input: $input) { ${STATE} } }`;
export const GET = `query G($id: ID!) { ticket(id: $id) { ${STATE} } }`;

export interface TicketState {
  id: string;
  status: string;
  version: number;
  tags: string[];
  assignee: { id: string } | null;
  customer: { id: string };
}

export interface TicketEventData {
  id: string;
  seq: number;
  type: string;
  ticketId: string;
  changes: Array<{ field: string; from: string | null; to: string | null }>;
  tag: string | null;
  message: { id: string; body: string; internal: boolean } | null;
  ticket: TicketState;
}

/** Runs one mutation and returns its root field. */
export async function mutate<T = TicketState>(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const data = await gqlOk<Record<string, T>>(url, query, variables, { token });
  return Object.values(data)[0];
}

export function createTicket(url: string, token: string, input: Record<string, unknown> = {}): Promise<TicketState> {
  return mutate(url, token, CREATE, { input: { title: 'Live ticket', description: 'Watch me change', category: 'TECHNICAL', ...input } });
}

export function post(url: string, token: string, ticketId: string, body: string, internal = false) {
  return mutate<{ id: string; body: string; internal: boolean }>(url, token, POST, { input: { ticketId, body, internal } });
}

export const code = (r: GraphQLResult) => r.errors?.[0]?.extensions?.code;
export { gql };

/** The parts of a ticket a board needs, to compare an event's ticket with a mutation's result. */
export const boardState = (t: TicketState) => ({ id: t.id, status: t.status, version: t.version, tags: t.tags, assignee: t.assignee?.id ?? null });

/**
 * Primes several subscriptions with one trigger: triggers until each has received an
 * event, then skips whatever else the extra triggers produced.
 */
export async function primeAll<T>(subs: WsSubscription<T>[], trigger: () => Promise<unknown>, attempts = 20): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    await trigger();
    await new Promise((resolve) => setTimeout(resolve, 300 + i * 100));
    if (subs.every((s) => s.events.length > 0)) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, 500));
      for (const s of subs) await s.take(s.pending.length);
      return;
    }
  }
  throw new Error(`Only ${subs.filter((s) => s.events.length > 0).length}/${subs.length} subscriptions became live`);
}
