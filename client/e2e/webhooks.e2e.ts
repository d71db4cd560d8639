import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launchBrowser, openSignedIn, screenshot } from './support/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// Endpoints must be public addresses the API can resolve, which a test machine may not have:
// this checks the page and the API's field error, not a delivery.
test('the webhooks page lists endpoints and deliveries, and shows why an address is refused', async () => {
  const { context, page, errors } = await openSignedIn(browser, baseUrl, 'admin@acme.example', '/settings/webhooks');
  try {
    await page.getByRole('heading', { name: 'Webhooks' }).waitFor();
    await page.getByText('No webhook endpoints yet.').waitFor();
    await page.getByText('No deliveries.').waitFor();
    expect(await page.getByRole('tab', { name: 'Webhooks' }).getAttribute('aria-selected')).toBe('true');

    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const form = page.getByTestId('webhook-form');
    await form.getByRole('textbox', { name: /^URL/ }).fill('http://127.0.0.1:9/hooks/sociodesk');
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    await form.getByText('must not point to a private, loopback or link-local address').waitFor();
    expect(await form.getByRole('textbox', { name: /^URL/ }).getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'webhooks-refused-address');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
