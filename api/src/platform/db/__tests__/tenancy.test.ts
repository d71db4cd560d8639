import type { EntityManager, EntityMetadata } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Membership } from '../../../modules/user/membership.entity.js';
import { User } from '../../../modules/user/user.entity.js';
import { testDatabases } from '../../../test/databases.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, login, type TestTenant } from '../../../test/tenants.js';
import { Role } from '../../auth/principal.js';
import { TENANT_FILTER, TenantOwnedEntity } from '../base.entity.js';
import { CROSS_TENANT, forTenant } from '../scope.js';

/**
 * Entities that are NOT tenant-owned. Adding one here needs a reason: every other row in the
 * database must belong to exactly one tenant through the default-on `tenant` filter.
 *  - Tenant: the tenants themselves.
 *  - User: a global identity; what it may do in a tenant lives in the tenant-owned Membership.
 *  - TenantCounter: per-tenant sequences written by raw SQL with an explicit tenant predicate;
 *    tenantId is part of its primary key (checked below), so every row still has one tenant.
 *  - OneTimeToken: a mailed secret of a global User, presented before any tenant scope exists
 *    (password reset, email confirmation); `workspaceId` only names the workspace it opens.
 *  - MailMessage: the outbox; mail goes to identities, before or across tenant scopes.
 */
// The report roll-ups are keyed by tenant (first in the primary key) and read only through raw SQL.
const ROLLUPS = ['TicketMetricsDaily', 'TicketMetricsAgentDaily', 'TicketMetricsHourly', 'TicketMetricsHistogram'];
const GLOBAL_ENTITIES = ['Tenant', 'User', 'TenantCounter', 'OneTimeToken', 'MailMessage', ...ROLLUPS];
/** Global entities whose rows are nonetheless keyed by tenant. */
const TENANT_KEYED = ['TenantCounter', ...ROLLUPS];

function extendsTenantOwned(meta: EntityMetadata): boolean {
  for (let proto = meta.class?.prototype; proto; proto = Object.getPrototypeOf(proto)) {
    if (proto === TenantOwnedEntity.prototype) return true;
  }
  return false;
}

async function columnIsNotNull(em: EntityManager, db: string, table: string, column: string): Promise<boolean> {
  const connection = em.getConnection();
  if (db === 'sqlite') {
    const rows = (await connection.execute(`pragma table_info(\`${table}\`)`)) as Array<{ name: string; notnull: number }>;
    const row = rows.find((r) => r.name === column);
    if (!row) throw new Error(`${table}.${column} does not exist`);
    return Number(row.notnull) === 1;
  }
  const rows = (await connection.execute(
    'select IS_NULLABLE from information_schema.columns where table_schema = database() and table_name = ? and column_name = ?',
    [table, column],
  )) as Array<{ IS_NULLABLE: string }>;
  if (!rows.length) throw new Error(`${table}.${column} does not exist`);
  return rows[0].IS_NULLABLE === 'NO';
}

