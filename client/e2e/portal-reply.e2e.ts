import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { apiLogin, createTicketAs, graphql } from './support/api';
import { launchBrowser, openSignedIn, screenshot, type WatchedPage } from './support/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test("a customer's reply in the portal appears live on the agent's open ticket", async () => {
  const ticket = await createTicketAs(baseUrl, 'customer1@acme.example', { title: 'Portal reply: invoice PDF is empty', category: 'BILLING' });
  let agent: WatchedPage | undefined;
  let customer: WatchedPage | undefined;
  try {
    agent = await openSignedIn(browser, baseUrl, 'agent1@acme.example', `/tickets/${ticket.number}`);
    await agent.page.getByTestId('ticket-detail').waitFor();
    await agent.page.getByText('No messages yet.').waitFor();

    // The customer starts in the portal list and opens the ticket from there.
    customer = await openSignedIn(browser, baseUrl, 'customer1@acme.example', '/tickets');
    await customer.page.locator(`[data-ticket-number="${ticket.number}"]`).click();
    await customer.page.getByTestId('ticket-detail').waitFor();

    const reply = `The attached invoice is still empty (${Date.now()})`;
    const box = customer.page.getByPlaceholder('Write a reply…');
    await box.click();
    await box.pressSequentially('The attached ', { delay: 20 });
    // While the customer types, the agent sees it.
    await agent.page.getByText('Acme Customer One is typing…').waitFor({ timeout: 3000 });
    await box.fill(reply);
    // With an attachment, uploaded at once with a progress bar.
    await customer.page.locator('input[type="file"]').setInputFiles({ name: 'invoice.txt', mimeType: 'text/plain', buffer: Buffer.from('Invoice 42: empty') });
    await customer.page.locator('[data-testid="upload"] [role="progressbar"][aria-valuenow="100"]').waitFor();
    await customer.page.getByRole('button', { name: 'Send' }).click();
    await customer.page.getByTestId('thread').getByText(reply).waitFor();

    await agent.page.getByTestId('thread').getByText(reply).waitFor({ timeout: 3000 });
    // The attachment downloads with the agent's token (fetch and a blob URL).
    const [download] = await Promise.all([
      agent.page.waitForEvent('download'),
      agent.page.getByRole('button', { name: 'Download invoice.txt' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('invoice.txt');
    expect(readFileSync(await download.path(), 'utf8')).toBe('Invoice 42: empty');
    await expect.poll(() => agent!.page.getByTestId('typing-indicator').innerText(), { timeout: 8000 }).toBe('');
    // The agent's internal note is styled apart and never reaches the customer.
    await agent.page.getByLabel('Internal note (staff only)').check({ force: true });
    await agent.page.getByPlaceholder('Write an internal note for the team…').fill('Customer is on the enterprise plan');
    await agent.page.getByRole('button', { name: 'Add note' }).click();
    await agent.page.locator('[data-testid="message"][data-internal]').getByText('Customer is on the enterprise plan').waitFor();

    await screenshot(agent.page, 'portal-reply-agent', {});
    await screenshot(customer.page, 'portal-reply-customer', {});
    expect(await customer.page.getByText('Customer is on the enterprise plan').count()).toBe(0);
    expect(agent.errors).toEqual([]);
    expect(customer.errors).toEqual([]);
  } finally {
    await agent?.context.close();
    await customer?.context.close();
  }
});

test('a customer closes a resolved ticket from the portal', async () => {
  const ticket = await createTicketAs(baseUrl, 'customer2@acme.example', { title: 'Portal close: wrong shipping label' });
  const agentToken = await apiLogin(baseUrl, 'agent2@acme.example');
  for (const status of ['IN_PROGRESS', 'RESOLVED']) {
    await graphql(baseUrl, 'mutation($id: ID!, $status: TicketStatus!) { changeTicketStatus(id: $id, status: $status) { id } }', { id: ticket.id, status }, agentToken);
  }
  const customer = await openSignedIn(browser, baseUrl, 'customer2@acme.example', `/tickets/${ticket.number}`);
  try {
    await customer.page.getByTestId('resolved-notice').waitFor();
    await customer.page.getByRole('button', { name: 'Close ticket' }).click();
    // Closing asks first, then waits out its undo window before it is sent.
    await customer.page.getByTestId('close-confirm').getByRole('button', { name: 'Yes, close it' }).click();
    await customer.page.getByText('This ticket is closed. Open a new ticket to follow up.').waitFor({ timeout: 20_000 });
    await expect.poll(() => customer.page.getByTestId('ticket-detail').locator('[data-status]').first().getAttribute('data-status')).toBe('CLOSED');
    await screenshot(customer.page, 'portal-closed-ticket', {});
    expect(customer.errors).toEqual([]);
  } finally {
    await customer.context.close();
  }
});
