import { gql, gqlOk, type GraphQLResult } from '../../../test/graphql.js';

/** GraphQL operations and helpers shared by the conversation, attachment and activity tests. */

export const POST_MESSAGE = /* GraphQL */ `
  mutation Post($input: PostMessageInput!) {
    postMessage(input: $input) { id ticketId body internal kind createdAt author { id } attachments { id filename contentType size url } }
  }
`;

export const TICKET_VIEW = /* GraphQL */ `
  query View($id: ID!, $first: Int, $after: String) {
    ticket(id: $id) {
      id status version firstResponseAt resolvedAt closedAt messageCount
      lastMessage { id body internal }
      messages(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { id body internal createdAt author { id } attachments { id filename contentType size url } } }
      }
    }
  }
`;

export const ACTIVITIES = /* GraphQL */ `
  query Activities($id: ID!, $first: Int, $after: String) {
    ticket(id: $id) {
      id version
      activities(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { id seq type actorId actor { id } createdAt changes { field from to } tag messageId summary } }
      }
    }
  }
`;

export const UPDATE = /* GraphQL */ `
  mutation Update($id: ID!, $input: UpdateTicketInput!, $v: Int) { updateTicket(id: $id, input: $input, expectedVersion: $v) { id version title priority tags } }
`;

export const CLAIM = /* GraphQL */ `mutation Claim($id: ID!) { claimTicket(id: $id) { id version assignee { id } } }`;

export interface AttachmentData {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  url: string;
}

export interface MessageData {
  id: string;
  body: string;
  internal: boolean;
  createdAt: string;
  author: { id: string } | null;
  attachments: AttachmentData[];
}

export interface MessagePage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: Array<{ cursor: string; node: MessageData }>;
}

export interface TicketView {
  id: string;
  status: string;
  version: number;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  messageCount: number;
  lastMessage: { id: string; body: string; internal: boolean } | null;
  messages: MessagePage;
}

export interface Activity {
  id: string;
  seq: number;
  type: string;
  actorId: string | null;
  actor: { id: string } | null;
  createdAt: string;
  changes: Array<{ field: string; from: string | null; to: string | null }>;
  tag: string | null;
  messageId: string | null;
  summary: string;
}

export interface ActivityPage {
  totalCount: number;
  pageInfo: MessagePage['pageInfo'];
  edges: Array<{ cursor: string; node: Activity }>;
}

export function postMessage(url: string, token: string, input: Record<string, unknown>): Promise<GraphQLResult<{ postMessage: MessageData }>> {
  return gql<{ postMessage: MessageData }>(url, POST_MESSAGE, { input }, { token });
}

export async function postOk(url: string, token: string, ticketId: string, body: string, extra: Record<string, unknown> = {}): Promise<MessageData> {
  return (await gqlOk<{ postMessage: MessageData }>(url, POST_MESSAGE, { input: { ticketId, body, ...extra } }, { token })).postMessage;
}

export async function viewTicket(url: string, token: string, id: string, first = 100, after: string | null = null): Promise<TicketView> {
  return (await gqlOk<{ ticket: TicketView }>(url, TICKET_VIEW, { id, first, after }, { token })).ticket;
}

export async function activities(url: string, token: string, id: string, first = 50, after: string | null = null): Promise<ActivityPage> {
  return (await gqlOk<{ ticket: { activities: ActivityPage } }>(url, ACTIVITIES, { id, first, after }, { token })).ticket.activities;
}

/** Walks a connection page by page, returning every page it saw (guards against endless loops). */
export async function walk<P extends { pageInfo: MessagePage['pageInfo'] }>(fetchPage: (after: string | null) => Promise<P>): Promise<P[]> {
  const pages: P[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 50; guard++) {
    const page: P = await fetchPage(after);
    pages.push(page);
    if (!page.pageInfo.hasNextPage) return pages;
    after = page.pageInfo.endCursor;
  }
  throw new Error('pagination did not terminate');
}
