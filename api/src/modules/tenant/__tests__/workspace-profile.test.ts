import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql, gqlOk, type GraphQLResult } from '../../../test/graphql.js';
import { useTenantPair } from '../../../test/tenant-pair.js';
import { CREATE_KEY, SHOP } from '../../chat/__tests__/chat.fixture.js';

const PROFILE = `name logoUrl defaultLocale timezone widgetColor widgetGreeting widgetGreetingIndonesian`;
const SET = `mutation S($input: UpdateWorkspaceSettingsInput!) { updateWorkspaceSettings(input: $input) { ${PROFILE} } }`;
const GET = `{ workspaceSettings { ${PROFILE} } }`;
const ME = `{ me { tenant { name logoUrl } } }`;
const INVITE = `mutation I($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`;
const WIDGET = `query W($k: String!, $l: String) { widgetSettings(widgetKey: $k, locale: $l) { greeting color } }`;
const CALENDAR = `{ businessCalendar { timezone } }`;
const POLICY = `mutation P($i: SlaPolicyInput!) { setSlaPolicy(input: $i) { id } }`;
const TICKET = `mutation T($input: CreateTicketInput!) { createTicket(input: $input) { id firstResponseDueAt } }`;
const DUE = `query D($id: ID!) { ticket(id: $id) { firstResponseDueAt } }`;

const fieldsOf = (r: GraphQLResult) => r.errors?.[0]?.extensions?.fields as Record<string, string[]> | undefined;

