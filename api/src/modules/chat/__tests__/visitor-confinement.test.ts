import { isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, getNamedType, isObjectType, isAbstractType, type GraphQLInputType, type GraphQLField } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { connectWs, disposeAllWs } from '../../../test/ws.js';
import { upload } from '../../attachment/__tests__/attachment.fixture.js';
import { chatWorld, chatsOf, startedChat, visitorChat, type ChatWorld } from './chat.fixture.js';

/** A literal of the type that passes GraphQL validation, so the request reaches the field's access check. */
function literal(type: GraphQLInputType): string {
  if (isNonNullType(type)) return literal(type.ofType);
  if (isListType(type)) return `[${literal(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return `{ ${required.map((f) => `${f.name}: ${literal(f.type)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    if (type.name === 'Int' || type.name === 'Float') return '1';
    if (type.name === 'Boolean') return 'false';
    if (type.name === 'DateTimeISO') return '"2026-01-01T00:00:00.000Z"';
    return '"x"';
  }
  throw new Error(`no literal for ${String(type)}`);
}

function operation(kind: 'query' | 'mutation' | 'subscription', field: GraphQLField<unknown, unknown>): string {
  const args = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const argText = args.length ? `(${args.map((a) => `${a.name}: ${literal(a.type)}`).join(', ')})` : '';
  const named = getNamedType(field.type);
  const selection = isObjectType(named) || isAbstractType(named) ? ' { __typename }' : '';
  return `${kind} { ${field.name}${argText}${selection} }`;
}

describe.each(await testDatabases())('a chat session token on %s', (db) => {
  let server: TestServer;
  let world: ChatWorld;
  let visitor: { token: string; chat: { id: string } };

  beforeAll(async () => {
    server = await startTestServer(db);
    world = await chatWorld(server, 'confined');
    visitor = await startedChat(server, world.key.key);
  });
  afterAll(async () => {
    await disposeAllWs();
    await server?.stop();
  });

  const visitorFields = () => {
    const out = new Set<string>();
    for (const type of [server.app.schema.getQueryType()!, server.app.schema.getMutationType()!, server.app.schema.getSubscriptionType()!]) {
      for (const f of Object.values(type.getFields())) if (f.astNode?.directives?.some((d) => d.name.value === 'auth' && JSON.stringify(d).includes('VISITOR'))) out.add(f.name);
    }
    return out;
  };

  it('is refused by every root query and mutation except the chat ones', async () => {
    const allowed = visitorFields();
    expect([...allowed].sort()).toEqual(['chatMessageAdded', 'chatTyping', 'emailChatTranscript', 'endChat', 'markChatRead', 'rateChat', 'sendChatMessage', 'setChatTyping', 'visitorChat']);
    const schema = server.app.schema;
    const checked: string[] = [];
    for (const [kind, type] of [['query', schema.getQueryType()!], ['mutation', schema.getMutationType()!]] as const) {
      for (const field of Object.values(type.getFields())) {
        if (allowed.has(field.name)) continue;
        const result = await gql(server.url, operation(kind, field), {}, { token: visitor.token });
        expect(errorCode(result), `${kind} ${field.name}: ${JSON.stringify(result.errors)}`).toBe('FORBIDDEN');
        checked.push(field.name);
      }
    }
    // Public fields too: a chat session is confined to its chat.
    expect(checked).toEqual(expect.arrayContaining(['login', 'startChat', 'widgetSettings', 'tickets', 'ticket', 'postMessage', 'createWidgetKey']));
  });

  it('is refused by every subscription except the chat ones', async () => {
    const allowed = visitorFields();
    const ws = connectWs(server.url, visitor.token);
    for (const field of Object.values(server.app.schema.getSubscriptionType()!.getFields())) {
      if (allowed.has(field.name)) continue;
      const sub = ws.subscribe(operation('subscription', field).replace(/^subscription /, 'subscription '));
      const errors = await sub.failed();
      expect(errors[0]?.extensions?.code, field.name).toBe('FORBIDDEN');
    }
  });

  it('reads and writes its own chat only; staff tokens cannot use the chat fields', async () => {
    const other = await startedChat(server, world.key.key);
    expect((await visitorChat(server, visitor.token)).id).toBe(visitor.chat.id);
    expect((await visitorChat(server, other.token)).id).toBe(other.chat.id);
    const sent = await gql(server.url, 'mutation { sendChatMessage(input: { body: "mine" }) { id } }', {}, { token: other.token });
    expect(sent.errors).toBeUndefined();
    expect((await visitorChat(server, visitor.token)).messages.map((m) => m.body)).not.toContain('mine');
    expect(errorCode(await gql(server.url, '{ visitorChat { id } }', {}, { token: world.tokens.admin }))).toBe('FORBIDDEN');
    expect(errorCode(await gql(server.url, '{ visitorChat { id } }', {}, { token: 'chs_' + 'A'.repeat(43) }))).toBe('UNAUTHENTICATED');
  });

  it('uploads a file onto its own chat only, and downloads nothing', async () => {
    const uploaded = await upload(server.url, visitor.token, new TextEncoder().encode('NIB: 1234567890'), 'nib.txt');
    expect(uploaded.status).toBe(201);
    const file = { body: uploaded.body as { id: string } };
    const SEND = 'mutation S($ids: [ID!]) { sendChatMessage(input: { body: "Ini NIB saya", attachmentIds: $ids }) { id attachmentNames } }';
    const sent = await gql<{ sendChatMessage: { attachmentNames: string[] } }>(server.url, SEND, { ids: [file.body.id] }, { token: visitor.token });
    expect(sent.data?.sendChatMessage.attachmentNames).toEqual(['nib.txt']);
    const ticketId = (await chatsOf(server, world.tokens.admin, ['OFFLINE'])).find((c) => c.id === visitor.chat.id)!.ticketId;
    const thread = await gql<{ ticket: { messages: { edges: Array<{ node: { body: string; attachments: Array<{ filename: string }> } }> } } }>(
      server.url,
      'query T($id: ID!) { ticket(id: $id) { messages { edges { node { body attachments { filename } } } } } }',
      { id: ticketId },
      { token: world.tokens.admin },
    );
    expect(thread.data?.ticket.messages.edges.find((e) => e.node.body === 'Ini NIB saya')?.node.attachments).toEqual([{ filename: 'nib.txt' }]);
    // Another visitor cannot put this visitor's upload on their chat; downloads are for staff.
    const other = await startedChat(server, world.key.key);
    const stolen = await gql(server.url, SEND, { ids: [file.body.id] }, { token: other.token });
    expect(stolen.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|NOT_FOUND/);
    const download = await fetch(`${server.url}/attachments/${file.body.id}`, { headers: { authorization: `Bearer ${visitor.token}` } });
    expect(download.status).toBe(403);
  });
});
