import { gqlOk } from '../../../test/graphql.js';

export const TICKET_FIELDS = `id number title status priority category channel version escalationLevel tags
  firstResponseAt resolvedAt closedAt customer { id } assignee { id }`;

export const CREATE = `mutation Create($input: CreateTicketInput!) { createTicket(input: $input) { ${TICKET_FIELDS} } }`;
export const STATUS = `mutation S($id: ID!, $status: TicketStatus!, $v: Int) { changeTicketStatus(id: $id, status: $status, expectedVersion: $v) { ${TICKET_FIELDS} } }`;
export const POST = `mutation P($input: PostMessageInput!) { postMessage(input: $input) { id body internal author { id } } }`;
export const GET = `query G($id: ID!) { ticket(id: $id) { ${TICKET_FIELDS} } }`;

export interface TicketData {
  id: string;
  number: number;
  status: string;
  version: number;
  [key: string]: unknown;
}

export async function createTicket(url: string, token: string, input: Record<string, unknown> = {}): Promise<TicketData> {
  const data = await gqlOk<{ createTicket: TicketData }>(
    url,
    CREATE,
    { input: { title: 'Printer on fire', description: 'Smoke everywhere', category: 'TECHNICAL', ...input } },
    { token },
  );
  return data.createTicket;
}
