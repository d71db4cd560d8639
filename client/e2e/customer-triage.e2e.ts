import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { apiLogin, createTicketAs, graphql } from './support/api';
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

const UPDATE = 'mutation U($id: ID!, $input: UpdateTicketInput!) { updateTicket(id: $id, input: $input) { id } }';
const bodyText = (page: Page) => page.locator('body').innerText();

test('a customer never sees the tags or priority staff set, live or after a reload, unless the workspace shows priority', async () => {
  const ticket = await createTicketAs(baseUrl, 'customer1@acme.example', { title: `Triage: the app crashes on start ${Date.now()}` });
  const agentToken = await apiLogin(baseUrl, 'agent1@acme.example');
  const customer = await openSignedIn(browser, baseUrl, 'customer1@acme.example', `/tickets/${ticket.number}`);
  const { page } = customer;
  try {
    await page.getByTestId('ticket-detail').waitFor();
    // Staff triage while the customer watches: a tag, the priority, and a rename with another priority.
    await graphql(baseUrl, UPDATE, { id: ticket.id, input: { tags: ['vip-customer'] } }, agentToken);
    await graphql(baseUrl, UPDATE, { id: ticket.id, input: { priority: 'HIGH' } }, agentToken);
    await graphql(baseUrl, UPDATE, { id: ticket.id, input: { priority: 'LOW', title: `${ticket.title} (Android)` } }, agentToken);
    await page.getByRole('heading', { name: `${ticket.title} (Android)` }).waitFor({ timeout: 5000 });
    for (const text of [await bodyText(page)]) {
      expect(text).not.toContain('vip-customer');
      expect(text).not.toMatch(/\bHigh\b|\bLow\b|\bMedium\b|priority/i);
    }
    await screenshot(page, 'customer-ticket-no-triage');

    await page.reload({ waitUntil: 'load' });
    await page.getByRole('heading', { name: `${ticket.title} (Android)` }).waitFor();
    const afterReload = await bodyText(page);
    expect(afterReload).not.toContain('vip-customer');
    expect(afterReload).not.toMatch(/\bHigh\b|\bLow\b|priority/i);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'customer-ticket-no-triage-mobile');

    await page.goto('/tickets', { waitUntil: 'load' });
    await page.getByText(`${ticket.title} (Android)`).first().waitFor();
    const portal = await bodyText(page);
    expect(portal).not.toContain('vip-customer');
    expect(portal).not.toMatch(/\bHigh\b|\bLow\b/);
    await screenshot(page, 'customer-portal-no-triage-mobile');
    await page.setViewportSize({ width: 1400, height: 900 });
    await screenshot(page, 'customer-portal-no-triage');

    // An admin lets customers see priority; tags stay hidden.
    const admin = await openSignedIn(browser, baseUrl, 'admin@acme.example', '/settings/workspace');
    try {
      const toggle = admin.page.getByRole('switch', { name: 'Customers see the priority of their tickets' });
      // The switch follows the server's answer: click, then wait for it to be saved.
      await toggle.click();
      await admin.page.getByText('Workspace settings saved.').waitFor();
      await expect.poll(() => toggle.isChecked()).toBe(true);
      expect(await seriousViolations(admin.page, { include: ['[data-testid="workspace-settings"]'] })).toEqual([]);
      await screenshot(admin.page, 'workspace-settings');
      await page.goto(`/tickets/${ticket.number}`, { waitUntil: 'load' });
      await page.getByTestId('ticket-sidebar').getByText('Low', { exact: true }).waitFor();
      expect(await bodyText(page)).not.toContain('vip-customer');
      await screenshot(page, 'customer-ticket-priority-shown');
      await toggle.click();
      await expect.poll(() => toggle.isChecked()).toBe(false);
      await admin.page.setViewportSize({ width: 390, height: 844 });
      expect(await seriousViolations(admin.page, { include: ['[data-testid="workspace-settings"]'] })).toEqual([]);
      await screenshot(admin.page, 'workspace-settings-mobile');
      expect(admin.errors).toEqual([]);
    } finally {
      await admin.context.close();
    }
    const off = await graphql<{ ticket: { priority: string | null; tags: string[] } }>(
      baseUrl,
      'query Q($id: ID!) { ticket(id: $id) { priority tags } }',
      { id: ticket.id },
      await apiLogin(baseUrl, 'customer1@acme.example'),
    );
    expect(off.ticket).toEqual({ priority: null, tags: [] });
    expect(customer.errors).toEqual([]);
  } finally {
    await customer.context.close();
  }
});
