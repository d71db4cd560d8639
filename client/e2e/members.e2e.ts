import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { seriousViolations } from './support/axe';
import { launchBrowser, openPage, openSignedIn, screenshot, signIn } from './support/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const MOBILE = { width: 390, height: 844 };
const row = (page: Page, email: string) => page.locator(`[data-testid="member-row"][data-email="${email}"]`);

/**
 * The screens of this feature: the members page (and its dialogs, rendered in portals), the
 * sign-in form. The shared header is checked by the layout's own tests.
 */
const SCREEN = ['[data-testid="members-page"]', '.mantine-Modal-root', '.mantine-Popover-dropdown', 'form'];
async function expectAccessible(page: Page, include = SCREEN) {
  // While a dialog is open the page behind it sits under the dimmed overlay: check the dialog.
  const modalOpen = (await page.locator('.mantine-Modal-root').count()) > 0;
  const scope = modalOpen ? ['.mantine-Modal-root'] : await present(page, include);
  expect(await seriousViolations(page, { include: scope })).toEqual([]);
}
async function present(page: Page, selectors: string[]) {
  const found: string[] = [];
  for (const selector of selectors) if ((await page.locator(selector).count()) > 0) found.push(selector);
  return found;
}

/** Signs in on a fresh page and returns what the sign-in form says (or null when it let the user in). */
async function signInMessage(email: string, password: string): Promise<string | null> {
  const { context, page } = await openPage(browser, baseUrl);
  try {
    await page.goto('/login', { waitUntil: 'load' });
    await page.getByRole('textbox', { name: /^Email/ }).fill(email);
    await page.getByLabel(/^Password/).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    const entered = page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 10_000 }).then(() => null);
    const refused = alert.waitFor({ timeout: 10_000 }).then(() => alert.innerText());
    return await Promise.race([entered, refused]);
  } finally {
    await context.close();
  }
}

test('an admin invites a member, copies the temporary password, searches, deactivates and reactivates them', async () => {
  const admin = await openSignedIn(browser, baseUrl, 'admin@acme.example', '/settings/members');
  await admin.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { page } = admin;
  try {
    await page.getByTestId('member-table').waitFor();
    // The demo's deactivated member is listed as such, and has never signed in.
    await expect.poll(() => row(page, 'former@acme.example').getAttribute('data-active')).toBe('false');
    await expect.poll(() => row(page, 'former@acme.example').getByTestId('member-status').innerText()).toBe('Deactivated');
    await expectAccessible(page);
    await screenshot(page, 'members-desktop');

    const stamp = Date.now();
    const email = `rina.${stamp}@acme.example`;
    await page.getByTestId('invite-member').click();
    const form = page.getByTestId('invite-form');
    await form.getByRole('textbox', { name: /^Email/ }).fill(email);
    await form.getByRole('textbox', { name: /^Name/ }).fill('Rina Invited');
    await form.getByRole('textbox', { name: /^Role/ }).click();
    await page.getByRole('option', { name: 'Agent' }).click();
    await expectAccessible(page);
    await form.getByRole('button', { name: 'Invite' }).click();

    const dialog = page.getByTestId('secret-dialog');
    const password = (await dialog.getByTestId('secret-value').innerText()).trim();
    expect(password.length).toBeGreaterThanOrEqual(12);
    await dialog.getByRole('button', { name: 'Copy to clipboard' }).click();
    await dialog.getByRole('button', { name: 'Done' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(password);
    await expectAccessible(page);
    await screenshot(page, 'members-temporary-password');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await row(page, email).waitFor();

    // Search narrows the list to the new member.
    await page.getByTestId('member-search').fill(`rina.${stamp}`);
    await expect.poll(() => page.getByTestId('member-row').count()).toBe(1);
    await expect.poll(() => row(page, email).count()).toBe(1);

    // The temporary password works once: the new member is sent to change it.
    const invited = await openPage(browser, baseUrl);
    await invited.page.goto('/login', { waitUntil: 'load' });
    await signIn(invited.page, email, password);
    await invited.page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await invited.context.close();
    await page.reload({ waitUntil: 'load' });
    await page.getByTestId('member-search').fill(`rina.${stamp}`);
    await expect.poll(() => row(page, email).locator('td').nth(3).innerText()).not.toBe('Never');

    // Deactivate (with confirmation); their sign-in is then refused with the reason.
    await row(page, email).getByTestId('deactivate-member').click();
    await page.getByTestId('confirm-deactivate').click();
    await expect.poll(() => row(page, email).getAttribute('data-active')).toBe('false');
    expect(await signInMessage(email, password)).toContain('Your account has been deactivated');
    // A wrong password still says only that the credentials are wrong.
    expect(await signInMessage(email, 'not-the-password')).toContain('The email or password is incorrect.');

    await row(page, email).getByTestId('reactivate-member').click();
    await expect.poll(() => row(page, email).getAttribute('data-active')).toBe('true');
    expect(await signInMessage(email, password)).toBeNull();

    // Changing the role in place.
    await row(page, email).getByRole('textbox', { name: 'Role of Rina Invited' }).click();
    await page.getByRole('option', { name: 'Customer' }).click();
    await page.getByText('Rina Invited is now Customer.').waitFor();

    await page.setViewportSize(MOBILE);
    await page.getByTestId('member-search').fill('');
    await row(page, 'former@acme.example').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'members-mobile');
    expect(admin.errors).toEqual([]);
  } finally {
    await admin.context.close();
  }
}, 180_000);

test('the deactivated demo member is told so in Bahasa Indonesia too', async () => {
  const { context, page, errors } = await openPage(browser, baseUrl);
  try {
    await page.goto('/login', { waitUntil: 'load' });
    await page.getByText('ID', { exact: true }).click();
    await page.getByRole('heading', { name: 'Masuk' }).waitFor();
    await page.getByRole('textbox', { name: /^Email/ }).fill('former@acme.example');
    await page.getByLabel(/^Kata sandi/).fill('sociodesk-demo');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('alert').getByText('Akun Anda telah dinonaktifkan', { exact: false }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'login-deactivated-id');
    await page.setViewportSize(MOBILE);
    await screenshot(page, 'login-deactivated-id-mobile');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
