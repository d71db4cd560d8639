import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { createTicketAs } from './support/api';
import { seriousViolations } from './support/axe';
import { launchBrowser, openSignedIn, screenshot } from './support/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const CHARTS = ['chart-volume', 'chart-sla', 'chart-status', 'chart-category', 'chart-times', 'chart-heatmap', 'chart-agents'];

/** Every chart has drawn shapes (not an empty frame). */
async function expectChartsDrawn(page: Page) {
  for (const id of CHARTS) {
    await expect.poll(() => page.locator(`[data-testid="${id}"] svg path`).count(), { timeout: 15_000, message: id }).toBeGreaterThan(3);
  }
}

async function expectAccessible(page: Page, name: string) {
  const problems = await seriousViolations(page);
  expect(problems, `${name}: ${JSON.stringify(problems, null, 2)}`).toEqual([]);
}

/** Tickets created in the period: the "Created" column of the table behind the volume chart, summed. */
async function createdToday(page: Page): Promise<number> {
  const cells = await page.locator('[data-testid="chart-volume-card"] table tbody tr td:first-of-type').allInnerTexts();
  return cells.reduce((sum, c) => sum + Number(c), 0);
}

test('an admin sees every chart of the demo history, follows a segment to the list, and exports a CSV', async () => {
  const { context, page, errors } = await openSignedIn(browser, baseUrl, 'admin@acme.example', '/board');
  try {
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.waitForURL(/\/reports/);
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    await expectChartsDrawn(page);
    await screenshot(page, 'reports-desktop');
    await expectAccessible(page, 'reports page');

    // Filters live in the URL.
    await page.getByTestId('reports-period').getByText('90 days').click();
    await expect.poll(() => page.url()).toContain('period=90');
    await page.locator('label', { hasText: 'Business hours only' }).click();
    await expect.poll(() => page.url()).toContain('bh=1');
    await expectChartsDrawn(page);

    // Live: a new ticket moves today's number without a reload.
    await page.getByTestId('reports-period').getByText('7 days', { exact: true }).click();
    await expect.poll(() => page.url()).toContain('period=7');
    await expectChartsDrawn(page);
    const before = await createdToday(page);
    await createTicketAs(baseUrl, 'customer1@acme.example', { title: `Reports live ${Date.now()}`, category: 'BILLING' });
    await expect.poll(() => createdToday(page), { timeout: 15_000 }).toBe(before + 1);

    // Clicking the first sector of the status donut (from 12 o'clock, clockwise: CLOSED) opens the list filtered to it.
    const donut = page.getByTestId('chart-status');
    const box = (await donut.boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height * 0.45;
    const r = (Math.min(box.width, box.height) / 2) * 0.58;
    await page.mouse.click(cx + r * Math.sin(0.15), cy - r * Math.cos(0.15));
    await page.waitForURL(/\/tickets\?status=CLOSED/);
    const rows = page.locator('[data-testid="ticket-table"] tbody tr');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await rows.first().innerText()).toMatch(/closed/i);
    await screenshot(page, 'reports-segment-to-list');
    await page.goBack();
    await page.waitForURL(/\/reports/);

    // The breached tickets behind the SLA chart.
    await page.getByTestId('sla-breaches-link').click();
    await page.waitForURL(/\/tickets\?sla=BREACHED/);
    await page.goBack();
    await page.waitForURL(/\/reports/);

    // A CSV export, with its progress bar, to completion; the file holds every row.
    await page.getByTestId('export-start').click();
    const done = page.getByTestId('export-done');
    await done.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('export-progress').locator('[role="progressbar"]').getAttribute('aria-valuenow')).toBe('100');
    const rowsExported = Number(/(\d+) rows/.exec(await done.innerText())![1]);
    expect(rowsExported).toBeGreaterThan(10);
    await screenshot(page, 'reports-export-done');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
    const file = await download.path();
    const lines = readFileSync(file!, 'utf8').trimEnd().split('\r\n');
    expect(lines[0].startsWith('id,number,title,status')).toBe(true);
    expect(lines).toHaveLength(rowsExported + 1);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('on a phone, in Bahasa Indonesia, an agent sees their own figures', async () => {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 390, height: 844 }, locale: 'id-ID' });
  await context.addInitScript(() => window.localStorage.setItem('sociodesk.language', 'id'));
  const page = await context.newPage();
  try {
    await page.goto('/reports', { waitUntil: 'load' });
    await page.waitForURL((url) => url.pathname.startsWith('/login'));
    await page.getByRole('textbox', { name: /^Email/ }).fill('agent1@acme.example');
    await page.getByLabel(/^Kata sandi/).fill('sociodesk-demo');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(/\/reports/);
    await page.getByRole('heading', { name: 'Laporan', level: 1 }).waitFor();
    await expectChartsDrawn(page);
    // Only their own row in the leaderboard, and no export.
    const agentRows = page.locator('[data-testid="chart-agents-card"] table tbody tr');
    await expect.poll(() => agentRows.count()).toBe(1);
    expect(await agentRows.first().innerText()).toContain('Acme Agent One');
    expect(await page.getByTestId('export-card').count()).toBe(0);
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'reports-phone-id');
    await expectAccessible(page, 'reports on a phone');
  } finally {
    await context.close();
  }
});
