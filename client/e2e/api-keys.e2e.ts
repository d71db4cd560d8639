import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { graphqlRaw } from './support/api';
import { launchBrowser, openSignedIn, screenshot } from './support/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const TICKET_COUNT = '{ tickets(first: 1) { totalCount } }';

test('an admin creates an API key, copies its secret once, the key works, and stops working once revoked', async () => {
  const { context, page, errors } = await openSignedIn(browser, baseUrl, 'admin@acme.example', '/board');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  try {
    // Reached from the menu: Settings, then the API keys tab.
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL(/\/settings\/sla$/);
    await page.getByRole('tab', { name: 'API keys' }).click();
    await page.waitForURL(/\/settings\/api-keys$/);

    const name = `Browser test partner ${Date.now()}`;
    await page.getByRole('button', { name: 'Create API key' }).click();
    const form = page.getByTestId('api-key-form');
    await form.getByRole('textbox', { name: /^Name/ }).fill(name);
    await form.getByRole('checkbox', { name: /^EVENTS_READ/ }).check();
    await screenshot(page, 'api-key-create', {});
    await form.getByRole('button', { name: 'Create key' }).click();

    // The secret, once, with a clear warning.
    const dialog = page.getByRole('dialog', { name: 'Your new API key' });
    await dialog.getByText('Copy it now: you will not see it again').waitFor();
    const secret = (await dialog.getByTestId('secret-value').innerText()).trim();
    expect(secret).toMatch(/^sdk_live_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    await dialog.getByRole('button', { name: 'Copy to clipboard' }).click();
    await dialog.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await screenshot(page, 'api-key-secret-once', {});
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Closed means forgotten: the page no longer holds it anywhere.
    expect(await page.content()).not.toContain(secret);

    // The list shows the key by its prefix, never the secret.
    const row = page.locator('[data-testid="api-key-row"]', { hasText: name });
    await row.waitFor();
    const prefix = await row.getAttribute('data-prefix');
    expect(prefix && secret.startsWith(prefix)).toBe(true);
    expect(await row.getAttribute('data-status')).toBe('active');
    expect(await row.innerText()).toContain('TICKETS_READ');

    // The key works against the API ...
    const allowed = await graphqlRaw(baseUrl, TICKET_COUNT, secret);
    expect(allowed.body.errors).toBeUndefined();
    expect(typeof (allowed.body.data as { tickets: { totalCount: number } }).tickets.totalCount).toBe('number');

    // ... until it is revoked (with a confirmation).
    await row.getByRole('button', { name: `Revoke ${name}` }).click();
    await page.getByTestId('revoke-confirm').getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('revoked');
    await page.getByText(`The key "${name}" was revoked.`).waitFor();
    await screenshot(page, 'api-keys-revoked', {});

    const refused = await graphqlRaw(baseUrl, TICKET_COUNT, secret);
    expect(refused.body.data ?? null).toBeNull();
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
