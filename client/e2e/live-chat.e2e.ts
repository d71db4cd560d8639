import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { apiLogin, graphql } from './support/api';
import { seriousViolations } from './support/axe';
import { launchBrowser, openPage, openSignedIn, screenshot, type WatchedPage } from './support/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

interface Calendar {
  timezone: string;
  hours: Array<{ day: number; open: string; close: string }>;
  holidays: string[];
}
const CALENDAR = '{ businessCalendar { timezone hours { day open close } holidays } }';
const SET_CALENDAR = 'mutation S($input: BusinessCalendarInput!) { setBusinessCalendar(input: $input) { timezone } }';
let savedCalendar: Calendar | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
  // Live chat answers only within business hours: open acme around the clock for these tests,
  // so they do not depend on the time of day they run at (restored afterwards).
  const admin = await apiLogin(baseUrl, 'admin@acme.example');
  savedCalendar = (await graphql<{ businessCalendar: Calendar }>(baseUrl, CALENDAR, {}, admin)).businessCalendar;
  const always = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, open: '00:00', close: '24:00' }));
  await graphql(baseUrl, SET_CALENDAR, { input: { timezone: savedCalendar.timezone, hours: always, holidays: [] } }, admin);
});
afterAll(async () => {
  await browser?.close();
  if (savedCalendar) await graphql(baseUrl, SET_CALENDAR, { input: savedCalendar }, await apiLogin(baseUrl, 'admin@acme.example'));
});

const CREATE_DEPARTMENT = 'mutation D($input: DepartmentInput!) { createDepartment(input: $input) { id } }';
const CREATE_KEY = 'mutation K($input: CreateWidgetKeyInput!) { createWidgetKey(input: $input) { key } }';

/** A widget key of acme for this server's own origin, routing to a new department with these agents. */
async function widgetKeyFor(label: string, agentIds: string[]): Promise<string> {
  const admin = await apiLogin(baseUrl, 'admin@acme.example');
  const dept = await graphql<{ createDepartment: { id: string } }>(baseUrl, CREATE_DEPARTMENT, { input: { name: `${label} ${Date.now()}`, memberIds: agentIds } }, admin);
  const key = await graphql<{ createWidgetKey: { key: string } }>(
    baseUrl,
    CREATE_KEY,
    { input: { name: label, allowedOrigins: [new URL(baseUrl).origin], departmentId: dept.createDepartment.id, color: '#2f9e44', greeting: 'Halo! How can we help?' } },
    admin,
  );
  return key.createWidgetKey.key;
}

async function userId(email: string): Promise<string> {
  const token = await apiLogin(baseUrl, email);
  return (await graphql<{ me: { user: { id: string } } }>(baseUrl, '{ me { user { id } } }', {}, token)).me.user.id;
}

/** The widget's frame on the demo page. */
async function widgetFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe[data-sociodesk-widget]');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no widget frame');
  await frame.waitForSelector('[data-testid="widget-launcher"]');
  return frame;
}

async function fillPreChat(frame: Frame, name: string, topic: string) {
  await frame.getByTestId('widget-launcher').click();
  await frame.getByLabel('Your name').fill(name);
  await frame.getByLabel('E-mail').fill(`${name.toLowerCase()}-${Date.now()}@example.com`);
  await frame.getByLabel('What is it about?').fill(topic);
  await frame.getByRole('button', { name: 'Start chat' }).click();
}

const frameViolations = (frame: Frame) => seriousViolations(frame as unknown as Page);

