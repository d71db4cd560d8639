import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { gqlOk } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { startTestSmtp, type TestSmtp } from '../../../test/smtp.js';
import { createTestTenant, type TestTenant } from '../../../test/tenants.js';
import { MailMessage, MailStatus } from '../mail-message.entity.js';
import { MailService } from '../mail.service.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function enqueue(server: TestServer, recipients: string[], now = Date.now): Promise<string[]> {
  const em = server.app.orm.em.fork();
  const mail = new MailService({ publicUrl: 'https://help.example.test' }, () => undefined, now);
  const rows = recipients.map((to, i) => mail.enqueue(em, { to, locale: i % 2 ? 'id' : 'en', template: 'PASSWORD_RESET', params: { name: `User ${i}`, link: mail.link('/reset-password', { token: `t${i}` }), minutes: 30 } }));
  await em.flush();
  return rows.map((r) => r.id);
}

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 20_000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe.each(await testDatabases())('mail outbox on %s', (db) => {
  let smtp: TestSmtp;
  let clock = Date.now();
  let manual: TestServer;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    // The worker only runs when the test says so, on a clock the test moves.
    manual = await startTestServer(db, { SMTP_URL: smtp.url, MAIL_POLL_MS: '0', MAIL_RETRY_BASE_MS: '60000', MAIL_MAX_ATTEMPTS: '3' }, { now: () => clock });
  });
  afterAll(async () => {
    await manual?.stop();
    await smtp?.close();
  }, 120_000);

  it('retries a refused delivery with growing delays, then sends it once', async () => {
    const to = `retry-${db}@mail.test`;
    smtp.failNext(to, 2);
    const [id] = await enqueue(manual, [to], () => clock);
    const row = () => manual.app.orm.em.fork().findOneOrFail(MailMessage, { id });

    await manual.app.workers.mail.runOnce();
    const first = await row();
    expect(first).toMatchObject({ status: MailStatus.PENDING, attempts: 1 });
    expect(first.lastError).toMatch(/451/);
    const firstDelay = first.nextAttemptAt.getTime() - clock;
    expect(firstDelay).toBeGreaterThanOrEqual(30_000);
    expect(firstDelay).toBeLessThanOrEqual(60_000);
    // Not due yet: nothing is attempted.
    await manual.app.workers.mail.runOnce();
    expect((await row()).attempts).toBe(1);

    clock = first.nextAttemptAt.getTime() + 1;
    await manual.app.workers.mail.runOnce();
    const second = await row();
    expect(second.attempts).toBe(2);
    expect(second.nextAttemptAt.getTime() - clock).toBeGreaterThanOrEqual(60_000);

    clock = second.nextAttemptAt.getTime() + 1;
    await manual.app.workers.mail.runOnce();
    const third = await row();
    expect(third).toMatchObject({ status: MailStatus.SENT, attempts: 3, lastError: null, lockedBy: null });
    expect(smtp.received.filter((m) => m.to === to)).toHaveLength(1);
  }, 120_000);

  it('gives up after MAIL_MAX_ATTEMPTS', async () => {
    const to = `bounce-${db}@mail.test`;
    smtp.failNext(to, 10);
    const [id] = await enqueue(manual, [to], () => clock);
    for (let i = 0; i < 4; i++) {
      await manual.app.workers.mail.runOnce();
      clock += 3_600_000;
    }
    const row = await manual.app.orm.em.fork().findOneOrFail(MailMessage, { id });
    expect(row).toMatchObject({ status: MailStatus.FAILED, attempts: 3 });
    expect(smtp.received.some((m) => m.to === to)).toBe(false);
  }, 120_000);

  it.runIf(db === 'mariadb')('sends each mail exactly once with two instances on one database', async () => {
    const a = await startTestServer(db, { SMTP_URL: smtp.url, MAIL_POLL_MS: '20' });
    const b = await startTestServer(db, { ...a.env, PORT: '0' });
    try {
      const recipients = Array.from({ length: 60 }, (_, i) => `twice-${i}@mail.test`);
      const ids = await enqueue(a, recipients);
      // Both instances poll on their own and are pushed to run at the same time.
      await Promise.all([a.app.workers.mail.runOnce(), b.app.workers.mail.runOnce(), a.app.workers.mail.runOnce(), b.app.workers.mail.runOnce()]);
      await until(async () => (await a.app.orm.em.fork().count(MailMessage, { id: { $in: ids }, status: MailStatus.SENT })) === ids.length, 30_000, 'every mail sent');
      await sleep(1000);
      const got = smtp.received.filter((m) => ids.includes(m.mailId)).map((m) => m.mailId);
      expect(got.sort()).toEqual([...ids].sort());
      const rows = await a.app.orm.em.fork().find(MailMessage, { id: { $in: ids } });
      expect(rows.every((r) => r.attempts === 1 && r.lockedBy === null)).toBe(true);
    } finally {
      await b.stop();
      await a.stop();
    }
  });
});

describe.each(await testDatabases())('dev mailbox on %s', (db) => {
  let dev: TestServer;
  let prod: TestServer;
  let acme: TestTenant;

  beforeAll(async () => {
    dev = await startTestServer(db, { MAIL_POLL_MS: '100' });
    prod = await startTestServer(db, { NODE_ENV: 'production', CORS_ORIGINS: 'https://help.example.com', MAIL_POLL_MS: '100' });
    acme = await createTestTenant(dev.app, 'acme');
    await createTestTenant(dev.app, 'other');
  });
  afterAll(async () => {
    await dev?.stop();
    await prod?.stop();
  }, 120_000);

  it('shows mail in development at /dev/mailbox, with its links', async () => {
    await gqlOk(dev.url, `mutation { requestPasswordReset(email: "${acme.agent1.email}") }`);
    const em = () => dev.app.orm.em.fork();
    await until(async () => (await em().count(MailMessage, { recipient: acme.agent1.email, status: MailStatus.SENT })) === 1, 10_000, 'the mail to reach the mailbox');
    const mail = await em().findOneOrFail(MailMessage, { recipient: acme.agent1.email });
    const list = await (await fetch(`${dev.url}/dev/mailbox`)).text();
    expect(list).toContain(acme.agent1.email);
    expect(list).toContain(`/dev/mailbox/${mail.id}`);
    const view = await fetch(`${dev.url}/dev/mailbox/${mail.id}`);
    expect(view.status).toBe(200);
    // Without PUBLIC_URL the links point at the server itself.
    expect(await view.text()).toMatch(new RegExp(`href="${dev.url}/reset-password\\?token=[A-Za-z0-9_-]{43}"`));
    expect((await fetch(`${dev.url}/dev/mailbox/nope`)).status).toBe(404);
  }, 120_000);

  it('is not served in production, where mail without SMTP_URL stays queued', async () => {
    expect((await fetch(`${prod.url}/dev/mailbox`)).status).toBe(404);
    const prodAcme = await createTestTenant(prod.app, 'acme');
    await gqlOk(prod.url, `mutation { requestPasswordReset(email: "${prodAcme.agent1.email}") }`);
    await sleep(500);
    const row = await prod.app.orm.em.fork().findOneOrFail(MailMessage, { recipient: prodAcme.agent1.email });
    expect(row).toMatchObject({ status: MailStatus.PENDING, attempts: 0 });
  });
});
