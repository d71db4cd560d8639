import { createClient, type Client } from 'graphql-ws';

/** The widget talks to the API it was served from, with plain fetch and one WebSocket. */

export interface ChatMessage {
  id: string;
  body: string;
  kind: 'TEXT' | 'SYSTEM';
  fromVisitor: boolean;
  authorName: string | null;
  attachmentNames: string[];
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
  earlierChats: Array<{ id: string; topic: string; state: ChatState; ticketNumber: number }>;
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

const MESSAGE = 'id body kind fromVisitor authorName attachmentNames createdAt';
const CHAT = `id state topic agentName ticketNumber agentReadAt rating messages { ${MESSAGE} } earlierChats { id topic state ticketNumber }`;

export const Q = {
  settings: `query WidgetSettings($key: String!, $locale: String) { widgetSettings(widgetKey: $key, locale: $locale) { color greeting departments { id name } agentsAvailable requireIdentity } }`,
  start: `mutation StartChat($input: StartChatInput!) { startChat(input: $input) { token chat { ${CHAT} } } }`,
  chat: `query VisitorChat { visitorChat { ${CHAT} } }`,
  send: `mutation Send($body: String!, $ids: [ID!]) { sendChatMessage(input: { body: $body, attachmentIds: $ids }) { ${MESSAGE} } }`,
  typing: `mutation Typing($on: Boolean!) { setChatTyping(isTyping: $on) }`,
  read: `mutation Read { markChatRead { id } }`,
  end: `mutation End { endChat { ${CHAT} } }`,
  transcript: `mutation Transcript { emailChatTranscript }`,
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

/** Uploads one file through the API's uploads with progress (0–1); resolves with its id. */
export function uploadFile(file: File, token: string, onProgress: (share: number) => void): Promise<{ id: string; filename: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/uploads');
    xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      const body = JSON.parse(xhr.responseText || '{}') as { id?: string; filename?: string; errors?: Array<{ message: string }> };
      if (xhr.status === 201 && body.id) resolve({ id: body.id, filename: body.filename ?? file.name });
      else reject(new WidgetError(body.errors?.[0]?.message ?? `HTTP ${xhr.status}`, 'UPLOAD_FAILED'));
    };
    xhr.onerror = () => reject(new WidgetError('Upload failed', 'UPLOAD_FAILED'));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
