import type { Browser, Page } from 'playwright-core';
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

const assigneeOf = (page: Page) => page.getByTestId('ticket-sidebar');
/** This feature's controls on the ticket page: the assignee picker and the inline editors (avatars belong to presence). */
const HANDOFF = { include: ['[data-testid="assignee-field"]', '[data-testid="ticket-detail"] h1', '[data-testid^="edit"]'], exclude: ['.mantine-Avatar-root'] };

test("agent one hands a ticket to agent two, whose open ticket page shows it live; agent two releases it to the queue", async () => {
  const ticket = await createTicketAs(baseUrl, 'customer1@acme.example', { title: 'Hand-off: VPN drops every hour' });
  await graphql(baseUrl, 'mutation C($id: ID!) { claimTicket(id: $id) { id } }', { id: ticket.id }, await apiLogin(baseUrl, 'agent1@acme.example'));
  let one: WatchedPage | undefined;
  let two: WatchedPage | undefined;
  try {
    one = await openSignedIn(browser, baseUrl, 'agent1@acme.example', `/tickets/${ticket.number}`);
    two = await openSignedIn(browser, baseUrl, 'agent2@acme.example', `/tickets/${ticket.number}`);
    // Agent two cannot hand off a ticket agent one holds: no picker, a line saying who holds it.
    await assigneeOf(two.page).getByText('Held by Acme Agent One', { exact: false }).waitFor();
    expect(await two.page.getByTestId('assignee-select').count()).toBe(0);
    await two.page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

    const picker = one.page.getByRole('textbox', { name: 'Hand off to' });
    await picker.click();
    await one.page.getByRole('option', { name: /^Acme Agent Two/ }).click();

    // Live on agent two's screen, without a reload: now they hold it, with the picker and "Release to queue".
    await two.page.getByTestId('release-button').waitFor({ timeout: 5000 });
    await expect.poll(() => two!.page.getByRole('textbox', { name: 'Hand off to' }).inputValue(), { timeout: 10_000 }).toMatch(/^Acme Agent Two/);
    expect(await two.page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
    await assigneeOf(one.page).getByText('Held by Acme Agent Two', { exact: false }).waitFor();
    expect(await seriousViolations(two.page, HANDOFF)).toEqual([]);
    await screenshot(two.page, 'handoff-received');

    await two.page.getByTestId('release-button').click();
    await expect.poll(() => two!.page.getByRole('textbox', { name: 'Hand off to' }).inputValue(), { timeout: 10_000 }).toBe('Unassigned');
    // Back in the queue, agent one sees it unassigned and may claim it again.
    await one.page.getByTestId('claim-button').waitFor({ timeout: 5000 });

    expect(one.errors).toEqual([]);
    expect(two.errors).toEqual([]);
  } finally {
    await one?.context.close();
    await two?.context.close();
  }
}, 180_000);

test('an agent edits the title and description in place; another agent sees both live', async () => {
  const ticket = await createTicketAs(baseUrl, 'customer2@acme.example', { title: 'Hand-off: VPN drops every hour' });
  let one: WatchedPage | undefined;
  let two: WatchedPage | undefined;
  try {
    one = await openSignedIn(browser, baseUrl, 'agent1@acme.example', `/tickets/${ticket.number}`);
    two = await openSignedIn(browser, baseUrl, 'agent2@acme.example', `/tickets/${ticket.number}`);
    await two.page.getByTestId('ticket-detail').waitFor();
    // Inline edit of the title, seen by the other agent.
    await one.page.getByTestId('edit-title').click();
    const title = one.page.getByTestId('editing-title').getByRole('textbox', { name: 'Title' });
    await title.fill('Hand-off: VPN drops every hour on Wi-Fi');
    await title.press('Enter');
    await two.page.getByRole('heading', { name: 'Hand-off: VPN drops every hour on Wi-Fi' }).waitFor({ timeout: 5000 });
    await one.page.getByTestId('edit-description').click();
    const description = one.page.getByTestId('editing-description').getByRole('textbox', { name: 'Description' });
    await description.fill('Drops on the office Wi-Fi only; cable is fine.');
    await one.page.getByTestId('editing-description').getByRole('button', { name: 'Save' }).click();
    await two.page.getByText('Drops on the office Wi-Fi only; cable is fine.').waitFor({ timeout: 5000 });
    expect(await seriousViolations(one.page, HANDOFF)).toEqual([]);
    await screenshot(one.page, 'handoff-desktop');

    await one.page.setViewportSize({ width: 390, height: 844 });
    await one.page.getByRole('textbox', { name: 'Hand off to' }).scrollIntoViewIfNeeded();
    expect(await seriousViolations(one.page, HANDOFF)).toEqual([]);
    await screenshot(one.page, 'handoff-mobile');
    expect(one.errors).toEqual([]);
    expect(two.errors).toEqual([]);
  } finally {
    await one?.context.close();
    await two?.context.close();
  }
}, 180_000);
