import { errorCode, gql, gqlOk, type GraphQLResult } from '../../../test/graphql.js';
import type { TestServer } from '../../../test/server.js';
import { createTestTenant, tokenFor, type TestTenant } from '../../../test/tenants.js';

export const SHOP = 'https://shop.example';

export const CREATE_KEY = /* GraphQL */ `
  mutation K($input: CreateWidgetKeyInput!) { createWidgetKey(input: $input) { id key allowedOrigins identitySecret requireIdentity } }
`;
export const START = /* GraphQL */ `
  mutation S($input: StartChatInput!) {
    startChat(input: $input) { token chat { id state topic agentName ticketNumber messages { id body kind fromVisitor authorName } } }
  }
`;
export const VISITOR_CHAT = '{ visitorChat { id state agentName messages { id body kind fromVisitor authorName } } }';
export const CHATS = 'query C($states: [ChatState!]) { chats(states: $states) { id ticketId state topic visitorName visitorEmail ip userAgent agent { id } department { id } } }';
export const SET_CAPACITY = 'mutation Cap($input: ChatCapacityInput!) { setChatCapacity(input: $input) { capacity } }';
export const ACTIVITIES = 'query A($id: ID!) { ticket(id: $id) { channel title activities { edges { node { type changes { field from to } } } } } }';

export interface VisitorChat {
  id: string;
  state: string;
  agentName: string | null;
  messages: Array<{ id: string; body: string; kind: string; fromVisitor: boolean; authorName: string | null }>;
}

export interface ChatWorld {
  t: TestTenant;
  tokens: Record<'admin' | 'agent1' | 'agent2', string>;
  key: { id: string; key: string; identitySecret: string };
}

/** A fresh tenant with signed-in staff and a widget key for https://shop.example. */
export async function chatWorld(server: TestServer, label: string, keyInput: Record<string, unknown> = {}): Promise<ChatWorld> {
  const t = await createTestTenant(server.app, label);
  const tokens = {
    admin: await tokenFor(server.url, t.admin),
    agent1: await tokenFor(server.url, t.agent1),
    agent2: await tokenFor(server.url, t.agent2),
  };
  const { createWidgetKey } = await gqlOk<{ createWidgetKey: ChatWorld['key'] }>(
    server.url,
    CREATE_KEY,
    { input: { name: 'Shop', allowedOrigins: [SHOP], ...keyInput } },
    { token: tokens.admin },
  );
  return { t, tokens, key: createWidgetKey };
}

let visitors = 0;

/** Each visitor comes from an address of their own (through the trusted local proxy), unless one is given. */
export function startChat(server: TestServer, key: string, input: Record<string, unknown> = {}, origin: string | null = SHOP, ip?: string): Promise<GraphQLResult> {
  visitors += 1;
  const from = ip ?? `10.${(visitors >> 16) & 255}.${(visitors >> 8) & 255}.${visitors & 255}`;
  return gql(
    server.url,
    START,
    { input: { widgetKey: key, name: `Visitor ${visitors}`, email: `visitor${visitors}-${Date.now()}@example.com`, topic: `Question ${visitors}`, ...input } },
    { headers: { ...(origin ? { origin } : {}), 'user-agent': 'chat-test-browser/1.0', 'x-forwarded-for': from } },
  );
}

export async function startedChat(server: TestServer, key: string, input: Record<string, unknown> = {}): Promise<{ token: string; chat: VisitorChat }> {
  const result = await startChat(server, key, input);
  if (result.errors?.length) throw new Error(`startChat failed: ${JSON.stringify(result.errors)} (${errorCode(result)})`);
  return result.data!.startChat;
}

export async function chatsOf(server: TestServer, token: string, states?: string[]) {
  const { chats } = await gqlOk<{ chats: Array<{ id: string; ticketId: string; state: string; agent: { id: string } | null; [k: string]: unknown }> }>(
    server.url,
    CHATS,
    { states },
    { token },
  );
  return chats;
}

export const setCapacity = (server: TestServer, adminToken: string, userId: string, capacity: number) =>
  gqlOk(server.url, SET_CAPACITY, { input: { userId, capacity } }, { token: adminToken });

export const visitorChat = async (server: TestServer, token: string) => (await gqlOk<{ visitorChat: VisitorChat }>(server.url, VISITOR_CHAT, {}, { token })).visitorChat;
