import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql, gqlOk } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { startTestSmtp, tokenFrom, type TestSmtp } from '../../../test/smtp.js';
import { createTestTenant, login, LOGIN, TEST_PASSWORD, type TestTenant } from '../../../test/tenants.js';
import { MailMessage } from '../../mail/mail-message.entity.js';

const REQUEST = `mutation R($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation P($token: String!, $pw: String!) { resetPassword(token: $token, newPassword: $pw) }`;
const REFRESH = `mutation F($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`;
const LOCALE = `mutation L($l: String!) { updateMyLocale(input: { locale: $l }) }`;
const NEW_PASSWORD = 'a-brand-new-password-42';

describe.each(await testDatabases())('password reset on %s', (db) => {
  let server: TestServer;
  let smtp: TestSmtp;
  let acme: TestTenant;
  let other: TestTenant;
  let clock = Date.now();
  // Each test speaks from its own client address, so the per-IP limit of one does not spill into another.
  let ipSeq = 0;
  const fromIp = () => ({ headers: { 'x-forwarded-for': `10.1.${db === 'sqlite' ? 1 : 2}.${++ipSeq}` } });

  beforeAll(async () => {
    smtp = await startTestSmtp();
    server = await startTestServer(
      db,
      { SMTP_URL: smtp.url, PUBLIC_URL: 'https://help.example.test', MAIL_POLL_MS: '200', PASSWORD_RESET_MAX_PER_EMAIL: '3', PASSWORD_RESET_MAX_PER_IP: '5' },
      { now: () => clock },
    );
    acme = await createTestTenant(server.app, 'acme');
    other = await createTestTenant(server.app, 'other');
  });
  afterAll(async () => {
    await server?.stop();
    await smtp?.close();
  });

  it('mails a single-use link in the user’s language, sets the password and ends every session', async () => {
    const before = await login(server.url, acme.agent1.email);
    const otherSession = await login(server.url, other.agent1.email);
    await gqlOk(server.url, LOCALE, { l: 'id' }, { token: before.accessToken });

    expect((await gqlOk(server.url, REQUEST, { email: acme.agent1.email.toUpperCase() }, fromIp())).requestPasswordReset).toBe(true);
    const mail = await smtp.waitFor((m) => m.to === acme.agent1.email);
    expect(mail.subject).toBe('Atur ulang kata sandi Sociodesk Anda');
    expect(mail.language).toBe('id');
    expect(mail.text).toMatch(/https:\/\/help\.example\.test\/reset-password\?token=[A-Za-z0-9_-]{43}/);
    expect(mail.html).toContain('href="https://help.example.test/reset-password?token=');
    const token = tokenFrom(mail, '/reset-password');
    // Stored hashed: the secret itself is nowhere in the database.
    const tokenRows = await server.app.orm.em.fork().getConnection().execute(`select token_hash from one_time_tokens where token_hash = ?`, [token]);
    expect(tokenRows).toHaveLength(0);

    expect((await gqlOk(server.url, RESET, { token, pw: NEW_PASSWORD })).resetPassword).toBe(true);
    expect(errorCode(await gql(server.url, LOGIN, { input: { email: acme.agent1.email, password: TEST_PASSWORD } }))).toBe('UNAUTHENTICATED');
    const after = await login(server.url, acme.agent1.email, undefined, NEW_PASSWORD);
    expect(after.accessToken).toBeTruthy();
    // Every refresh token from before the reset is revoked; the other tenant's sessions are untouched.
    expect(errorCode(await gql(server.url, REFRESH, { t: before.refreshToken }))).toBe('UNAUTHENTICATED');
    expect((await gqlOk(server.url, REFRESH, { t: otherSession.refreshToken })).refreshSession.accessToken).toBeTruthy();

    // Single use.
    const again = await gql(server.url, RESET, { token, pw: 'yet-another-password-1' });
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    expect(again.errors![0].extensions!.fields!.token).toBeDefined();
  });

  it('answers an unknown address exactly like a known one, and mails nobody', async () => {
    const unknown = await gql(server.url, REQUEST, { email: 'nobody-here@nowhere.test' }, fromIp());
    const known = await gql(server.url, REQUEST, { email: acme.customer1.email }, fromIp());
    expect(unknown.status).toBe(known.status);
    expect(unknown.data).toEqual(known.data);
    expect(unknown.errors).toBeUndefined();
    await smtp.waitFor((m) => m.to === acme.customer1.email);
    const em = server.app.orm.em.fork();
    expect(await em.count(MailMessage, { recipient: 'nobody-here@nowhere.test' })).toBe(0);
    expect(smtp.received.some((m) => m.to === 'nobody-here@nowhere.test')).toBe(false);
    expect(smtp.received.find((m) => m.to === acme.customer1.email)!.subject).toBe('Reset your Sociodesk password');
  });

  it('expires a link after 30 minutes, and a newer link replaces an older one', async () => {
    await gqlOk(server.url, REQUEST, { email: acme.customer2.email }, fromIp());
    const first = tokenFrom(await smtp.waitFor((m) => m.to === acme.customer2.email), '/reset-password');
    await gqlOk(server.url, REQUEST, { email: acme.customer2.email }, fromIp());
    const second = tokenFrom(await smtp.waitFor((m) => m.to === acme.customer2.email && !m.text.includes(first)), '/reset-password');
    expect(errorCode(await gql(server.url, RESET, { token: first, pw: NEW_PASSWORD }))).toBe('BAD_USER_INPUT');
    clock += 31 * 60_000;
    try {
      expect(errorCode(await gql(server.url, RESET, { token: second, pw: NEW_PASSWORD }))).toBe('BAD_USER_INPUT');
    } finally {
      clock -= 31 * 60_000;
    }
    // Within its 30 minutes it worked (a fresh one, to show the expiry was the reason).
    await gqlOk(server.url, REQUEST, { email: acme.customer2.email }, fromIp());
    const third = tokenFrom(await smtp.waitFor((m) => m.to === acme.customer2.email && !m.text.includes(first) && !m.text.includes(second)), '/reset-password');
    clock += 29 * 60_000;
    try {
      expect((await gqlOk(server.url, RESET, { token: third, pw: NEW_PASSWORD })).resetPassword).toBe(true);
    } finally {
      clock -= 29 * 60_000;
    }
  });

  it('throttles per address (known or not) and per client IP', async () => {
    for (const email of [acme.agent2.email, 'ghost@nowhere.test']) {
      for (let i = 0; i < 3; i++) expect((await gqlOk(server.url, REQUEST, { email }, fromIp())).requestPasswordReset).toBe(true);
      const limited = await gql(server.url, REQUEST, { email }, fromIp());
      expect(errorCode(limited)).toBe('RATE_LIMITED');
    }
    const ip = { headers: { 'x-forwarded-for': `10.9.${db === 'sqlite' ? 1 : 2}.1` } };
    for (let i = 0; i < 5; i++) await gqlOk(server.url, REQUEST, { email: `someone${i}@nowhere.test` }, ip);
    expect(errorCode(await gql(server.url, REQUEST, { email: 'someone-else@nowhere.test' }, ip))).toBe('RATE_LIMITED');
  });

  it('rejects a weak new password and a malformed token with field errors', async () => {
    const weak = await gql(server.url, RESET, { token: 'x'.repeat(43), pw: 'short' });
    expect(errorCode(weak)).toBe('BAD_USER_INPUT');
    expect(weak.errors![0].extensions!.fields!.newPassword).toBeDefined();
    const bogus = await gql(server.url, RESET, { token: 'not-a-token', pw: NEW_PASSWORD });
    expect(errorCode(bogus)).toBe('BAD_USER_INPUT');
    expect(bogus.errors![0].extensions!.fields!.token).toBeDefined();
  });
});
