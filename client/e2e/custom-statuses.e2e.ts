import type { Browser } from 'playwright-core';
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

const SETTINGS = 'mutation S($v: Boolean!) { updateWorkspaceSettings(input: { boardColumnsPerStatus: $v }) { boardColumnsPerStatus } }';

test(
  'a custom status column on the board: a ticket moved into "Waiting on customer" shows its SLA paused',
  async () => {
    const adminToken = await apiLogin(baseUrl, 'admin@acme.example');
    // A billing ticket (calendar-hours policy) taken and answered, so only its resolution clock runs.
    const ticket = await createTicketAs(baseUrl, 'customer1@acme.example', { title: 'Statuses: invoice copy needed', category: 'BILLING' });
    await graphql(baseUrl, 'mutation M($id: ID!) { changeTicketStatus(id: $id, status: IN_PROGRESS) { id } }', { id: ticket.id }, adminToken);
    await graphql(baseUrl, 'mutation P($input: PostMessageInput!) { postMessage(input: $input) { id } }', { input: { ticketId: ticket.id, body: 'Which invoice number?' } }, adminToken);
    const admin = await openSignedIn(browser, baseUrl, 'admin@acme.example', '/settings/statuses');
    const { page } = admin;
    try {
      // 1. The demo workspace's own status, under In progress, pausing the SLA.
      const row = page.getByTestId('status-row-waiting-on-customer');
      await row.waitFor();
      expect(await row.innerText()).toContain('In progress');
      expect(await row.getByRole('switch').isChecked()).toBe(true);
      await screenshot(page, 'statuses-settings', { include: ['[data-testid="statuses-settings"]'] });

      // 2. The admin switches the board to a column per status.
      await page.getByRole('tab', { name: 'Workspace' }).click();
      await page.getByTestId('workspace-settings').waitFor();
      const perStatus = page.getByRole('switch', { name: /A board column per status/ });
      // The switch shows the saved setting: it turns on once the server has it.
      await perStatus.click({ force: true });
      await expect.poll(() => perStatus.isChecked()).toBe(true);

      // 3. The board has the status's column; the ticket moves there from In progress.
      await page.getByRole('link', { name: 'Board' }).click();
      const waiting = page.getByTestId('column-waiting-on-customer');
      await waiting.waitFor();
      expect(await waiting.getByRole('heading').innerText()).toBe('Waiting on customer');
      const inProgressCard = page.locator(`[data-testid="column-IN_PROGRESS"] [data-testid="ticket-card"][data-ticket-number="${ticket.number}"]`);
      await inProgressCard.waitFor();
      expect(await inProgressCard.getByTestId('sla-badge').getAttribute('data-sla-state')).toBe('ON_TRACK');
      await inProgressCard.getByRole('button', { name: `Move ticket #${ticket.number} to…` }).click();
      await page.getByRole('menuitem', { name: 'Waiting on customer' }).click();
      const waitingCard = waiting.locator(`[data-testid="ticket-card"][data-ticket-number="${ticket.number}"]`);
      await waitingCard.waitFor();
      await inProgressCard.waitFor({ state: 'detached' });
      await expect.poll(() => waitingCard.getByTestId('sla-badge').getAttribute('data-sla-state')).toBe('PAUSED');
      expect(await waitingCard.getByTestId('custom-status').innerText()).toContain('Waiting on customer');
      await screenshot(page, 'board-custom-status', {});

      // 4. The API agrees: category and key, the clock paused.
      const state = await graphql<{ ticket: { status: string; statusKey: string; sla: { resolution: { state: string } } } }>(
        baseUrl,
        'query T($id: ID!) { ticket(id: $id) { status statusKey sla { resolution { state } } } }',
        { id: ticket.id },
        adminToken,
      );
      expect(state.ticket).toEqual({ status: 'IN_PROGRESS', statusKey: 'waiting-on-customer', sla: { resolution: { state: 'PAUSED' } } });

      // 5. On a phone, the column switcher offers the status; in Indonesian it has its Indonesian name.
      const phone = await browser.newContext({ baseURL: baseUrl, viewport: { width: 390, height: 844 }, locale: 'en-US' });
      try {
        const mobile = await phone.newPage();
        await mobile.goto('/login', { waitUntil: 'load' });
        await mobile.getByRole('textbox', { name: /^Email/ }).fill('agent1@acme.example');
        await mobile.getByLabel(/^Password/).fill('sociodesk-demo');
        await mobile.getByRole('button', { name: 'Sign in' }).click();
        await mobile.waitForURL((url) => !url.pathname.startsWith('/login'));
        await mobile.goto('/board', { waitUntil: 'load' });
        await mobile.getByTestId('column-switcher').getByText('Waiting on customer').click();
        const card = mobile.locator(`[data-testid="column-waiting-on-customer"] [data-testid="ticket-card"][data-ticket-number="${ticket.number}"]`);
        await card.waitFor();
        expect(await card.getByTestId('sla-badge').getAttribute('data-sla-state')).toBe('PAUSED');
        await screenshot(mobile, 'board-custom-status-phone', {});
        // The phone's language choice lives in the header menu; this browser profile is set to Indonesian directly.
        await mobile.evaluate(() => window.localStorage.setItem('sociodesk.language', 'id'));
        await mobile.reload({ waitUntil: 'load' });
        await mobile.getByTestId('column-switcher').getByText('Menunggu pelanggan').waitFor();
      } finally {
        await phone.close();
      }
      expect(admin.errors).toEqual([]);
    } finally {
      await graphql(baseUrl, SETTINGS, { v: false }, adminToken);
      await admin.context.close();
    }
  },
  180_000,
);
