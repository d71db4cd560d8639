import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { apiLogin, createTicketAs, graphql } from './support/api';
import { launchBrowser, openSignedIn, screenshot, type WatchedPage } from './support/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const card = (page: Page, status: string, number: number) =>
  page.locator(`[data-testid="column-${status}"] [data-testid="ticket-card"][data-ticket-number="${number}"]`);

/** Drags with real pointer events, in small steps, as a person would. */
async function drag(page: Page, from: ReturnType<Page['locator']>, to: ReturnType<Page['locator']>) {
  const start = await from.boundingBox();
  const end = await to.boundingBox();
  if (!start || !end) throw new Error('Cannot drag: element not visible');
  await page.mouse.move(start.x + start.width / 2, start.y + 20);
  await page.mouse.down();
  await page.mouse.move(start.x + start.width / 2 + 10, start.y + 30, { steps: 4 });
  await page.mouse.move(end.x + end.width / 2, end.y + 120, { steps: 15 });
  await page.mouse.up();
}

test("agent A drags a card to In progress and agent B's board shows it live, without reload", async () => {
  const ticket = await createTicketAs(baseUrl, 'customer1@acme.example', { title: 'Board sync: printer jams on page 2', priority: 'HIGH' });
  let a: WatchedPage | undefined;
  let b: WatchedPage | undefined;
  try {
    a = await openSignedIn(browser, baseUrl, 'agent1@acme.example', '/board');
    b = await openSignedIn(browser, baseUrl, 'agent2@acme.example', '/board');
    await card(a.page, 'OPEN', ticket.number).waitFor();
    await card(b.page, 'OPEN', ticket.number).waitFor();
    // The column counts arrive with their own queries: wait for B's to show a number.
    await expect.poll(async () => /^\d+$/.test((await b!.page.getByTestId('count-IN_PROGRESS').innerText()).trim()), { timeout: 10_000 }).toBe(true);
    const countBefore = Number(await b.page.getByTestId('count-IN_PROGRESS').innerText());
    // B must not reload: a marker on its window would vanish with a reload.
    await b.page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

    await drag(a.page, card(a.page, 'OPEN', ticket.number), a.page.getByTestId('column-IN_PROGRESS'));
    await card(a.page, 'IN_PROGRESS', ticket.number).waitFor({ timeout: 10_000 });

    // No timing assertion (a loaded machine is slow): the latency is printed for the record.
    const movedAt = Date.now();
    await card(b.page, 'IN_PROGRESS', ticket.number).waitFor({ timeout: 10_000 });
    console.info(`board sync: agent B saw the move after ${Date.now() - movedAt} ms`);
    await expect.poll(() => card(b!.page, 'OPEN', ticket.number).count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(async () => Number(await b!.page.getByTestId('count-IN_PROGRESS').innerText()), { timeout: 10_000 }).toBe(countBefore + 1);
    expect(await b.page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

    // The server accepted the move: after a reload A still sees it in In progress.
    await a.page.reload({ waitUntil: 'load' });
    await card(a.page, 'IN_PROGRESS', ticket.number).waitFor();

    await screenshot(a.page, 'board-agent-a');
    await screenshot(b.page, 'board-agent-b');
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  } finally {
    await a?.context.close();
    await b?.context.close();
  }
});

test('an agent may not close an open ticket: the card stays and a message explains why', async () => {
  const ticket = await createTicketAs(baseUrl, 'customer2@acme.example', { title: 'Board rules: cannot close while open' });
  const a = await openSignedIn(browser, baseUrl, 'agent1@acme.example', '/board');
  try {
    await card(a.page, 'OPEN', ticket.number).waitFor();
    await drag(a.page, card(a.page, 'OPEN', ticket.number), a.page.getByTestId('column-CLOSED'));
    await a.page.getByText(`You cannot move ticket #${ticket.number} from Open to Closed.`).waitFor({ timeout: 2000 });
    expect(await card(a.page, 'OPEN', ticket.number).count()).toBe(1);
    expect(await card(a.page, 'CLOSED', ticket.number).count()).toBe(0);
    await screenshot(a.page, 'board-refused-move');
    expect(a.errors).toEqual([]);
  } finally {
    await a.context.close();
  }
});

test('the filter bar narrows the board and lives in the URL', async () => {
  const wanted = await createTicketAs(baseUrl, 'customer1@acme.example', { title: 'Filters: router keeps rebooting', priority: 'HIGH', category: 'TECHNICAL', tags: ['router'] });
  const other = await createTicketAs(baseUrl, 'customer1@acme.example', { title: 'Filters: router manual missing', priority: 'LOW', category: 'TECHNICAL', tags: ['router'] });
  const a = await openSignedIn(browser, baseUrl, 'agent2@acme.example', '/board');
  try {
    await card(a.page, 'OPEN', other.number).waitFor();
    await a.page.getByRole('textbox', { name: 'Priority' }).click();
    await a.page.getByRole('option', { name: 'High' }).click();
    await a.page.getByRole('textbox', { name: 'Tag' }).fill('router');
    await a.page.getByRole('searchbox', { name: 'Search' }).fill('rebooting');
    await a.page.waitForURL((url) => url.searchParams.get('priority') === 'HIGH' && url.searchParams.get('tag') === 'router' && url.searchParams.get('q') === 'rebooting');
    await expect.poll(() => card(a.page, 'OPEN', other.number).count()).toBe(0);
    await card(a.page, 'OPEN', wanted.number).waitFor();
    await expect.poll(async () => Number(await a.page.getByTestId('count-OPEN').innerText())).toBe(1);

    // A shared or reloaded URL shows the same board.
    await a.page.reload({ waitUntil: 'load' });
    await card(a.page, 'OPEN', wanted.number).waitFor();
    expect(await a.page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('rebooting');
    expect(await card(a.page, 'OPEN', other.number).count()).toBe(0);
    await screenshot(a.page, 'board-filtered');
    expect(a.errors).toEqual([]);
  } finally {
    await a.context.close();
  }
});

test("an agent's presence change shows on the other agent's board at once", async () => {
  const ticket = await createTicketAs(baseUrl, 'customer2@acme.example', { title: 'Presence: VPN drops at noon' });
  const token = await apiLogin(baseUrl, 'agent1@acme.example');
  await graphql(baseUrl, 'mutation($id: ID!) { claimTicket(id: $id) { id } }', { id: ticket.id }, token);
  let a: WatchedPage | undefined;
  let b: WatchedPage | undefined;
  try {
    a = await openSignedIn(browser, baseUrl, 'agent1@acme.example', '/board');
    b = await openSignedIn(browser, baseUrl, 'agent2@acme.example', '/board');
    const dot = b.page.locator(`[data-ticket-number="${ticket.number}"] [data-presence]`);
    await expect.poll(() => dot.getAttribute('data-presence'), { timeout: 5000 }).toBe('ONLINE');

    await a.page.getByTestId('presence-switch').click();
    await a.page.getByRole('option', { name: 'Busy' }).click();
    await expect.poll(() => dot.getAttribute('data-presence'), { timeout: 2000 }).toBe('BUSY');
    await screenshot(b.page, 'board-presence-busy');
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  } finally {
    await a?.context.close();
    await b?.context.close();
  }
});