test('a visitor on /widget-demo chats live with the auto-assigned agent, and rates the chat at close', async () => {
  const agentId = await userId('agent1@acme.example');
  const key = await widgetKeyFor('E2E live', [agentId]);
  let agent: WatchedPage | undefined;
  let visitor: WatchedPage | undefined;
  try {
    agent = await openSignedIn(browser, baseUrl, 'agent1@acme.example', '/chats');
    await agent.page.getByRole('heading', { name: 'Live chat' }).waitFor();
    const agentToken = await apiLogin(baseUrl, 'agent1@acme.example');
    await graphql(baseUrl, 'mutation { setPresence(status: ONLINE) { status } }', {}, agentToken);
    // Routing reads presence: the agent is ONLINE (their inbox's socket is up) before the visitor starts.
    const agentStatus = async () =>
      (await graphql<{ agents: Array<{ user: { id: string }; status: string }> }>(baseUrl, '{ agents { user { id } status } }', {}, agentToken)).agents.find((a) => a.user.id === agentId)?.status;
    await expect.poll(agentStatus, { timeout: 15_000 }).toBe('ONLINE');

    visitor = await openPage(browser, baseUrl);
    await visitor.page.goto(`/widget-demo?key=${key}`, { waitUntil: 'load' });
    // The page shows the very snippet it embeds.
    expect(await visitor.page.locator('pre').textContent()).toContain(`<script src="${new URL(baseUrl).origin}/widget.js" data-key="${key}"`);
    const frame = await widgetFrame(visitor.page);
    await fillPreChat(frame, 'Budi', 'Izin usaha untuk kafe');
    await frame.getByTestId('widget-status').getByText('Chatting with Acme Agent One').waitFor({ timeout: 30_000 });
    expect(await frameViolations(frame)).toEqual([]);

    // The agent's inbox shows the chat live, with the visitor's details.
    await agent.page.getByTestId('chat-list-active').getByText('Izin usaha untuk kafe').click();
    const panel = agent.page.getByTestId('chat-panel');
    await panel.getByText('Budi', { exact: true }).waitFor();
    await panel.getByRole('textbox', { name: 'Write a reply…' }).fill('Selamat siang Budi, izin apa yang Anda perlukan?');
    await panel.getByRole('button', { name: 'Send', exact: true }).click();
    await frame.getByText('Selamat siang Budi, izin apa yang Anda perlukan?').waitFor({ timeout: 10_000 });

    // The agent sees the visitor typing.
    await frame.getByTestId('widget-input').pressSequentially('Izin usaha mikro', { delay: 30 });
    await panel.getByText('Budi is typing…').waitFor({ timeout: 10_000 });
    await frame.getByRole('button', { name: 'Send' }).click();
    await panel.getByText('Izin usaha mikro').waitFor({ timeout: 10_000 });
    // A file through the existing uploads, with its progress line.
    await frame.getByTestId('widget-file').setInputFiles({ name: 'nib-budi.txt', mimeType: 'text/plain', buffer: Buffer.from('NIB 1234567890') });
    await frame.getByText('Attached: nib-budi.txt').waitFor();
    await frame.getByRole('button', { name: 'Send' }).click();
    await panel.getByText('nib-budi.txt').first().waitFor({ timeout: 10_000 });
    await screenshot(visitor.page, 'live-chat-visitor', {});
    await screenshot(agent.page, 'live-chat-agent', {});
    expect(await seriousViolations(agent.page, '[data-testid="chat-panel"]')).toEqual([]);

    // The agent closes; the visitor rates the chat.
    await panel.getByTestId('chat-close').click();
    await frame.getByText('How was this chat?').waitFor({ timeout: 10_000 });
    await frame.getByRole('button', { name: '5 of 5' }).click();
    await frame.getByLabel('Comment (optional)').fill('Cepat dan jelas');
    await frame.getByRole('button', { name: 'Send rating' }).click();
    await frame.getByText('Thank you for your rating!').waitFor();
    await frame.getByRole('button', { name: 'E-mail me the transcript' }).click();
    await frame.getByText('The transcript is on its way to your e-mail.').waitFor();
    const closed = await graphql<{ chats: Array<{ topic: string; rating: number | null; ratingComment: string | null }> }>(
      baseUrl,
      '{ chats(states: [CLOSED]) { topic rating ratingComment } }',
      {},
      await apiLogin(baseUrl, 'admin@acme.example'),
    );
    expect(closed.chats.find((c) => c.topic === 'Izin usaha untuk kafe')).toMatchObject({ rating: 5, ratingComment: 'Cepat dan jelas' });
    expect(await frameViolations(frame)).toEqual([]);
    await screenshot(visitor.page, 'live-chat-rated', {});
    expect(agent.errors).toEqual([]);
    expect(visitor.errors).toEqual([]);
  } finally {
    await agent?.context.close();
    await visitor?.context.close();
  }
}, 180_000);

test('with no agent online the chat becomes a ticket and the visitor is told so (phone size)', async () => {
  const key = await widgetKeyFor('E2E offline', []);
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 390, height: 844 }, locale: 'en-US' });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`/widget-demo?key=${key}`, { waitUntil: 'load' });
    const frame = await widgetFrame(page);
    await frame.getByTestId('widget-launcher').click();
    await frame.getByTestId('widget-offline-banner').waitFor();
    await frame.getByTestId('widget-launcher').waitFor({ state: 'detached' });
    await frame.getByLabel('Your name').fill('Sari');
    await frame.getByLabel('E-mail').fill(`sari-${Date.now()}@example.com`);
    await frame.getByLabel('What is it about?').fill('Pajak daerah');
    await frame.getByRole('button', { name: 'Start chat' }).click();
    await frame.getByTestId('widget-status').getByText('We will reply by e-mail').waitFor({ timeout: 10_000 });
    const line = await frame.getByTestId('widget-message').first().textContent();
    expect(line).toMatch(/ticket #\d+.*reply by e-mail/);
    expect(await frameViolations(frame)).toEqual([]);
    await screenshot(page, 'live-chat-offline-phone', {});

    // Reloading resumes the same chat (the token is kept).
    await page.reload({ waitUntil: 'load' });
    const again = await widgetFrame(page);
    await again.getByTestId('widget-launcher').click();
    await again.getByTestId('widget-status').getByText('We will reply by e-mail').waitFor();
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, 120_000);