describe.each(await testDatabases())('tenant isolation on %s', (db) => {
  let server: TestServer;
  let a: TestTenant;
  let b: TestTenant;
  let all: EntityMetadata[];

  beforeAll(async () => {
    server = await startTestServer(db);
    a = await createTestTenant(server.app, 'a');
    b = await createTestTenant(server.app, 'b');
    // Sessions give the other tenant-owned tables rows in both tenants.
    await Promise.all([login(server.url, a.agent1.email), login(server.url, b.agent1.email)]);
    all = Object.values(server.app.orm.getMetadata().getAll()).filter((m) => !m.abstract && !m.embeddable && !m.virtual);
  });
  afterAll(() => server?.stop());

  const fork = () => server.app.orm.em.fork({ clear: true, useContext: false });
  const tenantOwned = () => all.filter(extendsTenantOwned);

  it('classifies every entity: tenant-owned unless explicitly allowed to be global', () => {
    expect(all.length).toBeGreaterThan(GLOBAL_ENTITIES.length);
    const global = all.filter((m) => !extendsTenantOwned(m)).map((m) => m.className).sort();
    expect(global, 'a new global entity must be justified in GLOBAL_ENTITIES').toEqual([...GLOBAL_ENTITIES].sort());
    expect(tenantOwned().map((m) => m.className)).toEqual(expect.arrayContaining(['Membership', 'RefreshToken']));
  });

  it('maps tenantId to a NOT NULL tenant_id column and turns the tenant filter on by default', async () => {
    const em = fork();
    for (const meta of tenantOwned()) {
      const prop = meta.properties.tenantId;
      expect(prop, `${meta.className}.tenantId`).toBeDefined();
      expect(prop.fieldNames, meta.className).toEqual(['tenant_id']);
      expect(prop.nullable ?? false, meta.className).toBe(false);
      expect(await columnIsNotNull(em, db, meta.tableName, 'tenant_id'), `${meta.tableName}.tenant_id NOT NULL`).toBe(true);
      expect(meta.filters[TENANT_FILTER], meta.className).toMatchObject({ name: TENANT_FILTER, default: true });
    }
    for (const name of GLOBAL_ENTITIES.filter((n) => !TENANT_KEYED.includes(n))) {
      expect(all.find((m) => m.className === name)!.properties.tenantId, name).toBeUndefined();
    }
    for (const name of TENANT_KEYED) {
      const meta = all.find((m) => m.className === name)!;
      expect(meta.primaryKeys, name).toContain('tenantId');
      expect(meta.properties.tenantId.fieldNames, name).toEqual(['tenant_id']);
      expect(await columnIsNotNull(em, db, meta.tableName, 'tenant_id'), `${meta.tableName}.tenant_id NOT NULL`).toBe(true);
    }
  });

  it('fails closed: a query without tenant parameters throws', async () => {
    const noArgs = /No arguments provided for filter 'tenant'/;
    for (const meta of tenantOwned()) {
      await expect(fork().find(meta.class, {}), meta.className).rejects.toThrow(noArgs);
      await expect(fork().count(meta.class, {}), meta.className).rejects.toThrow(noArgs);
      await expect(fork().findOne(meta.class, { id: 'x' }), meta.className).rejects.toThrow(noArgs);
    }
    await expect(fork().nativeUpdate(Membership, { role: Role.CUSTOMER }, { role: Role.AGENT })).rejects.toThrow(noArgs);
    await expect(fork().nativeDelete(Membership, { role: Role.CUSTOMER })).rejects.toThrow(noArgs);
    // Nothing was changed by the refused bulk statements.
    const scoped = forTenant(fork(), a.id);
    expect(await scoped.count(Membership, { role: Role.CUSTOMER })).toBe(2);
    // Global entities need no scope.
    expect(await fork().count(User, { email: a.admin.email })).toBe(1);
  });

  it('returns only the scoped tenant’s rows for every tenant-owned entity', async () => {
    const seeded = ['Membership', 'RefreshToken']; // rows in both tenants, from createTestTenant and the logins
    for (const meta of tenantOwned()) {
      const everywhere = await fork().find(meta.class, {}, CROSS_TENANT);
      const count = (tenantId: string) => everywhere.filter((row) => (row as TenantOwnedEntity).tenantId === tenantId).length;
      const inB = count(b.id);
      const scoped = await forTenant(fork(), a.id).find(meta.class, {});
      if (seeded.includes(meta.className)) {
        expect(inB, `${meta.className} rows in tenant B`).toBeGreaterThan(0);
        expect(scoped.length, meta.className).toBeGreaterThan(0);
      }
      expect(scoped.every((row) => (row as TenantOwnedEntity).tenantId === a.id), meta.className).toBe(true);
      expect(scoped.length, `${meta.className}: all of A's rows`).toBe(count(a.id));
    }
    const bIds = [b.admin, b.agent1, b.agent2, b.customer1, b.customer2].map((m) => m.id);
    const aView = forTenant(fork(), a.id);
    expect(await aView.find(Membership, { user: { $in: bIds } })).toEqual([]);
    expect(await aView.findOne(Membership, { user: b.admin.id })).toBeNull();
    expect((await aView.find(Membership, {}, { populate: ['user'] })).map((m) => m.user.id).sort()).toEqual(
      [a.admin, a.agent1, a.agent2, a.customer1, a.customer2].map((m) => m.id).sort(),
    );
  });

  it('TenantGuard refuses to write rows of another tenant', async () => {
    const em = forTenant(fork(), a.id);
    const intruder = em.create(User, { email: `intruder-${db}@example.test`, name: 'Intruder', passwordHash: 'x' });
    em.create(Membership, { user: intruder, role: Role.ADMIN, tenantId: b.id });
    await expect(em.flush()).rejects.toThrow(/another tenant/);
    const bView = forTenant(fork(), b.id);
    expect(await bView.count(Membership, {})).toBe(5);
    expect(await bView.count(Membership, { role: Role.ADMIN })).toBe(1);

    const unscoped = fork();
    const stray = unscoped.create(User, { email: `stray-${db}@example.test`, name: 'Stray', passwordHash: 'x' });
    unscoped.create(Membership, { user: stray, role: Role.AGENT });
    await expect(unscoped.flush()).rejects.toThrow(/without a tenant scope/);

    // Updating another tenant's row, even one loaded deliberately across tenants, is refused.
    const updater = forTenant(fork(), a.id);
    const foreign = await updater.findOneOrFail(Membership, { user: b.agent2.id }, CROSS_TENANT);
    foreign.role = Role.ADMIN;
    await expect(updater.flush()).rejects.toThrow(/another tenant/);
    expect((await forTenant(fork(), b.id).findOneOrFail(Membership, { user: b.agent2.id })).role).toBe(Role.AGENT);

    // The guard stamps the scope's tenant on new rows.
    const ok = forTenant(fork(), a.id);
    const user = ok.create(User, { email: `guarded-${db}@example.test`, name: 'Guarded', passwordHash: 'x' });
    const membership = ok.create(Membership, { user, role: Role.CUSTOMER });
    await ok.flush();
    expect(membership.tenantId).toBe(a.id);
    expect(await forTenant(fork(), b.id).findOne(Membership, { user: user.id })).toBeNull();
  });
});
