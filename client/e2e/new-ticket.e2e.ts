import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launchBrowser, openPage, screenshot, signIn } from './support/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('sign in, get a field error for a 1-character title, fix it, and the ticket is created', async () => {
  const { context, page, errors } = await openPage(browser, baseUrl);
  try {
    // A deep link while signed out leads to the sign-in page and back.
    await page.goto('/tickets/new', { waitUntil: 'load' });
    await page.waitForURL(/\/login\?next=%2Ftickets%2Fnew$/);
    // The language switches at once, and back.
    await page.getByText('ID', { exact: true }).click();
    await page.getByRole('heading', { name: 'Masuk' }).waitFor();
    await screenshot(page, 'new-ticket-login-id', {});
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signIn(page, 'customer2@acme.example');
    await page.waitForURL(/\/tickets\/new$/);

    const form = page.getByTestId('new-ticket-form');
    await form.getByRole('textbox', { name: /^Title/ }).fill('X');
    await form.getByRole('textbox', { name: /^Description/ }).fill('The mobile app logs me out every few minutes.');
    await form.getByRole('textbox', { name: /^Category/ }).click();
    await page.getByRole('option', { name: 'Technical' }).click();
    await form.getByRole('button', { name: 'Create ticket' }).click();

    // Checked before sending, in a sentence under the field.
    await form.getByText('Use 3 to 200 characters.').waitFor();
    await expect.poll(() => form.getByRole('textbox', { name: /^Title/ }).getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'new-ticket-field-error', {});

    const title = `Logged out every few minutes ${Date.now()}`;
    await form.getByRole('textbox', { name: /^Title/ }).fill(title);
    await form.getByRole('button', { name: 'Create ticket' }).click();

    await page.waitForURL(/\/tickets\/\d+$/);
    await page.getByTestId('ticket-detail').getByRole('heading', { name: title }).waitFor();
    await page.getByText(/Ticket #\d+ created\./).waitFor();
    await screenshot(page, 'new-ticket-created', {});
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
