import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { apiLogin, createTicketAs, graphql } from './support/api';
import { seriousViolations } from './support/axe';
import { launchBrowser, screenshot, signIn, SIZES } from './support/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Size = keyof typeof SIZES;

/** A signed-in tab at a size, collecting console and page errors. */
async function open(email: string, path: string, size: Size) {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: SIZES[size], locale: 'en-US' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  await page.goto(path, { waitUntil: 'load' });
  await page.waitForURL((url) => url.pathname.startsWith('/login'));
  await signIn(page, email);
  return { context, page, errors };
}

/** Nothing in the header sticks out of the screen, and the header does not scroll sideways. */
async function headerFits(page: Page): Promise<{ overflow: number; outside: string[] }> {
  return page.evaluate(() => {
    const header = document.querySelector('header')!;
    const width = window.innerWidth;
    const outside = Array.from(header.querySelectorAll('button, a, input'))
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.right > width + 1 || box.left < -1;
      })
      .map((el) => el.getAttribute('aria-label') ?? el.textContent ?? el.tagName);
    return { overflow: header.scrollWidth - header.clientWidth, outside };
  });
}

async function expectAccessible(page: Page, name: string) {
  const problems = await seriousViolations(page);
  expect(problems, `${name}: ${JSON.stringify(problems, null, 2)}`).toEqual([]);
}

/** The first badge of a status inside `scope` shows its whole text (it never shrinks). */
async function badgeWhole(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((badge) => {
    const label = badge.querySelector('.mantine-Badge-label') ?? badge;
    return label.scrollWidth <= label.clientWidth + 1 && badge.getBoundingClientRect().width >= label.scrollWidth;
  });
}

