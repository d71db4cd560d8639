import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { graphql } from './support/api';
import { seriousViolations } from './support/axe';
import { launchBrowser, openPage, screenshot, signIn } from './support/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the newest dev-mailbox message to `email` and follows its first link. */
async function followMailLink(page: Page, email: string): Promise<void> {
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`, { waitUntil: 'load' });
  expect(await seriousViolations(page)).toEqual([]);
  await page.locator('tbody a').first().click();
  await page.waitForURL(/\/dev\/mailbox\/[0-9a-f-]+$/);
  expect(await seriousViolations(page)).toEqual([]);
  await page.locator('h2:has-text("Links") + ul a').first().click();
}

/** The mail may take a moment: the outbox worker sends it after the commit. */
async function waitForMail(page: Page, email: string): Promise<void> {
  await expect
    .poll(async () => (await (await page.request.get(`/dev/mailbox?to=${encodeURIComponent(email)}`)).text()).includes('/dev/mailbox/'), { timeout: 15_000 })
    .toBe(true);
}

test('a user resets a forgotten password through the mail in the dev mailbox, on desktop and on a phone', async () => {
  const email = 'customer2@globex.example';
  const { context, page, errors } = await openPage(browser, baseUrl);
  try {
    await page.goto('/login', { waitUntil: 'load' });
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.waitForURL(/\/forgot-password$/);
    expect(await seriousViolations(page, 'form')).toEqual([]);
    await page.getByRole('textbox', { name: /^Email/ }).fill(email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText(`If an account exists for ${email}`).waitFor();

    await waitForMail(page, email);
    await followMailLink(page, email);
    await page.waitForURL(/\/reset-password\?token=/);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    expect(await seriousViolations(page, 'form')).toEqual([]);
    const newPassword = 'globex-new-password-1';
    await page.getByLabel(/^New password/).fill(newPassword);
    await page.getByLabel(/^Repeat the new password/).fill(newPassword);
    await screenshot(page, 'reset-password');
    await page.getByRole('button', { name: 'Save the password' }).click();
    await page.getByText('Your password is set.').waitFor();
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL(/\/login$/);
    await signIn(page, email, newPassword);
    await page.waitForURL(/\/tickets$/);

    // The link worked once: opening it again says so.
    await followMailLink(page, email);
    await page.getByLabel(/^New password/).fill('yet-another-pass-1');
    await page.getByLabel(/^Repeat the new password/).fill('yet-another-pass-1');
    await page.getByRole('button', { name: 'Save the password' }).click();
    await page.getByText('This link is invalid, already used or expired.').waitFor();
    expect(errors).toEqual([]);

    // Put the demo password back for the other browser tests.
    const token = (await graphql<{ login: { accessToken: string } }>(baseUrl, 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email, password: newPassword } })).login.accessToken;
    await graphql(baseUrl, 'mutation($i: ChangePasswordInput!) { changePassword(input: $i) { accessToken } }', { i: { currentPassword: newPassword, newPassword: 'sociodesk-demo' } }, token);
  } finally {
    await context.close();
  }

  // The same signed-out pages at 390x844.
  const phone = await browser.newContext({ baseURL: baseUrl, viewport: { width: 390, height: 844 }, locale: 'en-US' });
  try {
    const mobile = await phone.newPage();
    for (const path of ['/login', '/forgot-password', '/reset-password?token=nope', '/signup']) {
      await mobile.goto(path, { waitUntil: 'load' });
      await mobile.getByRole('heading', { level: 1 }).waitFor();
      expect(await mobile.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), path).toBe(true);
      expect(await seriousViolations(mobile, 'form'), path).toEqual([]);
    }
    await screenshot(mobile, 'signup-mobile');
  } finally {
    await phone.close();
  }
}, 300_000);

test('a visitor signs up a new workspace, confirms the address from the mail and lands on its empty board', async () => {
  const id = Date.now().toString(36);
  const email = `founder-${id}@kopi.example`;
  const password = 'kopi-founder-pass-1';
  const { context, page, errors } = await openPage(browser, baseUrl);
  try {
    await page.goto('/login', { waitUntil: 'load' });
    await page.getByRole('link', { name: 'Create a workspace' }).click();
    await page.waitForURL(/\/signup$/);
    await page.getByRole('textbox', { name: /^Workspace name/ }).fill(`Kopi ${id}`);
    expect(await page.getByRole('textbox', { name: /^Short name/ }).inputValue()).toBe(`kopi-${id}`);
    await page.getByRole('textbox', { name: /^Your name/ }).fill('Sari Founder');
    await page.getByRole('textbox', { name: /^Email/ }).fill(email);
    await page.getByLabel(/^Password/).fill(password);
    expect(await seriousViolations(page, 'form')).toEqual([]);
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByText(`we sent a confirmation link to ${email}`).waitFor();
    await screenshot(page, 'signup-check-mail');

    await waitForMail(page, email);
    await followMailLink(page, email);
    await page.waitForURL(/\/verify-email\?token=/);
    await page.getByText(`${email} is confirmed`).waitFor();
    expect(await seriousViolations(page, '[role="status"]')).toEqual([]);
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL(/\/login\?email=/);
    expect(await page.getByRole('textbox', { name: /^Email/ }).inputValue()).toBe(email);
    await page.getByLabel(/^Password/).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/board/);
    for (const status of ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED']) await page.getByTestId(`column-${status}`).waitFor();
    await expect.poll(() => page.getByTestId('count-OPEN').getAttribute('aria-label')).toMatch(/\b0\b/);
    expect(await page.getByTestId('ticket-card').count()).toBe(0);
    await screenshot(page, 'signup-first-board');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, 300_000);

test('the platform operator creates a tenant, suspends it, and its signed-in admin is told so', async () => {
  const id = Date.now().toString(36);
  const slug = `suspend-${id}`;
  const adminEmail = `boss-${id}@suspend.example`;
  const operator = await openPage(browser, baseUrl);
  const admin = await browser.newContext({ baseURL: baseUrl, viewport: { width: 390, height: 844 }, locale: 'en-US' });
  try {
    const op = operator.page;
    await op.goto('/login', { waitUntil: 'load' });
    await signIn(op, 'admin@globex.example');
    await op.getByTestId('nav-more').click();
    await op.getByRole('menuitem', { name: 'Tenants' }).click();
    await op.waitForURL(/\/operator\/tenants$/);
    await op.getByTestId('tenant-table').waitFor();
    expect(await seriousViolations(op, '[data-testid="tenants-page"]')).toEqual([]);

    await op.getByRole('button', { name: 'Create tenant' }).click();
    const form = op.getByTestId('tenant-form');
    await form.getByRole('textbox', { name: /^Name/ }).fill(`Suspend ${id}`);
    await form.getByRole('textbox', { name: /^Short name/ }).fill(slug);
    await form.getByRole('textbox', { name: /^Admin email/ }).fill(adminEmail);
    await form.getByRole('textbox', { name: /^Admin name/ }).fill('Boss');
    await form.getByRole('button', { name: 'Create tenant' }).click();
    const row = op.locator(`[data-testid="tenant-row"][data-slug="${slug}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('ACTIVE');

    // The new admin chooses a password from the invitation and signs in (on a phone).
    const boss = await admin.newPage();
    await waitForMail(boss, adminEmail);
    await followMailLink(boss, adminEmail);
    await boss.getByRole('heading', { name: 'Choose your password' }).waitFor();
    await boss.getByLabel(/^New password/).fill('boss-password-123');
    await boss.getByLabel(/^Repeat the new password/).fill('boss-password-123');
    await boss.getByRole('button', { name: 'Save the password' }).click();
    await boss.getByRole('link', { name: 'Sign in' }).click();
    await signIn(boss, adminEmail, 'boss-password-123');
    await boss.waitForURL(/\/board/);
    await boss.getByTestId('count-OPEN').waitFor();

    // Suspended: the admin's session ends with the reason, and signing in again says so too.
    await row.getByRole('button', { name: `Suspend Suspend ${id}` }).click();
    await op.getByTestId('suspend-confirm').getByRole('button', { name: 'Suspend' }).click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('SUSPENDED');
    await screenshot(op, 'operator-tenants');
    await boss.waitForURL(/\/login/, { timeout: 20_000 });
    await boss.getByText('This workspace has been suspended by the platform operator.').waitFor();
    expect(await seriousViolations(boss, 'form')).toEqual([]);
    await boss.getByLabel(/^Password/).fill('boss-password-123');
    await boss.getByRole('textbox', { name: /^Email/ }).fill(adminEmail);
    await boss.getByRole('button', { name: 'Sign in' }).click();
    await boss.getByRole('alert').getByText('This workspace has been suspended by the platform operator.').waitFor();
    await screenshot(boss, 'suspended-sign-in');

    // Resumed: signing in works again.
    await row.getByRole('button', { name: `Resume Suspend ${id}` }).click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('ACTIVE');
    const again = await graphql<{ login: { tenant: { slug: string } } }>(baseUrl, 'mutation($i: LoginInput!) { login(input: $i) { tenant { slug } } }', {
      i: { email: adminEmail, password: 'boss-password-123' },
    });
    expect(again.login.tenant.slug).toBe(slug);
    expect(operator.errors).toEqual([]);
  } finally {
    await operator.context.close();
    await admin.close();
  }
}, 300_000);