describe.each(await testDatabases())('workspace profile on %s', (db) => {
  const { server, t, tokens } = useTenantPair(db, 'profile');

  it('starts with defaults and is changed by admins only', async () => {
    expect((await gqlOk(server.url, GET, {}, { token: tokens.admin })).workspaceSettings).toMatchObject({
      logoUrl: null,
      defaultLocale: 'en',
      timezone: 'UTC',
      widgetColor: null,
      widgetGreeting: null,
    });
    const input = {
      name: 'Profile Works',
      logoUrl: 'https://cdn.example/logo.png',
      defaultLocale: 'id',
      timezone: 'Asia/Jakarta',
      widgetColor: '#3B5BDB',
      widgetGreeting: 'Hi there!',
      widgetGreetingIndonesian: 'Halo!',
    };
    const saved = (await gqlOk(server.url, SET, { input }, { token: tokens.admin })).updateWorkspaceSettings;
    expect(saved).toEqual({ ...input, widgetColor: '#3b5bdb' });
    expect((await gqlOk(server.url, ME, {}, { token: tokens.agent1 })).me.tenant).toEqual({ name: 'Profile Works', logoUrl: 'https://cdn.example/logo.png' });
    expect(errorCode(await gql(server.url, SET, { input: { name: 'Agent was here' } }, { token: tokens.agent1 }))).toBe('FORBIDDEN');
    // Another workspace is untouched.
    expect((await gqlOk(server.url, GET, {}, { token: tokens.otherAdmin })).workspaceSettings.timezone).toBe('UTC');
    // An empty string clears an optional field.
    expect((await gqlOk(server.url, SET, { input: { logoUrl: '' } }, { token: tokens.admin })).updateWorkspaceSettings.logoUrl).toBeNull();
  });

  it('refuses bad values field by field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ logoUrl: 'http://insecure.example/logo.png' }, 'logoUrl'],
      [{ logoUrl: 'javascript:alert(1)' }, 'logoUrl'],
      [{ defaultLocale: 'fr' }, 'defaultLocale'],
      [{ timezone: 'Mars/Olympus' }, 'timezone'],
      [{ widgetColor: 'blue' }, 'widgetColor'],
      [{ widgetGreeting: 'x'.repeat(301) }, 'widgetGreeting'],
      [{ name: '   ' }, 'name'],
    ];
    for (const [input, field] of cases) {
      const result = await gql(server.url, SET, { input }, { token: tokens.admin });
      expect(errorCode(result), field).toBe('BAD_USER_INPUT');
      expect(Object.keys(fieldsOf(result) ?? {}), field).toEqual([field]);
    }
  });

  it('gives new members the default language and the widget the greeting', async () => {
    await gqlOk(server.url, SET, { input: { defaultLocale: 'id', widgetGreeting: 'Welcome to the profile desk' } }, { token: tokens.admin });
    const email = `new-${Date.now()}@${t.slug}.test`;
    const invited = (await gqlOk(server.url, INVITE, { input: { email, name: 'New Member', role: 'AGENT' } }, { token: tokens.admin })).createUser.user;
    const em = server.app.orm.em.fork();
    const row = await em.getConnection().execute('select locale from users where id = ?', [invited.id]);
    expect(row[0].locale).toBe('id');
    const key = (await gqlOk(server.url, CREATE_KEY, { input: { name: 'Shop', allowedOrigins: [SHOP] } }, { token: tokens.admin })).createWidgetKey;
    expect((await gqlOk(server.url, WIDGET, { k: key.key })).widgetSettings.greeting).toBe('Welcome to the profile desk');
  });

  it('gives new widget keys the workspace colour and visitors the greeting in their language', async () => {
    await gqlOk(server.url, SET, { input: { widgetColor: '#e8590c', widgetGreeting: 'Hello from the desk', widgetGreetingIndonesian: 'Halo dari meja bantuan' } }, { token: tokens.admin });
    const plain = (await gqlOk(server.url, CREATE_KEY, { input: { name: 'Plain', allowedOrigins: [SHOP] } }, { token: tokens.admin })).createWidgetKey;
    const own = (await gqlOk(server.url, CREATE_KEY, { input: { name: 'Own', allowedOrigins: [SHOP], color: '#2F9E44' } }, { token: tokens.admin })).createWidgetKey;
    expect((await gqlOk(server.url, WIDGET, { k: plain.key, l: 'en' })).widgetSettings).toEqual({ greeting: 'Hello from the desk', color: '#e8590c' });
    expect((await gqlOk(server.url, WIDGET, { k: plain.key, l: 'id' })).widgetSettings.greeting).toBe('Halo dari meja bantuan');
    expect((await gqlOk(server.url, WIDGET, { k: own.key })).widgetSettings.color).toBe('#2f9e44');
    // Another workspace's new key keeps the product colour.
    const foreign = (await gqlOk(server.url, CREATE_KEY, { input: { name: 'Foreign', allowedOrigins: [SHOP] } }, { token: tokens.otherAdmin })).createWidgetKey;
    expect((await gqlOk(server.url, WIDGET, { k: foreign.key, l: 'id' })).widgetSettings).toEqual({ greeting: null, color: '#228be6' });
  });

  it('business hours without a calendar of their own follow the workspace timezone, and due times move with it', async () => {
    await gqlOk(server.url, SET, { input: { timezone: 'UTC' } }, { token: tokens.admin });
    await gqlOk(server.url, POLICY, { i: { category: 'BILLING', firstResponseMinutes: 60, resolutionMinutes: 600, businessHours: true } }, { token: tokens.admin });
    // Opened on a Saturday: the first response is due one working hour after Monday 09:00, local time.
    const saturday = new Date(Date.UTC(2026, 11, 5, 12));
    const em = server.app.orm.em.fork();
    const ticket = (await gqlOk(server.url, TICKET, { input: { title: 'Timezone test', description: 'd', category: 'BILLING', customerId: t.customer1.id } }, { token: tokens.admin })).createTicket;
    // The policy's own recompute finishes before the ticket is backdated.
    await server.app.workers.slaRecompute.idle();
    await em.getConnection().execute('update tickets set created_at = ? where id = ?', [saturday, ticket.id]);
    await gqlOk(server.url, SET, { input: { timezone: 'Asia/Jakarta' } }, { token: tokens.admin });
    expect((await gqlOk(server.url, CALENDAR, {}, { token: tokens.agent1 })).businessCalendar.timezone).toBe('Asia/Jakarta');
    expect((await gqlOk(server.url, CALENDAR, {}, { token: tokens.otherAdmin })).businessCalendar.timezone).toBe('UTC');
    await server.app.workers.slaRecompute.idle();
    // Monday 09:00 in Jakarta is 02:00 UTC.
    expect((await gqlOk(server.url, DUE, { id: ticket.id }, { token: tokens.admin })).ticket.firstResponseDueAt).toBe('2026-12-07T03:00:00.000Z');
    await gqlOk(server.url, SET, { input: { timezone: 'UTC' } }, { token: tokens.admin });
    await server.app.workers.slaRecompute.idle();
    expect((await gqlOk(server.url, DUE, { id: ticket.id }, { token: tokens.admin })).ticket.firstResponseDueAt).toBe('2026-12-07T10:00:00.000Z');
  });
});
