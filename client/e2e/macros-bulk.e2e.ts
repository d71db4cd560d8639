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

const ACTIVITIES = `query A($id: ID!) { ticket(id: $id) { status priority category tags activities(first: 50) { edges { node { type macro } } } } }`;
const BAR = { include: ['[data-testid="bulk-bar"]', '[data-testid="ticket-table"]'] };

test('a macro applied to three selected tickets in one step shows once in each timeline', async () => {
  const word = `macro${Date.now().toString(36)}`;
  const tickets = [];
  for (const n of [1, 2, 3]) tickets.push(await createTicketAs(baseUrl, 'customer1@acme.example', { title: `Invoice question ${word} ${n}` }));
  let agent: WatchedPage | undefined;
  try {
    agent = await openSignedIn(browser, baseUrl, 'agent1@acme.example', `/tickets?q=${word}`);
    const page = agent.page;
    await expect.poll(() => page.getByTestId('select-ticket').count(), { timeout: 10_000 }).toBe(3);
    await page.getByRole('checkbox', { name: 'Select all loaded tickets' }).check();
    const bar = page.getByTestId('bulk-bar');
    await bar.getByText('3 tickets selected').waitFor();
    await bar.getByRole('textbox', { name: 'Macro' }).click();
    await page.getByRole('option', { name: 'Billing escalation' }).click();
    expect(await seriousViolations(page, BAR)).toEqual([]);
    await screenshot(page, 'bulk-bar-macro');
    await bar.getByRole('button', { name: 'Apply macro' }).click();
    await page.getByText('Macro "Billing escalation" applied to 3 tickets.').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('bulk-bar').count()).toBe(0);

    const token = await apiLogin(baseUrl, 'agent2@acme.example');
    for (const ticket of tickets) {
      const data = await graphql<{ ticket: { priority: string; category: string; tags: string[]; activities: { edges: Array<{ node: { type: string; macro: string | null } }> } } }>(
        baseUrl,
        ACTIVITIES,
        { id: ticket.id },
        token,
      );
      expect(data.ticket).toMatchObject({ priority: 'HIGH', category: 'BILLING', tags: ['billing-escalation'] });
      expect(data.ticket.activities.edges.filter((e) => e.node.type === 'MACRO_APPLIED').map((e) => e.node.macro)).toEqual(['Billing escalation']);
    }

    // Each timeline shows the macro once, as one entry.
    await page.goto(`${baseUrl}/tickets/${tickets[1]!.number}`);
    const timeline = page.getByTestId('activity-timeline');
    await timeline.getByText('applied the macro "Billing escalation"', { exact: false }).waitFor();
    expect(await timeline.getByText('applied the macro', { exact: false }).count()).toBe(1);
    await screenshot(page, 'macro-timeline');
    expect(agent.errors).toEqual([]);
  } finally {
    await agent?.context.close();
  }
}, 180_000);

test('bulk changes on a phone: status and tags for the selection, with refused tickets listed', async () => {
  const word = `bulk${Date.now().toString(36)}`;
  const mine = await createTicketAs(baseUrl, 'customer2@acme.example', { title: `Printer ${word} one` });
  const held = await createTicketAs(baseUrl, 'customer2@acme.example', { title: `Printer ${word} two` });
  await graphql(baseUrl, 'mutation C($id: ID!) { claimTicket(id: $id) { id } }', { id: held.id }, await apiLogin(baseUrl, 'agent2@acme.example'));
  let agent: WatchedPage | undefined;
  try {
    agent = await openSignedIn(browser, baseUrl, 'agent1@acme.example', `/tickets?q=${word}`);
    const page = agent.page;
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.getByTestId('select-ticket').count(), { timeout: 10_000 }).toBe(2);
    await page.getByRole('checkbox', { name: `Select #${mine.number}` }).check();
    await page.getByRole('checkbox', { name: `Select #${held.number}` }).check();
    const bar = page.getByTestId('bulk-bar');
    await bar.getByRole('textbox', { name: 'Assignee' }).click();
    await page.getByRole('option', { name: 'Acme Agent One' }).click();
    await bar.getByRole('textbox', { name: 'Add tags' }).fill('printer');
    await bar.getByRole('textbox', { name: 'Add tags' }).press('Enter');
    await bar.getByRole('button', { name: 'Apply to selection' }).click();
    const failures = page.getByTestId('bulk-failures');
    await failures.waitFor({ timeout: 10_000 });
    expect(await failures.textContent()).toContain(`#${held.number}`);
    expect(await failures.textContent()).not.toContain(`#${mine.number}`);
    expect(await seriousViolations(page, BAR)).toEqual([]);
    await screenshot(page, 'bulk-bar-mobile');
    const row = page.locator(`[data-ticket-number="${mine.number}"]`);
    await row.getByText('Acme Agent One').waitFor();
    expect(agent.errors).toEqual([]);
  } finally {
    await agent?.context.close();
  }
}, 180_000);
