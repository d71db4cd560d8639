import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { apiLogin, createTicketAs, graphql } from './support/api';
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

test('an admin builds a shared macro on its page; an agent applies it from the ticket page', async () => {
  const ticket = await createTicketAs(baseUrl, 'customer2@acme.example', { title: 'Macro page: refund arrived?' });
  const agentToken = await apiLogin(baseUrl, 'agent1@acme.example');
  await graphql(baseUrl, 'mutation S($id: ID!) { changeTicketStatus(id: $id, status: IN_PROGRESS) { id } }', { id: ticket.id }, agentToken);
  let admin: WatchedPage | undefined;
  let agent: WatchedPage | undefined;
  try {
    admin = await openSignedIn(browser, baseUrl, 'admin@acme.example', '/macros');
    const page = admin.page;
    await page.getByTestId('macro-table').getByText('Billing escalation').waitFor();
    await page.getByRole('button', { name: 'New macro' }).click();
    const form = page.getByTestId('macro-form');
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Resolve and confirm');
    await form.getByRole('textbox', { name: 'Value 1' }).click();
    await page.getByRole('option', { name: 'Resolved' }).click();
    await form.getByRole('button', { name: 'Add an action' }).click();
    await form.getByRole('textbox', { name: 'Action 2' }).click();
    await page.getByRole('option', { name: 'Post reply' }).click();
    await form.getByRole('textbox', { name: 'Value 2' }).click();
    await page.getByRole('option', { name: 'Resolved, please confirm' }).click();
    await form.getByRole('checkbox', { name: 'Shared with the team' }).check();
    expect(await seriousViolations(page, '[data-testid="macro-form"]')).toEqual([]);
    await screenshot(page, 'macro-form');
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    const row = page.getByTestId('macro-row').filter({ hasText: 'Resolve and confirm' });
    await row.getByText('Set status: Resolved').waitFor();
    await row.getByText('Post reply: Resolved, please confirm').waitFor();
    expect(await seriousViolations(page, '[data-testid="macro-table"]')).toEqual([]);

    agent = await openSignedIn(browser, baseUrl, 'agent1@acme.example', `/tickets/${ticket.number}`);
    const sidebar = agent.page.getByTestId('apply-macro');
    await sidebar.getByRole('textbox', { name: 'Macro' }).click();
    await agent.page.getByRole('option', { name: 'Resolve and confirm' }).click();
    await sidebar.getByRole('button', { name: 'Apply macro' }).click();
    await agent.page.getByText('Hi Acme Customer Two, we believe ticket', { exact: false }).waitFor({ timeout: 10_000 });
    const timeline = agent.page.getByTestId('activity-timeline');
    await timeline.getByText('applied the macro "Resolve and confirm"', { exact: false }).waitFor({ timeout: 10_000 });
    const status = await graphql<{ ticket: { status: string } }>(baseUrl, 'query T($id: ID!) { ticket(id: $id) { status } }', { id: ticket.id }, agentToken);
    expect(status.ticket.status).toBe('RESOLVED');
    await screenshot(agent.page, 'macro-applied-detail');
    expect(admin.errors).toEqual([]);
    expect(agent.errors).toEqual([]);
  } finally {
    await admin?.context.close();
    await agent?.context.close();
  }
}, 180_000);
