import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql, gqlOk } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { startTestSmtp, tokenFrom, type TestSmtp } from '../../../test/smtp.js';
import { createTestTenant, LOGIN, tokenFor, type TestTenant } from '../../../test/tenants.js';

const SIGN_UP = `mutation S($input: SignUpInput!) { signUp(input: $input) { email tenant { id slug name } } }`;
const VERIFY = `mutation V($t: String!) { verifyEmail(token: $t) { email tenant { slug } } }`;
const BOARD = `{ me { role tenant { slug name } locale } tickets(first: 10) { totalCount } users(first: 10) { totalCount edges { node { email role } } } }`;
const PASSWORD = 'founder-password-123';

let seq = 0;
const unique = () => `${Date.now().toString(36)}${++seq}`;
const input = (over: Record<string, unknown> = {}) => {
  const id = unique();
  return { workspaceName: `Kopi ${id}`, slug: `kopi-${id}`, name: 'Sari', email: `sari-${id}@kopi.test`, password: PASSWORD, locale: 'id', ...over };
};

describe.each(await testDatabases())('sign-up on %s', (db) => {
  let server: TestServer;
  let closed: TestServer;
  let smtp: TestSmtp;
  let acme: TestTenant;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    server = await startTestServer(db, { SMTP_URL: smtp.url, PUBLIC_URL: 'https://help.example.test', MAIL_POLL_MS: '200' });
    closed = await startTestServer(db, { ALLOW_SIGNUP: 'false' });
    acme = await createTestTenant(server.app, 'acme');
  });
  afterAll(async () => {
    await server?.stop();
    await closed?.stop();
    await smtp?.close();
  });

  it('creates a pending workspace, opens it when the address is confirmed, and its admin starts on an empty board', async () => {
    const form = input();
    const { signUp } = await gqlOk(server.url, SIGN_UP, { input: form });
    expect(signUp).toMatchObject({ email: form.email, tenant: { slug: form.slug, name: form.workspaceName } });

    // Not before the address is confirmed.
    const early = await gql(server.url, LOGIN, { input: { email: form.email, password: PASSWORD } });
    expect(errorCode(early)).toBe('FORBIDDEN');
    expect(early.errors![0].extensions!.reason).toBe('EMAIL_NOT_VERIFIED');

    const mail = await smtp.waitFor((m) => m.to === form.email);
    expect(mail.subject).toBe(`Konfirmasi email Anda untuk ${form.workspaceName}`);
    expect(mail.html).toContain('https://help.example.test/verify-email?token=');
    const token = tokenFrom(mail, '/verify-email');
    const { verifyEmail } = await gqlOk(server.url, VERIFY, { t: token });
    expect(verifyEmail).toEqual({ email: form.email, tenant: { slug: form.slug } });
    expect(errorCode(await gql(server.url, VERIFY, { t: token }))).toBe('BAD_USER_INPUT');

    const session = await gqlOk(server.url, LOGIN, { input: { email: form.email, password: PASSWORD } });
    expect(session.login.role).toBe('ADMIN');
    const board = await gqlOk(server.url, BOARD, {}, { token: session.login.accessToken });
    expect(board.me).toMatchObject({ role: 'ADMIN', tenant: { slug: form.slug }, locale: 'id' });
    expect(board.tickets.totalCount).toBe(0);
    expect(board.users.edges).toEqual([{ node: { email: form.email, role: 'ADMIN' } }]);

    // The other tenant sees nothing of the new one, and the new admin nothing of it.
    const acmeUsers = await gqlOk(server.url, `{ users(first: 50) { edges { node { email } } } }`, {}, { token: await tokenFor(server.url, acme.admin) });
    expect(acmeUsers.users.edges.map((e: { node: { email: string } }) => e.node.email)).not.toContain(form.email);
  });

  it('refuses a taken or malformed slug and a registered email, with field errors, and writes nothing', async () => {
    const first = input();
    await gqlOk(server.url, SIGN_UP, { input: first });
    const taken = await gql(server.url, SIGN_UP, { input: input({ slug: first.slug }) });
    expect(errorCode(taken)).toBe('BAD_USER_INPUT');
    expect(taken.errors![0].extensions!.fields!.slug).toEqual(['is already taken']);
    const reserved = await gql(server.url, SIGN_UP, { input: input({ slug: 'admin' }) });
    expect(reserved.errors![0].extensions!.fields!.slug).toBeDefined();
    const malformed = await gql(server.url, SIGN_UP, { input: input({ slug: 'Not A Slug!' }) });
    expect(errorCode(malformed)).toBe('BAD_USER_INPUT');
    expect(malformed.errors![0].extensions!.fields!.slug).toBeDefined();
    const existing = input({ email: acme.agent1.email });
    const dupEmail = await gql(server.url, SIGN_UP, { input: existing });
    expect(dupEmail.errors![0].extensions!.fields!.email).toBeDefined();
    // The refused sign-up left no tenant behind: its slug is still free.
    expect((await gqlOk(server.url, SIGN_UP, { input: input({ slug: existing.slug }) })).signUp.tenant.slug).toBe(existing.slug);
    const weak = await gql(server.url, SIGN_UP, { input: input({ password: 'short' }) });
    expect(weak.errors![0].extensions!.fields!.password).toBeDefined();
  });

  it('is refused when ALLOW_SIGNUP is off', async () => {
    const result = await gql(closed.url, SIGN_UP, { input: input() });
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(result.errors![0].extensions!.reason).toBe('SIGNUP_DISABLED');
  });
});
