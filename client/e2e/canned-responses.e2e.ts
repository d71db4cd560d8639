import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { createTicketAs } from './support/api';
import { seriousViolations } from './support/axe';
import { launchBrowser, openSignedIn, screenshot, type WatchedPage } from './support/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PICKER = { include: ['[data-testid="reply-form"]'] };

test('an agent types / in the reply box, searches, and inserts a canned response with its variables filled', async () => {
  const ticket = await createTicketAs(baseUrl, 'customer1@acme.example', { title: 'Canned: invoice missing' });
  let agent: WatchedPage | undefined;
  try {
    agent = await openSignedIn(browser, baseUrl, 'agent1@acme.example', `/tickets/${ticket.number}`);
    const page = agent.page;
    const reply = page.getByRole('textbox', { name: 'Write a reply…' });
    await reply.click();
    await reply.pressSequentially('Hello! /');
    await page.getByTestId('canned-picker').waitFor();
    // The agent's own private response and the team's shared ones.
    await page.getByRole('option', { name: /Need more details/ }).waitFor();
    await reply.pressSequentially('greet');
    await expect.poll(() => page.getByTestId('canned-option').count()).toBe(1);
    expect(await seriousViolations(page, PICKER)).toEqual([]);
    await screenshot(page, 'canned-picker-desktop');
    await reply.press('Enter');
    await expect
      .poll(() => reply.inputValue(), { timeout: 5000 })
      .toBe(
        `Hello! Hi Acme Customer One,\n\nThanks for reaching out about ticket #${ticket.number}. I am looking into it now.\n\nAcme Agent One`,
      );
    expect(await page.getByTestId('canned-picker').count()).toBe(0);

    // On a phone: Escape closes the picker and keeps what was typed.
    await page.setViewportSize({ width: 390, height: 844 });
    await reply.fill('');
    await reply.pressSequentially('/need');
    await page.getByRole('option', { name: /Need more details/ }).waitFor();
    expect(await seriousViolations(page, PICKER)).toEqual([]);
    await screenshot(page, 'canned-picker-mobile');
    await page.getByRole('option', { name: /Need more details/ }).click();
    await expect.poll(() => reply.inputValue(), { timeout: 5000 }).toBe('Could you send a screenshot and the exact time it happened? Thanks, Acme Agent One');
    await reply.pressSequentially(' /zzz');
    await page.getByText('No canned response matches "zzz".').waitFor();
    await reply.press('Escape');
    expect(await page.getByTestId('canned-picker').count()).toBe(0);
    expect(await reply.inputValue()).toMatch(/Thanks, Acme Agent One \/zzz$/);
    expect(agent.errors).toEqual([]);
  } finally {
    await agent?.context.close();
  }
}, 180_000);

test('an agent adds a private canned response on its page; another agent does not see it', async () => {
  let one: WatchedPage | undefined;
  let two: WatchedPage | undefined;
  try {
    one = await openSignedIn(browser, baseUrl, 'agent1@acme.example', '/canned-responses');
    const page = one.page;
    await page.getByTestId('canned-table').waitFor();
    await page.getByRole('button', { name: 'New canned response' }).click();
    await page.getByRole('textbox', { name: 'Title' }).fill('Password reset steps');
    await page.getByRole('textbox', { name: 'Text' }).fill('Hi {{customer.name}}, use "Forgot password?" on the sign-in page.');
    // Agents cannot share with the team.
    expect(await page.getByRole('checkbox', { name: 'Shared with the team' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Save' }).click();
    const row = page.getByTestId('canned-row').filter({ hasText: 'Password reset steps' });
    await row.waitFor();
    expect(await row.getByText('Private').count()).toBe(1);
    // Shared ones are the admin's to change: no edit button for the agent.
    const shared = page.getByTestId('canned-row').filter({ hasText: 'Greeting' });
    expect(await shared.getByRole('button', { name: 'Edit Greeting' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'canned-page');

    two = await openSignedIn(browser, baseUrl, 'agent2@acme.example', '/canned-responses');
    await two.page.getByTestId('canned-row').filter({ hasText: 'Greeting' }).waitFor();
    expect(await two.page.getByTestId('canned-row').filter({ hasText: 'Password reset steps' }).count()).toBe(0);
    expect(one.errors).toEqual([]);
    expect(two.errors).toEqual([]);
  } finally {
    await one?.context.close();
    await two?.context.close();
  }
}, 180_000);
