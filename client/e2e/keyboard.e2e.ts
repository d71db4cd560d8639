import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { apiLogin, createTicketAs, graphql } from './support/api';
import { launchBrowser, openPage, screenshot, SIZES } from './support/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Focused {
  name: string;
  tag: string;
  visible: boolean;
  /** What the focus looks like (for the failure message). */
  style?: string;
}

/**
 * The focused element, its accessible-ish name, and whether its focus can be seen: an outline
 * or a ring, or (for text fields, which show focus by their border) a border in the primary colour.
 */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { name: '', tag: 'body', visible: false };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const ring = !!style.boxShadow && style.boxShadow !== 'none';
    const probe = document.createElement('span');
    probe.style.color = 'var(--mantine-primary-color-filled)';
    document.body.appendChild(probe);
    const primary = getComputedStyle(probe).color;
    probe.remove();
    // A text field shows focus on its box (for tag fields, the box around the pills).
    const box = el.matches('input, textarea') ? (el.closest('.mantine-Input-input') ?? el) : null;
    const field = !!box && getComputedStyle(box).borderTopColor === primary;
    const name = el.getAttribute('aria-label') ?? ((el as HTMLInputElement).labels?.[0]?.textContent ?? '') + (el.textContent ?? '');
    return { name: name.trim(), tag: el.tagName.toLowerCase(), visible: outline || ring || field, style: `${style.outlineStyle} ${style.outlineWidth} | ${style.boxShadow} | ${box ? getComputedStyle(box).borderTopColor : '-'} vs ${primary}` };
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focused element's name matches, at most `max` times,
 * and checks that its focus can be seen.
 */
async function tabTo(page: Page, name: RegExp, { back = false, max = 60 } = {}): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    // Measured again once the focus style's transition (text fields fade their border) is over.
    if (name.test(now.name)) {
      await page.waitForTimeout(250);
      const settled = await focused(page);
      if (!settled.visible) throw new Error(`focus on ${name} cannot be seen: ${JSON.stringify(settled)}`);
      return settled;
    }
  }
  throw new Error(`Tab never reached ${name}; last focused: ${JSON.stringify(await focused(page))}`);
}

/** Arrow keys move through an open menu or listbox until the wanted entry is active, then Enter picks it. */
async function pick(page: Page, option: string, { menu = false, max = 8 } = {}): Promise<void> {
  // A menu opened with Enter: arrow keys pressed before it shows would be lost.
  if (menu) await page.locator('[role="menu"]:visible').first().waitFor();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('ArrowDown');
    const active = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const selected = document.querySelector('[role="option"][data-combobox-selected]');
      return (selected?.textContent ?? (el?.getAttribute('role') === 'menuitem' ? el.textContent : '') ?? '').trim();
    });
    if (active === option) {
      await page.keyboard.press('Enter');
      return;
    }
  }
  throw new Error(`no entry "${option}" reached with the arrow keys`);
}

interface TicketState {
  status: string;
  priority: string;
  tags: string[];
  title: string;
  assignee: { email: string } | null;
  messages: { edges: Array<{ node: { body: string; internal: boolean } }> };
}

