import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { createTicketAs } from './support/api';
import { launchBrowser, openSignedIn, screenshot } from './support/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

/** A webhook receiver on 127.0.0.1 (the test API allows private addresses) that records every call. */
interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/sociodesk`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

test('an admin adds a webhook endpoint (secret shown once), sees the delivery in the log, redelivers it, and deletes the endpoint', async () => {
  const { context, page, errors } = await openSignedIn(browser, baseUrl, 'admin@acme.example', '/settings/webhooks');
  try {
    await page.getByRole('heading', { name: 'Webhooks' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Webhooks' }).getAttribute('aria-selected')).toBe('true');

    // A malformed URL: the API's field error lands under the field.
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const form = page.getByTestId('webhook-form');
    const url = form.getByRole('textbox', { name: /^URL/ });
    await url.fill('hooks.example.com/sociodesk');
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    await form.getByText('Must be an http or https URL.').waitFor();
    expect(await url.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'webhooks-field-error', {});

    // The receiver, for new tickets only.
    await url.fill(receiverUrl);
    await form.getByRole('textbox', { name: /^Events/ }).click();
    await page.getByRole('option', { name: 'TICKET_CREATED' }).click();
    await page.keyboard.press('Escape');
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    const dialog = page.getByRole('dialog', { name: 'Signing secret' });
    await dialog.getByText('Copy it now: you will not see it again').waitFor();
    const secret = (await dialog.getByTestId('secret-value').innerText()).trim();
    await dialog.locator('.mantine-Modal-body').getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    const endpoint = page.getByTestId('webhook-row').filter({ hasText: '127.0.0.1' });
    await endpoint.getByText('Enabled').waitFor();
    expect(await endpoint.innerText()).toContain('TICKET_CREATED');

    // A new ticket is delivered, signed with the secret the page showed.
    const ticket = await createTicketAs(baseUrl, 'customer1@acme.example', { title: 'Webhook: delivered to the receiver' });
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(1);
    const [first] = received;
    const timestamp = String(first.headers['x-sociodesk-timestamp']);
    expect(first.headers['x-sociodesk-signature']).toBe(`sha256=${createHmac('sha256', secret).update(`${timestamp}.${first.body}`).digest('hex')}`);
    expect(first.body).toContain(ticket.id);

    // The log shows it once refreshed; redelivering sends the same delivery again.
    // (The demo workspace has webhooks of its own: this endpoint's row is the one on the receiver's host.)
    const row = page.getByTestId('delivery-row').filter({ hasText: 'TICKET_CREATED' }).filter({ hasText: new URL(receiverUrl).host });
    await expect
      .poll(async () => {
        await page.getByRole('button', { name: 'Refresh' }).click();
        return row.getAttribute('data-status');
      }, { timeout: 10_000, interval: 500 })
      .toBe('SUCCEEDED');
    expect(await row.innerText()).toContain('204');
    await row.getByRole('button', { name: 'Redeliver' }).click();
    await page.getByText(/Event #\d+ will be delivered again\./).waitFor();
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(2);
    expect(received[1].headers['x-sociodesk-delivery']).toBe(first.headers['x-sociodesk-delivery']);
    await expect
      .poll(async () => {
        await page.getByRole('button', { name: 'Refresh' }).click();
        return `${await row.getAttribute('data-status')} ${await row.getAttribute('data-attempts')}`;
      }, { timeout: 10_000, interval: 500 })
      .toBe('SUCCEEDED 2');
    await screenshot(page, 'webhooks-delivered', {});

    // Deleting the endpoint takes its log with it.
    await endpoint.getByRole('button', { name: 'Delete' }).click();
    await page.getByTestId('delete-webhook-confirm').getByRole('button', { name: 'Delete' }).click();
    // (The demo workspace's own endpoints and their deliveries stay.)
    await endpoint.waitFor({ state: 'detached' });
    await expect.poll(() => row.count()).toBe(0);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
