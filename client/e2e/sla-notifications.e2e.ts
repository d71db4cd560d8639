import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { apiLogin, createTicketAs, graphql } from './support/api';
import { launchBrowser, openSignedIn, screenshot } from './support/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const unreadCount = async (page: Page) => Number(await page.getByTestId('notification-count').getAttribute('data-count'));
const card = (page: Page, number: number) => page.locator(`[data-testid="column-OPEN"] [data-testid="ticket-card"][data-ticket-number="${number}"]`);

/**
 * The SLA clock counts from the ticket's creation and policies take whole minutes, so an
 * honest overdue ticket needs a 1-minute policy and a minute of waiting (the API's SLA worker
 * runs every second in these tests and escalates it as soon as it is due).
 */
test(
  'an overdue ticket shows a breached SLA on the board, and the bell counts and opens what happened',
  async () => {
    const admin = await openSignedIn(browser, baseUrl, 'admin@acme.example', '/board');
    const { page } = admin;
    try {
      // 1. A 1-minute policy for Service tickets, through the settings page.
      await page.getByRole('link', { name: 'Settings' }).click();
      await page.waitForURL(/\/settings\/sla$/);
      await page.getByTestId('business-hours').waitFor();
      await page.getByRole('button', { name: 'Add policy' }).click();
      const form = page.getByTestId('sla-policy-form');
      await form.getByRole('textbox', { name: /^Category/ }).click();
      await page.getByRole('option', { name: 'Service' }).click();
      await form.getByRole('textbox', { name: 'First response within: hours' }).fill('0');
      await form.getByRole('textbox', { name: 'First response within: minutes' }).fill('2');
      await form.getByRole('textbox', { name: 'Resolution within: hours' }).fill('0');
      await form.getByRole('textbox', { name: 'Resolution within: minutes' }).fill('1');
      await form.getByRole('switch', { name: /Count business hours only/ }).uncheck({ force: true });
      await form.getByRole('button', { name: 'Save' }).click();
      // The API's per-field error lands under its field.
      await form.getByText('must not be shorter than the first-response time').waitFor();
      await screenshot(page, 'sla-policy-field-error');
      await form.getByRole('textbox', { name: 'First response within: minutes' }).fill('1');
      await form.getByRole('textbox', { name: 'Resolution within: minutes' }).fill('2');
      await form.getByRole('button', { name: 'Save' }).click();
      await form.waitFor({ state: 'detached' });
      const policy = page.locator('[data-testid="sla-policy-row"][data-category="SERVICE"][data-priority="ANY"]');
      await policy.waitFor();
      expect(await policy.innerText()).toMatch(/1m[\s\S]*2m[\s\S]*All hours/);
      await screenshot(page, 'sla-settings');

      // 2. A customer opens a Service ticket: the admin's bell counts it at once (live).
      const before = await unreadCount(page);
      const ticket = await createTicketAs(baseUrl, 'customer1@acme.example', { title: 'SLA: the mail server is down', category: 'SERVICE', priority: 'HIGH' });
      // (Other tickets' SLA clocks may notify meanwhile: the count grows by at least this one.)
      await expect.poll(() => unreadCount(page), { timeout: 5000 }).toBeGreaterThanOrEqual(before + 1);

      // 3. On the board the card counts down.
      await page.getByRole('link', { name: 'Board' }).click();
      const badge = card(page, ticket.number).getByTestId('sla-badge');
      await badge.waitFor();
      expect(await badge.getAttribute('data-sla-clock')).toBe('firstResponse');
      expect(await badge.innerText()).toMatch(/^1m left$/);
      await screenshot(page, 'sla-board-counting');

      // 4. Once it is due the card shows it breached, and the bell has the SLA notifications.
      await expect.poll(() => badge.getAttribute('data-sla-state'), { timeout: 80_000, interval: 1000 }).toBe('BREACHED');
      expect(await badge.innerText()).toMatch(/^overdue \d+m$/);
      await expect.poll(() => unreadCount(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(before + 3);
      await screenshot(page, 'sla-board-breached');

      // 5. The bell lists it; opening it goes to the ticket and marks it read.
      await page.getByTestId('notification-bell').click();
      const panel = page.getByTestId('notification-panel');
      const breached = panel.locator('[data-testid="notification-item"][data-notification-type="SLA_BREACHED"][data-unread]').first();
      await breached.waitFor();
      expect(await breached.innerText()).toContain(`SLA breached on ticket #${ticket.number}`);
      await screenshot(page, 'notifications-dropdown');
      const unreadBefore = await unreadCount(page);
      // Open it from the panel (reopened should the full-page screenshot have closed it).
      const entry = panel.locator('[data-testid="notification-item"][data-notification-type="SLA_BREACHED"]', { hasText: `SLA breached on ticket #${ticket.number}` }).first();
      if (!(await entry.isVisible())) await page.getByTestId('notification-bell').click();
      await entry.click();
      await page.waitForURL(new RegExp(`/tickets/${ticket.number}$`));
      await expect.poll(() => unreadCount(page)).toBe(unreadBefore - 1);
      const details = page.getByTestId('sla-details');
      await details.waitFor();
      await expect.poll(() => details.getByTestId('sla-clock-firstResponse').getAttribute('data-sla-state')).toBe('BREACHED');
      await details.getByTestId('escalation-level').waitFor();
      await screenshot(page, 'sla-ticket-detail');

      // 6. Mark all read empties the count.
      await page.getByTestId('notification-bell').click();
      await panel.getByRole('button', { name: 'Mark all read' }).click();
      await expect.poll(() => unreadCount(page)).toBe(0);
      expect(await panel.locator('[data-testid="notification-item"][data-unread]').count()).toBe(0);
      await page.keyboard.press('Escape');

      // 7. The list sorts by SLA due time and shows the same badge; the board in Indonesian.
      await page.getByRole('link', { name: 'List' }).click();
      // The demo history holds older overdue tickets, which sort first: narrow the list to this one.
      await page.getByRole('searchbox', { name: 'Search' }).fill('mail server is down');
      await page.waitForURL((url) => url.searchParams.get('q') === 'mail server is down');
      await page.getByRole('button', { name: 'Sort by SLA' }).click();
      await page.waitForURL((url) => url.searchParams.get('sort') === 'SLA_DUE' && url.searchParams.get('dir') === 'ASC');
      const row = page.locator(`[data-testid="ticket-table"] tr[data-ticket-number="${ticket.number}"]`);
      expect(await row.getByTestId('sla-badge').getAttribute('data-sla-state')).toBe('BREACHED');
      await screenshot(page, 'sla-list');
      await page.getByText('ID', { exact: true }).click();
      await page.getByRole('link', { name: 'Papan' }).click();
      await expect.poll(() => badge.innerText()).toMatch(/^terlambat \d+m$/);
      await screenshot(page, 'sla-board-id');
      await page.getByText('EN', { exact: true }).click();
      expect(admin.errors).toEqual([]);
    } finally {
      await admin.context.close();
    }
  },
  150_000,
);

test("a customer's bell counts a status change live and opens the ticket in the portal", async () => {
  const ticket = await createTicketAs(baseUrl, 'customer2@acme.example', { title: 'Bell: my parcel never arrived', category: 'BILLING' });
  const customer = await openSignedIn(browser, baseUrl, 'customer2@acme.example', '/tickets');
  const { page } = customer;
  try {
    await page.locator(`[data-ticket-number="${ticket.number}"]`).waitFor();
    const before = await unreadCount(page);
    const agentToken = await apiLogin(baseUrl, 'agent1@acme.example');
    await graphql(baseUrl, 'mutation($id: ID!) { changeTicketStatus(id: $id, status: IN_PROGRESS) { id } }', { id: ticket.id }, agentToken);
    await expect.poll(() => unreadCount(page), { timeout: 5000 }).toBe(before + 1);

    await page.getByTestId('notification-bell').click();
    const item = page.getByTestId('notification-panel').locator('[data-testid="notification-item"][data-unread]', { hasText: `Ticket #${ticket.number} is now in progress` });
    await item.waitFor();
    await screenshot(page, 'notifications-customer');
    // Open it from the panel (reopened should the screenshot's resize have closed it).
    const entry = page.getByTestId('notification-panel').locator('[data-testid="notification-item"]', { hasText: `Ticket #${ticket.number} is now in progress` });
    if (!(await entry.isVisible())) await page.getByTestId('notification-bell').click();
    await entry.click();
    await page.waitForURL(new RegExp(`/tickets/${ticket.number}$`));
    await page.getByTestId('ticket-detail').waitFor();
    await expect.poll(() => unreadCount(page)).toBe(before);
    // Customers see no SLA clocks.
    expect(await page.getByTestId('sla-details').count()).toBe(0);

    // The server stores the notification's type and parameters; the UI words it in the user's language.
    await page.getByText('ID', { exact: true }).click();
    await page.getByTestId('notification-bell').click();
    const localized = page.getByTestId('notification-panel').locator('[data-testid="notification-item"]', { hasText: `Tiket #${ticket.number} sekarang Dikerjakan` });
    await localized.waitFor();
    expect(await localized.innerText()).toContain(ticket.title);
    await screenshot(page, 'notifications-customer-id');
    await page.keyboard.press('Escape');
    await page.getByText('EN', { exact: true }).click();
    expect(customer.errors).toEqual([]);
  } finally {
    await customer.context.close();
  }
});
