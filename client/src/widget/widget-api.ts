import { createClient, type Client } from 'graphql-ws';

/** The widget talks to the API it was served from, with plain fetch and one WebSocket. */

export interface ChatMessage {
  id: string;
  body: string;
  kind: 'TEXT' | 'SYSTEM';
  fromVisitor: boolean;
  authorName: string | null;
  createdAt: string;
}

export type ChatState = 'WAITING' | 'ACTIVE' | 'OFFLINE' | 'CLOSED';

export interface VisitorChat {
  id: string;
  state: ChatState;
  topic: string;
  agentName: string | null;
  ticketNumber: number;
  agentReadAt: string | null;
  rating: number | null;
  messages: ChatMessage[];
}

export interface WidgetSettings {
  color: string;
  greeting: string | null;
  departments: Array<{ id: string; name: string }>;
  agentsAvailable: boolean;
  requireIdentity: boolean;
}

export class WidgetError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly fields: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

const MESSAGE = 'id body kind fromVisitor authorName createdAt';
const CHAT = `id state topic agentName ticketNumber agentReadAt rating messages { ${MESSAGE} }`;

export const Q = {
  settings: `query WidgetSettings($key: String!) { widgetSettings(widgetKey: $key) { color greeting departments { id name } agentsAvailable requireIdentity } }`,
  start: `mutation StartChat($input: StartChatInput!) { startChat(input: $input) { token chat { ${CHAT} } } }`,
  chat: `query VisitorChat { visitorChat { ${CHAT} } }`,
  send: `mutation Send($body: String!) { sendChatMessage(input: { body: $body }) { ${MESSAGE} } }`,
  typing: `mutation Typing($on: Boolean!) { setChatTyping(isTyping: $on) }`,
  read: `mutation Read { markChatRead { id } }`,
  end: `mutation End { endChat { ${CHAT} } }`,
  rate: `mutation Rate($input: RateChatInput!) { rateChat(input: $input) { ${CHAT} } }`,
  messages: `subscription Messages { chatMessageAdded { ${MESSAGE} } }`,
  agentTyping: `subscription AgentTyping { chatTyping { name isTyping } }`,
};

export async function call<T>(query: string, variables: Record<string, unknown> = {}, token?: string | null): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string; fields?: Record<string, string[]> } }> };
  const error = body.errors?.[0];
  if (error || !body.data) throw new WidgetError(error?.message ?? `HTTP ${response.status}`, error?.extensions?.code, error?.extensions?.fields);
  return body.data;
}

export function socket(token: string): Client {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  return createClient({ url, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: Infinity, shouldRetry: () => true });
}
