import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { apiLogin, graphql } from './support/api';
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

test('an agent opens a phone ticket for a new customer, who then finds it in their portal', async () => {
  const agent = await openSignedIn(browser, baseUrl, 'agent2@acme.example', '/tickets/new');
  const { page } = agent;
  const email = `caller.${Date.now()}@example.com`;
  const title = `Phone: cannot print invoices ${Date.now()}`;
  try {
    const form = page.getByTestId('new-ticket-form');
    await form.waitFor();
    await page.getByText('New customer', { exact: true }).click();
    await form.getByRole('textbox', { name: /^Customer name/ }).fill('Budi Caller');
    await form.getByRole('textbox', { name: /^Customer email/ }).fill(email);
    await form.getByRole('textbox', { name: /^Title/ }).fill(title);
    await form.getByRole('textbox', { name: /^Description/ }).fill('Called at 10:15: the invoice PDF is blank.');
    await form.getByRole('textbox', { name: /^Category/ }).click();
    await page.getByRole('option', { name: 'Billing' }).click();
    await expect.poll(() => form.getByRole('textbox', { name: /^Channel/ }).inputValue()).toBe('Phone');
    expect(await seriousViolations(page, { include: ['[data-testid="new-ticket-form"]'] })).toEqual([]);
    await screenshot(page, 'new-customer-ticket-form');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await seriousViolations(page, { include: ['[data-testid="new-ticket-form"]'] })).toEqual([]);
    await screenshot(page, 'new-customer-ticket-form-mobile');
    await page.setViewportSize({ width: 1400, height: 900 });
    await form.getByRole('button', { name: 'Create ticket' }).click();

    await page.waitForURL(/\/tickets\/\d+$/);
    const detail = page.getByTestId('ticket-detail');
    await detail.getByRole('heading', { name: title }).waitFor();
    const sidebar = page.getByTestId('ticket-sidebar');
    await sidebar.getByText('Budi Caller').waitFor();
    await sidebar.getByText('Phone', { exact: true }).waitFor();
    await screenshot(page, 'new-customer-ticket-created');

    // The same e-mail again is refused with a sentence under the field.
    await page.goto('/tickets/new', { waitUntil: 'load' });
    await page.getByText('New customer', { exact: true }).click();
    await form.getByRole('textbox', { name: /^Customer name/ }).fill('Budi Again');
    await form.getByRole('textbox', { name: /^Customer email/ }).fill(email);
    await form.getByRole('textbox', { name: /^Title/ }).fill(`${title} (again)`);
    await form.getByRole('textbox', { name: /^Description/ }).fill('Second call.');
    await form.getByRole('textbox', { name: /^Category/ }).click();
    await page.getByRole('option', { name: 'Billing' }).click();
    await form.getByRole('button', { name: 'Create ticket' }).click();
    await form.getByText('A member with this email already exists. Pick them from the list instead.').waitFor();
    expect(agent.errors).toEqual([]);

    // The customer exists, with the ticket opened for them.
    const admin = await apiLogin(baseUrl, 'admin@acme.example');
    const found = await graphql<{ customers: { edges: Array<{ node: { id: string; email: string } }> } }>(
      baseUrl,
      'query C($s: String) { customers(search: $s) { edges { node { id email } } } }',
      { s: email },
      admin,
    );
    const customerId = found.customers.edges[0].node.id;
    const theirs = await graphql<{ tickets: { edges: Array<{ node: { title: string; channel: string } }> } }>(
      baseUrl,
      'query T($c: ID!) { tickets(filter: { customerId: $c }) { edges { node { title channel } } } }',
      { c: customerId },
      admin,
    );
    expect(theirs.tickets.edges.map((e) => e.node)).toEqual([{ title, channel: 'PHONE' }]);
  } finally {
    await agent.context.close();
  }
});
