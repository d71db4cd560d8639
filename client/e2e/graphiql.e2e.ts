import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { createTicketAs } from './support/api';
import { launchBrowser, openSignedIn, screenshot } from './support/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// axe checks our page around GraphiQL; the embedded GraphiQL editor (a third-party
// component: editor syntax colours, its doc explorer's nested list buttons) is left out.
const GRAPHIQL_AXE = { exclude: ['.graphiql-container'] };

test('GraphiQL runs a filtered tickets query with the prefilled token and shows the results', async () => {
  const ticket = await createTicketAs(baseUrl, 'customer1@acme.example', { title: 'GraphiQL: billing export times out', category: 'BILLING', priority: 'LOW', tags: ['graphiql-e2e'] });
  const { context, page, errors } = await openSignedIn(browser, baseUrl, 'admin@acme.example', '/board');
  try {
    // Reached from the menu, loaded on demand.
    await page.getByTestId('nav-more').click();
    await page.getByRole('menuitem', { name: 'GraphiQL' }).click();
    await page.waitForURL(/\/graphiql$/);
    await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
    // The docs explorer shows the schema (from introspection with the prefilled token).
    await page.getByText('Root Types').waitFor({ timeout: 15_000 });
    await page.locator('section[aria-label="Headers"]').getByText('Authorization').first().waitFor();

    const query = '{ tickets(filter: { tag: "graphiql-e2e", priority: LOW }) { totalCount edges { node { number title priority } } } }';
    const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(query);
    await page.getByRole('button', { name: /Prettify query/ }).click();
    await page.getByRole('button', { name: /Execute query/ }).click();

    // Monaco renders spaces as no-break spaces and wraps long lines: compare with plain single spaces.
    const responseText = async () => (await page.locator('.graphiql-response').innerText()).replace(/\s+/g, ' ');
    await expect.poll(responseText, { timeout: 15_000 }).toContain(`"number": ${ticket.number}`);
    const text = await responseText();
    expect(text).toContain('"totalCount": 1');
    expect(text).toContain('GraphiQL: billing export times out');
    await editor.click();
    await page.keyboard.press('ControlOrMeta+Home');
    await screenshot(page, 'graphiql-query', GRAPHIQL_AXE);

    // Subscriptions go over graphql-ws with the same token.
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('subscription Live { ticketEvents(filter: { types: [TICKET_CREATED] }) { type ticket { number title } } }');
    await page.getByRole('button', { name: /Prettify query/ }).click();
    await page.getByRole('button', { name: /Execute query/ }).click();
    // Once the subscription is running, a new ticket shows up in the response.
    await expect
      .poll(async () => {
        await createTicketAs(baseUrl, 'customer2@acme.example', { title: 'GraphiQL live event' });
        return responseText();
      }, { timeout: 15_000, interval: 1000 })
      .toContain('GraphiQL live event');
    expect(await responseText()).toContain('"type": "TICKET_CREATED"');
    await editor.click();
    await page.keyboard.press('ControlOrMeta+Home');
    await screenshot(page, 'graphiql-subscription', GRAPHIQL_AXE);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
