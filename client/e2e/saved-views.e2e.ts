import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { apiLogin, createTicketAs, graphql } from './support/api';
import { seriousViolations } from './support/axe';
import { launchBrowser, openSignedIn, screenshot, type WatchedPage } from './support/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const VIEWS = { include: ['[data-testid="saved-views"]'] };

test("a saved view tab's count follows another agent's change live, and an agent saves a view of their own", async () => {
  const ticket = await createTicketAs(baseUrl, 'customer1@acme.example', { title: 'Views: checkout page is down', priority: 'MEDIUM' });
  let agent: WatchedPage | undefined;
  try {
    agent = await openSignedIn(browser, baseUrl, 'agent1@acme.example', '/board');
    const page = agent.page;
    const urgent = page.locator('[data-testid="view-tab"][data-view-name="Urgent"]');
    await urgent.waitFor();
    const before = Number(await urgent.getAttribute('data-count'));

    // Another agent raises the priority: the tab's count goes up without a reload.
    const other = await apiLogin(baseUrl, 'agent2@acme.example');
    await graphql(baseUrl, 'mutation U($id: ID!) { updateTicket(id: $id, input: { priority: HIGH }) { id } }', { id: ticket.id }, other);
    await expect.poll(async () => Number(await urgent.getAttribute('data-count')), { timeout: 10_000 }).toBe(before + 1);

    // Choosing the tab applies its filters.
    await urgent.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('priority')).toBe('HIGH');
    await expect.poll(() => urgent.getAttribute('aria-pressed')).toBe('true');
    expect(await seriousViolations(page, VIEWS)).toEqual([]);
    await screenshot(page, 'saved-views-board');

    // On the list, save the current filters as a private view.
    await page.goto(`${baseUrl}/tickets?q=checkout`);
    await page.getByTestId('save-view').click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Checkout issues');
    expect(await page.getByRole('checkbox', { name: 'Shared with the team' }).count()).toBe(0);
    await page.getByTestId('save-view-form').getByRole('button', { name: 'Save', exact: true }).click();
    const mine = page.locator('[data-testid="view-tab"][data-view-name="Checkout issues"]');
    await mine.waitFor();
    await expect.poll(async () => Number(await mine.getAttribute('data-count'))).toBeGreaterThanOrEqual(1);
    await expect.poll(() => mine.getAttribute('aria-pressed')).toBe('true');

    await graphql(baseUrl, 'mutation S($id: ID!) { changeTicketStatus(id: $id, status: CLOSED) { id } }', { id: ticket.id }, await apiLogin(baseUrl, 'admin@acme.example'));
    await expect.poll(async () => Number(await urgent.getAttribute('data-count')), { timeout: 10_000 }).toBe(before);

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await seriousViolations(page, VIEWS)).toEqual([]);
    await screenshot(page, 'saved-views-mobile');
    expect(agent.errors).toEqual([]);
  } finally {
    await agent?.context.close();
  }
}, 180_000);