for (const size of ['desktop', 'phone'] as const) {
  test(`staff pages at ${size}: the header fits, the board and ticket page work, axe finds nothing serious`, async () => {
    const long = await createTicketAs(baseUrl, 'customer1@acme.example', {
      title: `A very long title about the mail server that keeps bouncing every message we send to partners (${size} ${Date.now()})`,
      category: 'SERVICE',
      priority: 'HIGH',
      tags: ['vip'],
    });
    const { context, page, errors } = await open('admin@acme.example', '/board', size);
    try {
      await page.getByTestId('column-OPEN').waitFor();
      expect(await headerFits(page)).toEqual({ overflow: 0, outside: [] });
      if (size === 'phone') {
        // One column at a time, picked above the board.
        expect(await page.getByTestId('column-IN_PROGRESS').count()).toBe(0);
        await page.getByTestId('column-switcher').getByText('In progress').click();
        await page.getByTestId('column-IN_PROGRESS').waitFor();
        expect(await page.getByTestId('column-OPEN').count()).toBe(0);
        await page.getByTestId('column-switcher').getByText('Open', { exact: true }).click();
        await page.getByTestId('column-OPEN').waitFor();
        // The menu has presence, language, tenant and sign-out.
        await page.getByTestId('mobile-menu-button').click();
        const menu = page.getByRole('dialog', { name: 'Menu' });
        await menu.getByTestId('presence-switch').waitFor();
        await menu.getByRole('button', { name: 'Sign out' }).waitFor();
        await menu.getByText('Bahasa Indonesia').waitFor();
        await screenshot(page, `mobile-menu-${size}`);
        await expectAccessible(page, 'mobile menu');
        await page.keyboard.press('Escape');
        await menu.waitFor({ state: 'hidden' });
      }
      const card = page.locator(`[data-testid="ticket-card"][data-ticket-number="${long.number}"]`);
      await card.waitFor();
      await screenshot(page, `board-${size}`);
      await expectAccessible(page, 'board');

      // Keyboard only: the move menu opens from the keyboard and lists the moves.
      const moveButton = card.getByRole('button', { name: `Move ticket #${long.number} to…` });
      await moveButton.focus();
      expect(await moveButton.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      await page.getByRole('menuitem', { name: 'In progress' }).waitFor();
      await page.keyboard.press('Escape');

      await page.goto('/tickets', { waitUntil: 'load' });
      await page.getByTestId('ticket-table').waitFor();
      expect(await headerFits(page)).toEqual({ overflow: 0, outside: [] });
      await screenshot(page, `list-${size}`);
      await expectAccessible(page, 'list');

      await page.goto(`/tickets/${long.number}`, { waitUntil: 'load' });
      await page.getByTestId('ticket-detail').waitFor();
      await page.getByTestId('ticket-sidebar').waitFor();
      expect(await badgeWhole(page, '[data-testid="ticket-detail"] [data-status]')).toBe(true);
      if (size === 'phone') {
        // Stacked: the sidebar is below the conversation, not beside it.
        const reply = await page.getByTestId('reply-form').boundingBox();
        const sidebar = await page.getByTestId('ticket-sidebar').boundingBox();
        expect(sidebar!.y).toBeGreaterThan(reply!.y);
        expect(sidebar!.x + sidebar!.width).toBeLessThanOrEqual(SIZES.phone.width);
      }
      await screenshot(page, `ticket-${size}`);
      await expectAccessible(page, 'ticket page');

      for (const path of ['/settings/sla', '/settings/api-keys', '/settings/webhooks', '/tickets/new']) {
        await page.goto(path, { waitUntil: 'load' });
        await page.locator('main h1, main h2').first().waitFor();
        await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
        expect(await headerFits(page)).toEqual({ overflow: 0, outside: [] });
        await screenshot(page, `${path.slice(1).replace(/\//g, '-')}-${size}`);
        await expectAccessible(page, path);
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test(`customer at ${size}: badges stay whole, a draft survives signing out, closing asks and can be undone`, async () => {
    const ticket = await createTicketAs(baseUrl, 'customer2@acme.example', {
      title: `My printer prints every page twice and then jams on the third page of long documents (${size} ${Date.now()})`,
      category: 'TECHNICAL',
    });
    const agentToken = await apiLogin(baseUrl, 'agent1@acme.example');
    for (const status of ['IN_PROGRESS', 'RESOLVED']) {
      await graphql(baseUrl, 'mutation($id: ID!, $status: TicketStatus!) { changeTicketStatus(id: $id, status: $status) { id } }', { id: ticket.id, status }, agentToken);
    }
    const { context, page, errors } = await open('customer2@acme.example', '/tickets', size);
    try {
      const row = page.locator(`[data-ticket-number="${ticket.number}"]`).first();
      await row.waitFor();
      expect(await headerFits(page)).toEqual({ overflow: 0, outside: [] });
      // The status badge shows "Resolved" in full; the long title truncates instead.
      expect(await row.locator('[data-status]').textContent()).toBe('Resolved');
      expect(await badgeWhole(page, `[data-ticket-number="${ticket.number}"] [data-status]`)).toBe(true);
      expect(await row.innerText()).toMatch(/\b0 messages\b/);
      await screenshot(page, `portal-${size}`);
      await expectAccessible(page, 'portal');

      await row.click();
      await page.getByTestId('ticket-detail').waitFor();
      const draft = `Half a reply about the printer (${size})`;
      await page.getByPlaceholder('Write a reply…').fill(draft);
      await page.getByTestId('draft-saved').waitFor();
      await expectAccessible(page, 'customer ticket page');

      // Sign out and back in: the draft is still there.
      if (size === 'phone') {
        await page.getByTestId('mobile-menu-button').click();
        await page.getByRole('dialog', { name: 'Menu' }).getByRole('button', { name: 'Sign out' }).click();
      } else {
        await page.getByTestId('user-menu').click();
        await page.getByRole('menuitem', { name: 'Sign out' }).click();
      }
      await page.waitForURL((url) => url.pathname.startsWith('/login'));
      await signIn(page, 'customer2@acme.example');
      await page.goto(`/tickets/${ticket.number}`, { waitUntil: 'load' });
      await expect.poll(() => page.getByPlaceholder('Write a reply…').inputValue(), { timeout: 5000 }).toBe(draft);
      await screenshot(page, `draft-restored-${size}`);

      // Closing asks first; then it can be undone for a few seconds.
      await page.getByTestId('resolved-notice').getByRole('button', { name: 'Close ticket' }).click();
      const confirm = page.getByTestId('close-confirm');
      await confirm.getByText(`Close ticket #${ticket.number}?`).waitFor();
      await screenshot(page, `close-confirm-${size}`);
      await confirm.getByRole('button', { name: 'Yes, close it' }).click();
      const undo = page.getByTestId('close-undo');
      await undo.waitFor();
      await screenshot(page, `close-undo-${size}`);
      await undo.getByRole('button', { name: 'Undo' }).click();
      await page.getByText(`Ticket #${ticket.number} stays open.`).waitFor();
      const status = async () =>
        (await graphql<{ ticket: { status: string } }>(baseUrl, 'query($id: ID!) { ticket(id: $id) { status } }', { id: ticket.id }, agentToken)).ticket.status;
      // Well past the undo time, the ticket is still resolved.
      await page.waitForTimeout(7000);
      expect(await status()).toBe('RESOLVED');

      // Confirmed and not undone: it closes.
      await page.getByTestId('resolved-notice').getByRole('button', { name: 'Close ticket' }).click();
      await page.getByTestId('close-confirm').getByRole('button', { name: 'Yes, close it' }).click();
      await page.getByText(`Ticket #${ticket.number} is closed.`).waitFor({ timeout: 15_000 });
      expect(await status()).toBe('CLOSED');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
}

test('list: status multi-select, open tickets by SLA, validation and wording', async () => {
  const stamp = Date.now();
  const open1 = await createTicketAs(baseUrl, 'customer1@acme.example', { title: `Filter open ${stamp}`, category: 'BILLING' });
  const resolved = await createTicketAs(baseUrl, 'customer1@acme.example', { title: `Filter resolved ${stamp}`, category: 'BILLING' });
  const agentToken = await apiLogin(baseUrl, 'agent1@acme.example');
  for (const status of ['IN_PROGRESS', 'RESOLVED']) {
    await graphql(baseUrl, 'mutation($id: ID!, $status: TicketStatus!) { changeTicketStatus(id: $id, status: $status) { id } }', { id: resolved.id, status }, agentToken);
  }
  const { context, page, errors } = await open('agent1@acme.example', `/tickets?q=${stamp}`, 'desktop');
  try {
    const rows = page.locator('[data-testid="ticket-table"] tbody tr');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    await page.getByTestId('status-filter').click();
    await page.getByRole('option', { name: 'Resolved' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.url()).toContain('status=RESOLVED');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-ticket-number')).toBe(String(resolved.number));
    await screenshot(page, 'list-status-filter');

    await page.getByTestId('open-by-sla').click();
    await expect.poll(() => page.url()).toContain('sort=SLA_DUE');
    // The list re-renders after the URL changes: wait for its rows, not for the old ones.
    await expect.poll(() => rows.first().getAttribute('data-ticket-number'), { timeout: 10_000 }).toBe(String(open1.number));
    await expect.poll(() => rows.count()).toBe(1);
    expect(await page.getByTestId('sort-select').inputValue()).toBe('SLA due first');
    await expectAccessible(page, 'list with filters');

    // The timeline speaks in sentences.
    await page.goto(`/tickets/${resolved.number}`, { waitUntil: 'load' });
    await page.getByText('changed the status from In progress to Resolved').waitFor();
    expect(await page.getByTestId('ticket-detail').innerText()).not.toContain('→');

    // Tags are normalised as they are typed; files are checked before upload.
    const tags = page.getByTestId('ticket-sidebar').getByRole('textbox', { name: /^Tags/ });
    await tags.click();
    await tags.pressSequentially('Urgent Thing');
    expect(await tags.inputValue()).toBe('urgent-thing');
    await tags.press('Enter');
    await page.getByTestId('ticket-sidebar').getByText('urgent-thing', { exact: true }).waitFor();
    await page.locator('input[type="file"]').setInputFiles({ name: 'tool.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
    await page.getByTestId('upload-rejected').getByText('tool.exe: Files up to 10 MB: images, PDF, Office and text.').waitFor();
    expect(await page.locator('[data-testid="upload"]').count()).toBe(0);
    await screenshot(page, 'validation-ticket');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
