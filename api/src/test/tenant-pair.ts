import { afterAll, beforeAll } from 'vitest';
import type { BuildOptions } from '../app.js';
import type { TestDatabase } from './databases.js';
import { startTestServer, type TestServer } from './server.js';
import { createTestTenant, tokenFor, type TestTenant } from './tenants.js';

/** Sign-in tokens of the tenant under test (by member) and of the other tenant's admin, agent and customer. */
export type PairTokens = Record<
  'admin' | 'agent1' | 'agent2' | 'customer1' | 'customer2' | 'otherAdmin' | 'otherAgent' | 'otherCustomer',
  string
> &
  Record<string, string>;

export interface TenantPair {
  server: TestServer;
  /** The tenant under test: one admin, two agents, two customers. */
  t: TestTenant;
  /** A second tenant that must never see the first one's data. */
  other: TestTenant;
  tokens: PairTokens;
}

export interface TenantPairOptions {
  /** Environment overrides for the server (see startTestServer). */
  env?: Record<string, string>;
  build?: BuildOptions;
}

/**
 * The fixture of every integration suite: registers hooks that start the real server on
 * `db`, create the tenant under test and a second tenant, and sign everyone in; the server
 * stops after the suite. The returned objects are filled in place before the first test,
 * so a suite may destructure them at once: `const { server, t, other, tokens } = useTenantPair(db, 'tix')`.
 */
export function useTenantPair(db: TestDatabase, label: string, options: TenantPairOptions = {}): TenantPair {
  const pair = { server: {}, t: {}, other: {}, tokens: {} } as TenantPair;
  let started: TestServer | undefined;
  beforeAll(async () => {
    started = await startTestServer(db, options.env, options.build);
    Object.assign(pair.server, started);
    Object.assign(pair.t, await createTestTenant(started.app, label));
    Object.assign(pair.other, await createTestTenant(started.app, `${label}-other`));
    const url = started.url;
    for (const who of ['admin', 'agent1', 'agent2', 'customer1', 'customer2'] as const) pair.tokens[who] = await tokenFor(url, pair.t[who]);
    pair.tokens.otherAdmin = await tokenFor(url, pair.other.admin);
    pair.tokens.otherAgent = await tokenFor(url, pair.other.agent1);
    pair.tokens.otherCustomer = await tokenFor(url, pair.other.customer1);
  });
  afterAll(async () => {
    await started?.stop();
  });
  return pair;
}
