import { seriousViolations, type AxeScope } from './axe';
import { appendFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot } from './api-server';

export const outputDir = join(repoRoot, 'test-output');

/** The two sizes every screen is tried at: a desktop and a phone (390×844). */
export const SIZES = { desktop: { width: 1400, height: 900 }, phone: { width: 390, height: 844 } } as const;

/** Debian's Chromium (never a downloaded browser); CHROMIUM_PATH overrides it. */
function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`No Chromium found (tried ${candidates.join(', ')}); install Debian's chromium package`);
  return found;
}

export function launchBrowser(): Promise<Browser> {
  // Each launch runs on a fresh temporary profile (user-data-dir).
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A signed-out browser tab whose console errors and page errors are collected (tests fail on any). */
export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

export async function openPage(browser: Browser, baseUrl: string): Promise<WatchedPage> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  // Everything (GraphiQL, fonts, workers included) comes from our own server.
  const origin = new URL(baseUrl).origin;
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) errors.push(`request to another origin: ${url}`);
  });
  return { context, page, errors };
}

/** Signs in on the current page (which must show the sign-in form). */
export async function signIn(page: Page, email: string, password = 'sociodesk-demo'): Promise<void> {
  await page.getByRole('textbox', { name: /^Email/ }).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Opens `path` signed in as `email` (through the sign-in page, which brings the user back there). */
export async function openSignedIn(browser: Browser, baseUrl: string, email: string, path: string): Promise<WatchedPage> {
  const watched = await openPage(browser, baseUrl);
  await watched.page.goto(path, { waitUntil: 'load' });
  await watched.page.waitForURL((url) => url.pathname.startsWith('/login'));
  await signIn(watched.page, email);
  return watched;
}

/**
 * Saves a full-page screenshot to test-output/ after axe-core found no serious or critical
 * violation on the page as shown. `axe` narrows the check (for example to leave out a
 * third-party widget); every screenshot is checked.
 */
export async function screenshot(page: Page, name: string, axe: AxeScope = {}): Promise<string> {
  mkdirSync(outputDir, { recursive: true });
  const file = join(outputDir, `${name}.png`);
  const violations = await seriousViolations(page, axe);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  if (violations.length) {
    const report = `axe-core: serious or critical violations on "${name}":\n${JSON.stringify(violations, null, 2)}`;
    if (process.env.AXE_REPORT) appendFileSync(process.env.AXE_REPORT, `${report}\n`);
    else throw new Error(report);
  }
  return file;
}
