import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPrivateAddress } from '../../../platform/http/outbound.js';
import { testDatabases } from '../../../test/databases.js';
import { errorCode, gql } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, tokenFor } from '../../../test/tenants.js';
import { CREATE_ENDPOINT } from './receiver.fixture.js';

/** Webhook targets that reach private networks through IPv6 spellings (defect 13). */
const SNEAKY = [
  '::ffff:127.0.0.1', '::127.0.0.1', '::7f00:1', '::10.0.0.1', '::', '::1', // ::/96, IPv4-compatible
  '2002:7f00:1::', '2002:a00:1::1', '2002:c0a8:101::1', // 6to4 of 127.0.0.1, 10.0.0.1, 192.168.1.1
  'fec0::1', 'feff::1', // site-local
  'fe80::1', 'fc00::1', 'fd12:3456::1', '64:ff9b::7f00:1', 'ff02::1',
];

describe('the webhook address guard', () => {
  it('refuses IPv6 spellings of private addresses', () => {
    for (const address of SNEAKY) expect(isPrivateAddress(address), address).toBe(true);
  });

  it('still allows public IPv6 and IPv4 addresses', () => {
    for (const address of ['2001:4860:4860::8888', '2606:4700::1111', '8.8.8.8', '1.1.1.1']) expect(isPrivateAddress(address), address).toBe(false);
  });
});

describe.each(await testDatabases())('webhook endpoints with private IPv6 targets on %s', (db) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(db);
  });
  afterAll(() => server?.stop());

  it('are refused at creation with BAD_USER_INPUT', async () => {
    const t = await createTestTenant(server.app, 'ssrf');
    const admin = await tokenFor(server.url, t.admin);
    for (const address of ['::7f00:1', '2002:7f00:1::', 'fec0::1']) {
      const result = await gql(server.url, CREATE_ENDPOINT, { input: { url: `http://[${address}]:8080/hook`, eventTypes: ['TICKET_CREATED'] } }, { token: admin });
      expect(errorCode(result), address).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions!.fields).toHaveProperty('url');
    }
  });
});