for (const size of ['desktop', 'phone'] as const) {
  test(`keyboard only at ${size}: sign in, move a card, open it, edit, triage, claim, reply and note, with visible focus`, async () => {
    const stamp = Date.now();
    const ticket = await createTicketAs(baseUrl, 'customer1@acme.example', { title: `Keyboard ${size}: printer offline ${stamp}`, category: 'TECHNICAL', priority: 'HIGH' });
    const agentToken = await apiLogin(baseUrl, 'agent1@acme.example');
    const state = async () =>
      (
        await graphql<{ ticket: TicketState }>(
          baseUrl,
          'query($id: ID!) { ticket(id: $id) { status priority tags title assignee { email } messages(first: 20) { edges { node { body internal } } } } }',
          { id: ticket.id },
          agentToken,
        )
      ).ticket;

    const { context, page, errors } = await openPage(browser, baseUrl);
    await page.setViewportSize(SIZES[size]);
    try {
      // Sign in: type, Tab, type, Enter.
      await page.goto('/board', { waitUntil: 'load' });
      await page.getByRole('textbox', { name: /^Email/ }).focus();
      await page.keyboard.type('agent1@acme.example');
      await tabTo(page, /^Password/);
      await page.keyboard.type('sociodesk-demo');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === '/board');

      // The board: from the card's link, Shift+Tab reaches its move button; the menu works with arrows and Enter.
      const card = page.locator(`[data-testid="ticket-card"][data-ticket-number="${ticket.number}"]`);
      await card.waitFor();
      await card.getByRole('link').focus();
      await tabTo(page, new RegExp(`^Move ticket #${ticket.number} to`), { back: true, max: 3 });
      await screenshot(page, `keyboard-board-focus-${size}`);
      await page.keyboard.press('Enter');
      await pick(page, 'In progress', { menu: true });
      await expect.poll(async () => (await state()).status).toBe('IN_PROGRESS');
      if (size === 'desktop') await page.getByTestId('column-IN_PROGRESS').locator(`[data-ticket-number="${ticket.number}"]`).waitFor();

      // Open the ticket with Enter on its link (on a phone, from the In progress column).
      if (size === 'phone') {
        await page.getByTestId('column-switcher').locator('input:checked').focus();
        await page.keyboard.press('ArrowRight');
        await page.getByTestId('column-IN_PROGRESS').waitFor();
      }
      await card.getByRole('link').focus();
      expect((await focused(page)).visible).toBe(true);
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`/tickets/${ticket.number}$`));
      await page.getByTestId('ticket-sidebar').waitFor();

      // Edit the title in place: Tab to the pencil, Enter, type, Enter saves.
      await tabTo(page, /^Edit title/);
      await page.keyboard.press('Enter');
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(`Keyboard ${size}: printer back online ${stamp}`);
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await state()).title).toBe(`Keyboard ${size}: printer back online ${stamp}`);

      // Priority from its select: Tab to it, open with the arrows, Enter picks.
      await tabTo(page, /^Priority/);
      await pick(page, 'Low');
      await expect.poll(async () => (await state()).priority).toBe('LOW');

      // Claim it, then a tag typed and confirmed with Enter.
      await tabTo(page, /Claim/);
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await state()).assignee?.email).toBe('agent1@acme.example');
      await tabTo(page, /^Tags/);
      await page.keyboard.type('keyboard-only');
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await state()).tags).toContain('keyboard-only');
      await screenshot(page, `keyboard-ticket-focus-${size}`);

      // A public reply sent with Ctrl+Enter, then an internal note (the switch toggled with Space).
      await tabTo(page, /^Write a reply/, { back: true, max: 40 });
      await page.keyboard.type('We restarted the print server; please try again.');
      await page.keyboard.press('ControlOrMeta+Enter');
      await expect.poll(async () => (await state()).messages.edges.some((e) => e.node.body.includes('restarted the print server') && !e.node.internal)).toBe(true);
      await tabTo(page, /^Internal note/);
      await page.keyboard.press('Space');
      await tabTo(page, /^Write an internal note/, { back: true, max: 12 });
      await page.keyboard.type('Printer was unplugged by facilities.');
      await page.keyboard.press('ControlOrMeta+Enter');
      await expect.poll(async () => (await state()).messages.edges.some((e) => e.node.body.includes('unplugged by facilities') && e.node.internal)).toBe(true);
      // The note's badge reads in full, on a phone too.
      const badge = page.getByTestId('internal-badge').first();
      await badge.waitFor();
      expect(await badge.evaluate((b) => (b.querySelector('.mantine-Badge-label') ?? b).scrollWidth <= (b.querySelector('.mantine-Badge-label') ?? b).clientWidth + 1)).toBe(true);

      // Resolve it from the status select.
      await tabTo(page, /^Status/);
      await pick(page, 'Resolved');
      await expect.poll(async () => (await state()).status).toBe('RESOLVED');
      await screenshot(page, `keyboard-ticket-done-${size}`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
}
