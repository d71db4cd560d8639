import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql, gqlOk } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, tokenFor } from '../../../test/tenants.js';
import { connectedWs, connectWs, disposeAllWs } from '../../../test/ws.js';
import { MailMessage } from '../../mail/mail-message.entity.js';
import { ACTIVITIES, SHOP, chatWorld, chatsOf, setCapacity, startChat, startedChat, visitorChat, type VisitorChat } from './chat.fixture.js';

const MESSAGE_ADDED = 'subscription { chatMessageAdded { id body kind fromVisitor authorName } }';
type ChatMessage = VisitorChat['messages'][number];

describe.each(await testDatabases())('live chat routing on %s', (db) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(db, { CHAT_MESSAGES_PER_MINUTE: '5', CHAT_STARTS_PER_IP: '3' });
  });
  afterEach(() => disposeAllWs());
  afterAll(async () => {
    await disposeAllWs();
    await server?.stop();
  });

  const activities = async (token: string, ticketId: string) => {
    const { ticket } = await gqlOk<{ ticket: { channel: string; title: string; activities: { edges: Array<{ node: { type: string; changes: Array<{ field: string; to: string | null }> } }> } } }>(
      server.url,
      ACTIVITIES,
      { id: ticketId },
      { token },
    );
    return ticket;
  };
  const reasonsOf = async (token: string, ticketId: string) =>
    (await activities(token, ticketId)).activities.edges
      .filter((e) => e.node.type === 'CHAT_ASSIGNED')
      .map((e) => e.node.changes.find((c) => c.field === 'routingReason')?.to);

  it('becomes a ticket at once when nobody is online, and the visitor is told', async () => {
    const w = await chatWorld(server, 'offline');
    const { chat } = await startedChat(server, w.key.key, { topic: 'Izin usaha saya' });
    expect(chat.state).toBe('OFFLINE');
    expect(chat.messages).toEqual([expect.objectContaining({ kind: 'SYSTEM', fromVisitor: false, body: expect.stringContaining(`ticket #`) })]);
    expect(chat.messages[0].body).toContain('e-mail');
    const [offline] = await chatsOf(server, w.tokens.admin, ['OFFLINE']);
    expect(offline).toMatchObject({ id: chat.id, state: 'OFFLINE', topic: 'Izin usaha saya', ip: expect.any(String), userAgent: 'chat-test-browser/1.0' });
    const ticket = await activities(w.tokens.admin, offline.ticketId);
    expect(ticket).toMatchObject({ channel: 'CHAT', title: 'Izin usaha saya' });
    const indonesian = await startedChat(server, w.key.key, { locale: 'id' });
    expect(indonesian.chat.messages[0].body).toContain('lewat e-mail');
  });

  it('becomes a ticket outside business hours even with an agent online', async () => {
    const w = await chatWorld(server, 'hours');
    await connectedWs(server.url, w.tokens.agent1);
    const today = new Date().toISOString().slice(0, 10);
    const hours = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, open: '00:00', close: '23:59' }));
    const CAL = 'mutation B($input: BusinessCalendarInput!) { setBusinessCalendar(input: $input) { timezone } }';
    await gqlOk(server.url, CAL, { input: { timezone: 'UTC', hours, holidays: [today] } }, { token: w.tokens.admin });
    const settings = await gqlOk<{ widgetSettings: { agentsAvailable: boolean } }>(server.url, 'query W($k: String!) { widgetSettings(widgetKey: $k) { agentsAvailable } }', { k: w.key.key });
    expect(settings.widgetSettings.agentsAvailable).toBe(false);
    expect((await startedChat(server, w.key.key)).chat.state).toBe('OFFLINE');
    // Open again (no holiday): the same online agent gets the next chat.
    await gqlOk(server.url, CAL, { input: { timezone: 'UTC', hours, holidays: [] } }, { token: w.tokens.admin });
    const now = new Date();
    const lastMinute = now.getUTCHours() === 23 && now.getUTCMinutes() >= 58;
    if (!lastMinute) expect((await startedChat(server, w.key.key)).chat.state).toBe('ACTIVE');
  });

  it('refuses origins not on the key, unknown keys, and keeps chats in the key’s tenant', async () => {
    const w = await chatWorld(server, 'origins');
    const other = await createTestTenant(server.app, 'origins-other');
    expect(errorCode(await startChat(server, w.key.key, {}, 'https://evil.example'))).toBe('FORBIDDEN');
    expect(errorCode(await startChat(server, w.key.key, { hostOrigin: 'https://evil.example' }, server.url))).toBe('FORBIDDEN');
    expect(errorCode(await startChat(server, 'wk_not-a-real-key-000'))).toBe('NOT_FOUND');
    expect(errorCode(await startChat(server, w.key.key, { email: 'not-an-email' }))).toBe('BAD_USER_INPUT');
    const framed = await startChat(server, w.key.key, { hostOrigin: SHOP }, server.url);
    expect(framed.errors).toBeUndefined();
    const chatId = framed.data!.startChat.chat.id;
    const otherAdmin = await tokenFor(server.url, other.admin);
    expect(errorCode(await gql(server.url, 'query C($id: ID!) { chat(id: $id) { id } }', { id: chatId }, { token: otherAdmin }))).toBe('NOT_FOUND');
    expect(await chatsOf(server, otherAdmin, ['OFFLINE', 'WAITING', 'ACTIVE'])).toEqual([]);
    expect((await chatsOf(server, w.tokens.admin, ['OFFLINE'])).map((c) => c.id)).toContain(chatId);
  });

  it('gives each chat to the least loaded online agent, ties to the longest waiting, never past capacity', async () => {
    const w = await chatWorld(server, 'fair');
    await setCapacity(server, w.tokens.admin, w.t.agent1.id, 2);
    await setCapacity(server, w.tokens.admin, w.t.agent2.id, 2);
    await connectedWs(server.url, w.tokens.agent1);
    await connectedWs(server.url, w.tokens.agent2);
    const started: Array<{ token: string; chat: VisitorChat }> = [];
    for (let i = 0; i < 5; i++) started.push(await startedChat(server, w.key.key));
    const chats = await chatsOf(server, w.tokens.admin, ['WAITING', 'ACTIVE']);
    const agentOf = (id: string) => chats.find((c) => c.id === id)?.agent?.id ?? null;
    const first = [w.t.agent1.id, w.t.agent2.id].sort()[0];
    const second = first === w.t.agent1.id ? w.t.agent2.id : w.t.agent1.id;
    expect(started.slice(0, 4).map((s) => agentOf(s.chat.id))).toEqual([first, second, first, second]);
    expect(started.slice(0, 4).map((s) => s.chat.state)).toEqual(['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE']);
    // Both are full: the fifth waits in the queue.
    expect(started[4].chat.state).toBe('WAITING');
    expect(agentOf(started[4].chat.id)).toBeNull();
    expect(started[0].chat.messages.at(-1)).toMatchObject({ kind: 'SYSTEM', body: expect.stringContaining('joined the chat') });
    const firstTicket = chats.find((c) => c.id === started[0].chat.id)!.ticketId;
    expect(await reasonsOf(w.tokens.admin, firstTicket)).toEqual(['LEAST_LOADED']);

    // Closing one of the first agent's chats frees a place: the waiting chat goes there.
    const firstToken = first === w.t.agent1.id ? w.tokens.agent1 : w.tokens.agent2;
    await gqlOk(server.url, 'mutation X($id: ID!) { closeChat(id: $id) { state } }', { id: started[0].chat.id }, { token: firstToken });
    expect(await visitorChat(server, started[0].token)).toMatchObject({ state: 'CLOSED' });
    const fifth = await visitorChat(server, started[4].token);
    expect(fifth.state).toBe('ACTIVE');
    const after = await chatsOf(server, w.tokens.admin, ['ACTIVE']);
    expect(after.find((c) => c.id === started[4].chat.id)?.agent?.id).toBe(first);
    expect(await reasonsOf(w.tokens.admin, after.find((c) => c.id === started[4].chat.id)!.ticketId)).toEqual(['ONLY_CANDIDATE']);
    const load = new Map<string, number>();
    for (const c of after) load.set(c.agent!.id, (load.get(c.agent!.id) ?? 0) + 1);
    expect([...load.values()].every((n) => n <= 2)).toBe(true);

    // The visitor rates the closed chat.
    const rated = await gqlOk<{ rateChat: { rating: number } }>(server.url, 'mutation { rateChat(input: { rating: 5, comment: "Cepat!" }) { rating } }', {}, { token: started[0].token });
    expect(rated.rateChat.rating).toBe(5);
    // The rating is no ticket event, yet the ticket's metrics row takes it (the CSAT of the reports).
    await server.app.workers.metrics.idle();
    const METRICS = 'query T($id: ID!) { ticket(id: $id) { metrics { channel csatScore department } } }';
    expect((await gqlOk(server.url, METRICS, { id: firstTicket }, { token: w.tokens.admin })).ticket.metrics).toEqual({ channel: 'CHAT', csatScore: 5, department: null });
    expect(errorCode(await gql(server.url, 'mutation { rateChat(input: { rating: 4 }) { rating } }', {}, { token: started[1].token }))).toBe('BAD_USER_INPUT');
  });

  it('keeps placing other departments’ chats while one department is full', async () => {
    const w = await chatWorld(server, 'depts');
    const DEPT = 'mutation D($input: DepartmentInput!) { createDepartment(input: $input) { id } }';
    const a = (await gqlOk<{ createDepartment: { id: string } }>(server.url, DEPT, { input: { name: 'Investasi', memberIds: [w.t.agent1.id] } }, { token: w.tokens.admin })).createDepartment.id;
    const b = (await gqlOk<{ createDepartment: { id: string } }>(server.url, DEPT, { input: { name: 'Teknis', memberIds: [w.t.agent2.id] } }, { token: w.tokens.admin })).createDepartment.id;
    await setCapacity(server, w.tokens.admin, w.t.agent1.id, 1);
    await connectedWs(server.url, w.tokens.agent1);
    await connectedWs(server.url, w.tokens.agent2);
    expect((await startedChat(server, w.key.key, { departmentId: a })).chat.state).toBe('ACTIVE');
    expect((await startedChat(server, w.key.key, { departmentId: a })).chat.state).toBe('WAITING');
    const other = await startedChat(server, w.key.key, { departmentId: b });
    expect(other.chat).toMatchObject({ state: 'ACTIVE', agentName: `agent2 of ${w.t.slug}` });
    // The metrics row names the chat's department, so the reports filter by it.
    await server.app.workers.metrics.idle();
    const ticketId = (await chatsOf(server, w.tokens.admin, ['ACTIVE'])).find((c) => c.id === other.chat.id)!.ticketId;
    const METRICS = 'query T($id: ID!) { ticket(id: $id) { metrics { department } } }';
    expect((await gqlOk(server.url, METRICS, { id: ticketId }, { token: w.tokens.admin })).ticket.metrics).toEqual({ department: 'Teknis' });
  });

  it('re-queues an agent’s chats when they go offline; the visitor sees it live', async () => {
    const w = await chatWorld(server, 'requeue');
    const a1 = await connectedWs(server.url, w.tokens.agent1);
    const { token, chat } = await startedChat(server, w.key.key);
    const holder = (await chatsOf(server, w.tokens.admin, ['ACTIVE']))[0].agent!.id;
    expect(holder).toBe(w.t.agent1.id);
    await connectedWs(server.url, w.tokens.agent2);
    const live = connectWs(server.url, token).subscribe<ChatMessage>(MESSAGE_ADDED);
    await live.prime(() => gqlOk(server.url, 'mutation { sendChatMessage(input: { body: "halo" }) { id } }', {}, { token }), (m) => m.fromVisitor);
    await a1.dispose();
    const line = await live.waitFor((m) => m.kind === 'SYSTEM' && m.body.includes('went offline'), 8000);
    expect(line.fromVisitor).toBe(false);
    await live.waitFor((m) => m.kind === 'SYSTEM' && m.body.includes('joined the chat'), 8000);
    const now = await chatsOf(server, w.tokens.admin, ['ACTIVE']);
    expect(now.find((c) => c.id === chat.id)?.agent?.id).toBe(w.t.agent2.id);
  });

  it('transfers to an agent or a department', async () => {
    const w = await chatWorld(server, 'transfer');
    await connectedWs(server.url, w.tokens.agent1);
    await connectedWs(server.url, w.tokens.agent2);
    const { chat } = await startedChat(server, w.key.key);
    const ticketId = (await chatsOf(server, w.tokens.admin))[0].ticketId;
    const holder = (await chatsOf(server, w.tokens.admin))[0].agent!.id;
    const target = holder === w.t.agent1.id ? w.t.agent2.id : w.t.agent1.id;
    const TRANSFER = 'mutation T($input: TransferChatInput!) { transferChat(input: $input) { state agent { id } department { id } } }';
    const moved = await gqlOk<{ transferChat: { agent: { id: string } } }>(server.url, TRANSFER, { input: { chatId: chat.id, agentId: target } }, { token: w.tokens.admin });
    expect(moved.transferChat.agent.id).toBe(target);
    const { createDepartment } = await gqlOk<{ createDepartment: { id: string } }>(
      server.url,
      'mutation D($input: DepartmentInput!) { createDepartment(input: $input) { id name members { id } } }',
      { input: { name: 'Perpajakan', memberIds: [holder] } },
      { token: w.tokens.admin },
    );
    const toDept = await gqlOk<{ transferChat: { agent: { id: string }; department: { id: string } } }>(
      server.url,
      TRANSFER,
      { input: { chatId: chat.id, departmentId: createDepartment.id } },
      { token: w.tokens.admin },
    );
    expect(toDept.transferChat).toMatchObject({ agent: { id: holder }, department: { id: createDepartment.id } });
    expect(await reasonsOf(w.tokens.admin, ticketId)).toEqual(['LEAST_LOADED', 'TRANSFERRED', 'ONLY_CANDIDATE']);
    expect(errorCode(await gql(server.url, TRANSFER, { input: { chatId: chat.id, agentId: w.t.customer1.id } }, { token: w.tokens.admin }))).toBe('BAD_USER_INPUT');
  });

  it('carries messages and typing both ways, live', async () => {
    const w = await chatWorld(server, 'live');
    const agentWs = await connectedWs(server.url, w.tokens.agent1);
    const { token, chat } = await startedChat(server, w.key.key, { name: 'Budi' });
    const ticketId = (await chatsOf(server, w.tokens.admin))[0].ticketId;
    const visitorWs = connectWs(server.url, token);
    const messages = visitorWs.subscribe<ChatMessage>(MESSAGE_ADDED);
    const agentTyping = agentWs.subscribe<{ name: string; isTyping: boolean }>('subscription T($id: ID!) { typing(ticketId: $id) { name isTyping } }', { id: ticketId });
    const visitorTyping = visitorWs.subscribe<{ name: string; isTyping: boolean }>('subscription { chatTyping { name isTyping } }');
    const POST = 'mutation P($input: PostMessageInput!) { postMessage(input: $input) { id } }';
    await messages.prime(() => gqlOk(server.url, POST, { input: { ticketId, body: 'Selamat siang, ada yang bisa dibantu?' } }, { token: w.tokens.agent1 }), (m) => !m.fromVisitor);
    expect(messages.events.find((m) => !m.fromVisitor && m.kind === 'TEXT')).toMatchObject({ authorName: `agent1 of ${w.t.slug}` });
    const seen = await agentTyping.prime(() => gqlOk(server.url, 'mutation { setChatTyping(isTyping: true) }', {}, { token }), (e) => e.isTyping);
    expect(seen.name).toBe('Budi');
    await visitorTyping.prime(() => gqlOk(server.url, 'mutation T($id: ID!) { setTyping(ticketId: $id, isTyping: true) }', { id: ticketId }, { token: w.tokens.agent1 }), (e) => e.isTyping);
    await gqlOk(server.url, POST, { input: { ticketId, body: 'catatan', internal: true } }, { token: w.tokens.agent1 });
    await gqlOk(server.url, 'mutation { sendChatMessage(input: { body: "Terima kasih" }) { id } }', {}, { token });
    const next = await messages.waitFor((m) => m.body === 'Terima kasih');
    expect(next.fromVisitor).toBe(true);
    expect(messages.events.map((m) => m.body)).not.toContain('catatan');
    expect((await visitorChat(server, token)).messages.map((m) => m.body)).not.toContain('catatan');
    const read = await gqlOk<{ markChatRead: { id: string } }>(server.url, 'mutation { markChatRead { id } }', {}, { token });
    expect(read.markChatRead.id).toBe(chat.id);
  });

  it('mails the transcript to the visitor through the outbox, in their language', async () => {
    const w = await chatWorld(server, 'transcript');
    const email = `transcript-${Date.now()}@example.com`;
    const { token } = await startedChat(server, w.key.key, { email, topic: 'NPWP baru', locale: 'id' });
    await gqlOk(server.url, 'mutation { sendChatMessage(input: { body: "Bagaimana cara daftar NPWP?" }) { id } }', {}, { token });
    expect((await gqlOk<{ emailChatTranscript: boolean }>(server.url, 'mutation { emailChatTranscript }', {}, { token })).emailChatTranscript).toBe(true);
    const [mail] = await server.app.orm.em.fork().find(MailMessage, { recipient: email });
    expect(mail).toMatchObject({ template: 'CHAT_TRANSCRIPT', locale: 'id', subject: 'Obrolan Anda: NPWP baru' });
    expect(mail.text).toContain('Bagaimana cara daftar NPWP?');
    expect(mail.text).toContain('lewat e-mail');
  });

  it('limits how fast a visitor sends, with a clear error', async () => {
    const w = await chatWorld(server, 'abuse');
    const { token } = await startedChat(server, w.key.key);
    const send = () => gql(server.url, 'mutation { sendChatMessage(input: { body: "spam" }) { id } }', {}, { token });
    for (let i = 0; i < 5; i++) expect((await send()).errors).toBeUndefined();
    const limited = await send();
    expect(errorCode(limited)).toBe('RATE_LIMITED');
    expect(limited.errors?.[0].message).toMatch(/too fast/);
    const ip = '192.0.2.77';
    for (let i = 0; i < 3; i++) expect((await startChat(server, w.key.key, {}, SHOP, ip)).errors).toBeUndefined();
    const tooMany = await startChat(server, w.key.key, {}, SHOP, ip);
    expect(errorCode(tooMany)).toBe('RATE_LIMITED');
    expect(tooMany.errors?.[0].message).toMatch(/Too many chats/);
  });

  it('enforces HMAC identity verification when the key requires it', async () => {
    const w = await chatWorld(server, 'hmac', { requireIdentity: true });
    const refused = await startChat(server, w.key.key);
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.errors?.[0].extensions?.reason).toBe('IDENTITY_REQUIRED');
    expect(errorCode(await startChat(server, w.key.key, { visitorId: 'cust-42', visitorIdHash: 'ab'.repeat(32) }))).toBe('FORBIDDEN');
    const hash = createHmac('sha256', w.key.identitySecret).update('cust-42').digest('hex');
    expect((await startChat(server, w.key.key, { visitorId: 'cust-42', visitorIdHash: hash, topic: 'Pertama' })).errors).toBeUndefined();
    // A verified visitor sees their earlier chats; nobody else's.
    const second = await startedChat(server, w.key.key, { visitorId: 'cust-42', visitorIdHash: hash, topic: 'Kedua' });
    const EARLIER = '{ visitorChat { earlierChats { topic state ticketNumber } } }';
    const seen = await gqlOk<{ visitorChat: { earlierChats: Array<{ topic: string }> } }>(server.url, EARLIER, {}, { token: second.token });
    expect(seen.visitorChat.earlierChats.map((c) => c.topic)).toEqual(['Pertama']);
    const otherHash = createHmac('sha256', w.key.identitySecret).update('cust-43').digest('hex');
    const stranger = await startedChat(server, w.key.key, { visitorId: 'cust-43', visitorIdHash: otherHash });
    expect((await gqlOk<{ visitorChat: { earlierChats: unknown[] } }>(server.url, EARLIER, {}, { token: stranger.token })).visitorChat.earlierChats).toEqual([]);
  });
});
