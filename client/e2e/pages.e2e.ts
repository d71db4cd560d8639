import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { AxeScope } from './support/axe';
import { launchBrowser, screenshot, signIn, SIZES } from './support/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Screen {
  path: string;
  name: string;
  /** Gets there from `path` (for screens without a fixed address). */
  then?: (page: Page) => Promise<void>;
  /** What shows once the page has loaded its data. */
  ready: (page: Page) => Promise<unknown>;
  axe?: AxeScope;
}

const heading = (page: Page) => page.locator('main h1, main h2').first().waitFor();

/** Every screen of each kind of user; the feature tests go deeper, this walk keeps none unchecked. */
const SCREENS: Record<'signedOut' | 'admin' | 'customer' | 'operator', { email?: string; screens: Screen[] }> = {
  signedOut: {
    screens: [
      { path: '/login', name: 'login', ready: (p) => p.getByRole('button', { name: 'Sign in' }).waitFor() },
      { path: '/forgot-password', name: 'forgot-password', ready: (p) => p.locator('form').waitFor() },
      { path: '/signup', name: 'signup', ready: (p) => p.locator('form').waitFor() },
    ],
  },
  admin: {
    email: 'admin@acme.example',
    screens: [
      { path: '/board', name: 'board', ready: (p) => p.getByTestId('ticket-card').first().waitFor() },
      { path: '/chats', name: 'chats', ready: (p) => p.getByRole('heading', { name: 'Live chat' }).waitFor() },
      { path: '/tickets', name: 'list', ready: (p) => p.getByTestId('ticket-table').waitFor() },
      { path: '/tickets/new', name: 'new-ticket', ready: heading },
      {
        path: '/tickets',
        name: 'ticket',
        then: (p) => p.getByTestId('ticket-table').getByRole('link').first().click(),
        ready: (p) => p.getByTestId('ticket-sidebar').waitFor(),
      },
      // Charts have drawn their shapes (an empty chart has only its axes).
      { path: '/reports', name: 'reports', ready: (p) => expect.poll(() => p.locator('[data-testid="chart-volume"] svg path').count(), { timeout: 30_000 }).toBeGreaterThan(3) },
      { path: '/canned-responses', name: 'canned-responses', ready: heading },
      { path: '/macros', name: 'macros', ready: heading },
      { path: '/settings/sla', name: 'settings-sla', ready: heading },
      { path: '/settings/api-keys', name: 'settings-api-keys', ready: heading },
      { path: '/settings/webhooks', name: 'settings-webhooks', ready: heading },
      { path: '/settings/chat', name: 'settings-chat', ready: heading },
      { path: '/settings/members', name: 'settings-members', ready: heading },
      { path: '/settings/workspace', name: 'settings-workspace', ready: heading },
      { path: '/settings/statuses', name: 'settings-statuses', ready: heading },
      { path: '/account/password', name: 'account-password', ready: (p) => p.locator('form').waitFor() },
      // GraphiQL's own editor is a third-party component; our shell around it is checked.
      { path: '/graphiql', name: 'graphiql', ready: (p) => p.locator('.graphiql-container').waitFor(), axe: { exclude: ['.graphiql-container'] } },
      { path: '/no-such-page', name: 'not-found', ready: heading },
    ],
  },
  customer: {
    email: 'customer1@acme.example',
    screens: [
      { path: '/tickets', name: 'portal', ready: (p) => p.locator('main').getByRole('link').first().waitFor() },
      { path: '/tickets/new', name: 'portal-new-ticket', ready: heading },
    ],
  },
  operator: {
    email: 'admin@globex.example',
    screens: [{ path: '/operator/tenants', name: 'operator-tenants', ready: (p) => p.getByTestId('tenants-page').waitFor() }],
  },
};

/** How far the page scrolls sideways (0: nothing sticks out of the screen). */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

for (const size of ['desktop', 'phone'] as const) {
  for (const [who, { email, screens }] of Object.entries(SCREENS)) {
    test(`every ${who} screen at ${size}: loads, fits the width, axe finds nothing serious`, async () => {
      const context = await browser.newContext({ baseURL: baseUrl, viewport: SIZES[size], locale: 'en-US' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
      });
      try {
        if (email) {
          await page.goto('/login', { waitUntil: 'load' });
          await signIn(page, email);
        }
        for (const screen of screens) {
          await page.goto(screen.path, { waitUntil: 'load' });
          await screen.then?.(page);
          await screen.ready(page);
          // Once laid out: GraphiQL, for one, applies its lazily loaded styles after its container appears.
          await expect.poll(() => sidewaysOverflow(page), { message: `${screen.path} scrolls sideways at ${size}`, timeout: 5000 }).toBeLessThanOrEqual(1);
          await screenshot(page, `page-${screen.name}-${size}`, screen.axe);
        }
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }, 240_000);
  }
}
