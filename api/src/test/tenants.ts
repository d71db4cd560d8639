import { randomBytes } from 'node:crypto';
import type { App } from '../app.js';
import { Role } from '../platform/auth/principal.js';
import { hashPassword } from '../platform/auth/password.js';
import { TENANT_FILTER } from '../platform/db/base.entity.js';
import { Tenant } from '../modules/tenant/tenant.entity.js';
import { Membership } from '../modules/user/membership.entity.js';
import { User } from '../modules/user/user.entity.js';
import { gqlOk } from './graphql.js';

export const TEST_PASSWORD = 'correct-horse-battery';
let passwordHash: Promise<string> | undefined;

export interface TestMember {
  id: string;
  email: string;
  role: Role;
}

export interface TestTenant {
  id: string;
  slug: string;
  admin: TestMember;
  agent1: TestMember;
  agent2: TestMember;
  customer1: TestMember;
  customer2: TestMember;
}

const MEMBERS = [
  ['admin', Role.ADMIN],
  ['agent1', Role.AGENT],
  ['agent2', Role.AGENT],
  ['customer1', Role.CUSTOMER],
  ['customer2', Role.CUSTOMER],
] as const;

/** Creates a fresh tenant with one admin, two agents and two customers (unique emails). */
export async function createTestTenant(app: App, label = 't'): Promise<TestTenant> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const slug = `${label}-${randomBytes(4).toString('hex')}`;
  const em = app.orm.em.fork();
  const tenant = em.create(Tenant, { slug, name: `Tenant ${slug}` });
  await em.flush();
  em.setFilterParams(TENANT_FILTER, { tenantId: tenant.id });
  const out: Record<string, unknown> = { id: tenant.id, slug };
  for (const [local, role] of MEMBERS) {
    const user = em.create(User, { email: `${local}@${slug}.test`, name: `${local} of ${slug}`, passwordHash: hash });
    em.create(Membership, { user, role });
    out[local] = { id: user.id, email: user.email, role };
  }
  await em.flush();
  return out as unknown as TestTenant;
}

export const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) { accessToken refreshToken expiresAt role mustChangePassword user { id email role } tenant { id slug } }
  }
`;

export interface Session {
  accessToken: string;
  refreshToken: string;
}

export async function login(url: string, email: string, tenantSlug?: string, password = TEST_PASSWORD): Promise<Session> {
  const data = await gqlOk<{ login: Session }>(url, LOGIN, { input: { email, password, tenantSlug } });
  return data.login;
}

export async function tokenFor(url: string, member: TestMember): Promise<string> {
  return (await login(url, member.email)).accessToken;
}
