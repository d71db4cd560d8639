import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode } from '../../../test/graphql.js';
import { startTestServer } from '../../../test/server.js';
import { createTestTenant, tokenFor } from '../../../test/tenants.js';
import { useTenantPair } from '../../../test/tenant-pair.js';
import { postMessage, postOk, viewTicket } from '../../conversation/__tests__/conversation.fixture.js';
import { createTicket } from '../../ticket/__tests__/ticket.fixture.js';
import { download, pngBytes, textBytes, upload, uploadOk } from './attachment.fixture.js';

describe.each(await testDatabases())('attachments on %s', (db) => {
  const { server, tokens } = useTenantPair(db, 'att');

  it('stores an upload and answers 201 with its description', async () => {
    const bytes = textBytes('printer log\nline 2\n');
    const result = await upload(server.url, tokens.customer1, bytes, 'printer.log.txt', 'text/plain');
    expect(result.status).toBe(201);
    const body = result.body as { id: string; url: string };
    expect(body).toEqual({ id: expect.any(String), filename: 'printer.log.txt', contentType: 'text/plain', size: bytes.length, url: `/attachments/${body.id}` });
  });

  it('keeps non-ASCII file names and serves them in a valid Content-Disposition', async () => {
    for (const name of ['résumé.txt', '报告 2026.txt', 'smile 😀.txt']) {
      const bytes = textBytes(`contents of ${name}`);
      const file = await uploadOk(server.url, tokens.customer1, bytes, name);
      expect(file.filename).toBe(name);
      const got = await download(server.url, tokens.customer1, file.url);
      expect(got.status).toBe(200);
      expect(got.bytes.equals(bytes)).toBe(true);
      const disposition = got.headers.get('content-disposition')!;
      expect(disposition).toMatch(/^attachment\b/);
      expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
    }
  });

  it('requires a signed-in user', async () => {
    const anonymous = await upload(server.url, undefined, textBytes('hi'));
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    const forged = await upload(server.url, 'not-a-token', textBytes('hi'));
    expect(forged.status).toBe(401);
  });

  it('refuses disallowed file types with 415', async () => {
    const result = await upload(server.url, tokens.customer1, Buffer.from('MZ\x90\x00 fake exe'), 'setup.exe', 'application/x-msdownload');
    expect(result.status).toBe(415);
    expect(result.body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(result.body.errors![0].extensions.fields!.file).toBeTruthy();
  });

  it('refuses files over the size limit with 413', async () => {
    const small = await startTestServer(db, { UPLOAD_MAX_BYTES: '1024' });
    try {
      const tenant = await createTestTenant(small.app, 'att-small');
      const token = await tokenFor(small.url, tenant.customer1);
      const fits = await upload(small.url, token, pngBytes(1000), 'small.png', 'image/png');
      expect(fits.status).toBe(201);
      const tooBig = await upload(small.url, token, pngBytes(4096), 'big.png', 'image/png');
      expect(tooBig.status).toBe(413);
      expect(tooBig.body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(tooBig.body.errors![0].extensions.fields!.file).toBeTruthy();
    } finally {
      await small.stop();
    }
  });

  it('links uploads to a message and serves the exact bytes to those who may see it', async () => {
    const ticket = await createTicket(server.url, tokens.customer1);
    const bytes = pngBytes(700);
    const file = await uploadOk(server.url, tokens.customer1, bytes, 'screenshot.png', 'image/png');
    const message = await postOk(server.url, tokens.customer1, ticket.id, 'See attached', { attachmentIds: [file.id] });
    expect(message.attachments).toEqual([{ id: file.id, filename: 'screenshot.png', contentType: 'image/png', size: 700, url: file.url }]);

    for (const token of [tokens.customer1, tokens.agent1]) {
      const view = await viewTicket(server.url, token, ticket.id);
      const node = view.messages.edges.find((e) => e.node.id === message.id)!.node;
      expect(node.attachments.map((a) => ({ id: a.id, filename: a.filename, size: a.size, url: a.url }))).toEqual([
        { id: file.id, filename: 'screenshot.png', size: 700, url: `/attachments/${file.id}` },
      ]);
    }

    for (const token of [tokens.customer1, tokens.agent2, tokens.admin]) {
      const got = await download(server.url, token, file.url);
      expect(got.status).toBe(200);
      expect(got.bytes.equals(bytes)).toBe(true);
      expect(got.headers.get('content-type')).toBe('image/png');
      expect(got.headers.get('content-disposition')).toMatch(/^attachment\b/);
      expect(got.headers.get('content-disposition')).toContain('screenshot.png');
    }
    for (const token of [tokens.customer2, tokens.otherAdmin, tokens.otherCustomer]) {
      const denied = await download(server.url, token, file.url);
      expect(denied.status).toBe(404);
      expect(denied.bytes.includes(bytes.subarray(8, 40))).toBe(false);
    }
  });

  it('hides attachments of internal notes from customers', async () => {
    const ticket = await createTicket(server.url, tokens.customer1);
    const bytes = textBytes('internal diagnostics: customer firmware 1.2.3');
    const file = await uploadOk(server.url, tokens.agent1, bytes, 'diag.txt');
    const note = await postOk(server.url, tokens.agent1, ticket.id, 'diagnostics', { internal: true, attachmentIds: [file.id] });
    expect(note.attachments.map((a) => a.id)).toEqual([file.id]);

    const customer = await download(server.url, tokens.customer1, file.url);
    expect(customer.status).toBe(404);
    for (const token of [tokens.agent1, tokens.agent2, tokens.admin]) {
      const staff = await download(server.url, token, file.url);
      expect(staff.status).toBe(200);
      expect(staff.bytes.equals(bytes)).toBe(true);
      expect(staff.headers.get('content-type')).toMatch(/^text\/plain\b/);
    }
  });

  it('serves an unlinked upload only to its uploader', async () => {
    const bytes = textBytes('draft attachment');
    const file = await uploadOk(server.url, tokens.customer1, bytes, 'draft.txt');
    const own = await download(server.url, tokens.customer1, file.url);
    expect(own.status).toBe(200);
    expect(own.bytes.equals(bytes)).toBe(true);
    for (const token of [tokens.customer2, tokens.agent1, tokens.admin, tokens.otherAdmin]) {
      expect((await download(server.url, token, file.url)).status).toBe(404);
    }
    expect((await download(server.url, tokens.customer1, '/attachments/00000000-0000-7000-8000-000000000000')).status).toBe(404);
  });

  it('refuses attachment ids that are already linked, foreign or unknown, and links nothing', async () => {
    const ticket = await createTicket(server.url, tokens.customer1);
    const used = await uploadOk(server.url, tokens.customer1, textBytes('one'), 'one.txt');
    await postOk(server.url, tokens.customer1, ticket.id, 'first', { attachmentIds: [used.id] });
    const mine = await uploadOk(server.url, tokens.customer1, textBytes('two'), 'two.txt');
    const customer2s = await uploadOk(server.url, tokens.customer2, textBytes('three'), 'three.txt');
    const agents = await uploadOk(server.url, tokens.agent1, textBytes('four'), 'four.txt');
    const otherTenants = await uploadOk(server.url, tokens.otherCustomer, textBytes('five'), 'five.txt');

    const attempts = [
      [tokens.customer1, [used.id]],
      [tokens.customer1, [mine.id, used.id]],
      [tokens.customer1, [customer2s.id]],
      [tokens.customer1, [mine.id, customer2s.id]],
      [tokens.agent2, [agents.id]],
      [tokens.customer1, [otherTenants.id]],
      [tokens.customer1, ['00000000-0000-7000-8000-000000000000']],
    ] as const;
    for (const [token, attachmentIds] of attempts) {
      const result = await postMessage(server.url, token, { ticketId: ticket.id, body: 'with files', attachmentIds });
      expect(errorCode(result), JSON.stringify(attachmentIds)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions!.fields!.attachmentIds).toBeTruthy();
    }
    const ticketView = await viewTicket(server.url, tokens.admin, ticket.id);
    expect(ticketView.messageCount).toBe(1);

    // Nothing was linked by the failed tries: the others' files stay private to their uploaders...
    expect((await download(server.url, tokens.customer1, customer2s.url)).status).toBe(404);
    expect((await download(server.url, tokens.customer2, customer2s.url)).status).toBe(200);
    expect((await download(server.url, tokens.otherCustomer, otherTenants.url)).status).toBe(200);
    // ...and the caller's own unlinked file is still free to use.
    const ok = await postOk(server.url, tokens.customer1, ticket.id, 'second', { attachmentIds: [mine.id, mine.id] });
    expect(ok.attachments.map((a) => a.id)).toEqual([mine.id]);
    expect((await download(server.url, tokens.agent1, mine.url)).status).toBe(200);
  });

  it('links an upload to only one of two messages posted at the same time', async () => {
    const [a, b] = [await createTicket(server.url, tokens.customer1), await createTicket(server.url, tokens.customer1)];
    for (let round = 0; round < 4; round++) {
      const file = await uploadOk(server.url, tokens.customer1, textBytes(`race ${round}`), `race-${round}.txt`);
      const results = await Promise.all([a, b].map((tk) => postMessage(server.url, tokens.customer1, { ticketId: tk.id, body: `race ${round}`, attachmentIds: [file.id] })));
      const codes = results.map((r) => errorCode(r) ?? 'OK').sort();
      expect(codes, `round ${round}`).toEqual(['BAD_USER_INPUT', 'OK']);
    }
    const views = await Promise.all([a, b].map((tk) => viewTicket(server.url, tokens.customer1, tk.id)));
    const linked = views.flatMap((v) => v.messages.edges.flatMap((e) => e.node.attachments));
    expect(linked).toHaveLength(4);
    expect(views[0].messageCount + views[1].messageCount).toBe(4);
  });
});
