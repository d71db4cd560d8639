import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { hashPassword } from '../../platform/auth/password.js';
import type { Principal } from '../../platform/auth/principal.js';
import { CROSS_TENANT } from '../../platform/db/scope.js';
import { badInput, notFound } from '../../platform/errors.js';
import { TokenPurpose } from '../auth/one-time-token.entity.js';
import type { OneTimeTokens } from '../auth/one-time-token.service.js';
import type { MailService } from '../mail/mail.service.js';
import { toLocale } from '../mail/mail.templates.js';
import { createWorkspace } from '../signup/workspace.service.js';
import { Tenant, TenantStatus } from '../tenant/tenant.entity.js';
import type { TenantStatusGate } from '../tenant/tenant-status.js';
import { Membership } from '../user/membership.entity.js';
import { User } from '../user/user.entity.js';
import type { CreateTenantInput, PlatformTenant } from './operator.types.js';

const INVITE_TTL_MS = 7 * 86_400_000;

/**
 * The platform operator's work on tenants: list, create, rename, suspend and resume. Tenants
 * are global rows; member counts read memberships across tenants, which is the point here.
 */
export class OperatorService {
  private readonly emails: ReadonlySet<string>;

  constructor(
    operatorEmails: readonly string[],
    private readonly mail: MailService,
    private readonly tokens: OneTimeTokens,
    private readonly gate: TenantStatusGate,
  ) {
    this.emails = new Set(operatorEmails);
  }

  /** Operators: users granted with `npm run operator -- grant`, and PLATFORM_OPERATOR_EMAILS. */
  isOperator = (user: User): boolean => user.platformOperator || this.emails.has(user.email.toLowerCase());

  async list(em: EntityManager, search?: string | null): Promise<PlatformTenant[]> {
    const term = search?.trim().toLowerCase();
    const where = term ? { $or: [{ slug: { $like: `%${escapeLike(term)}%` } }, { name: { $like: `%${escapeLike(term)}%` } }] } : {};
    const tenants = await em.find(Tenant, where, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: 500 });
    return this.withCounts(em, tenants);
  }

  async create(em: EntityManager, input: CreateTenantInput): Promise<PlatformTenant> {
    const email = input.adminEmail.trim().toLowerCase();
    const tenant = await em.transactional(async (tx) => {
      let admin = await tx.findOne(User, { email });
      const isNew = !admin;
      // A new admin gets an unusable random password and a mail to choose one.
      admin ??= tx.create(User, {
        email,
        name: input.adminName.trim(),
        passwordHash: await hashPassword(randomBytes(24).toString('base64url')),
        locale: toLocale(input.locale),
      });
      const { tenant } = await createWorkspace(tx, { name: input.name, slug: input.slug, status: TenantStatus.ACTIVE }, admin);
      const params = { name: admin.name, workspace: tenant.name };
      if (isNew) {
        const secret = this.tokens.issue(tx, admin, TokenPurpose.INVITE, INVITE_TTL_MS, tenant.id);
        this.mail.enqueue(tx, { to: email, locale: admin.locale, template: 'INVITE', params: { ...params, link: this.mail.link('/reset-password', { token: secret, invite: '1' }) }, tenantId: tenant.id });
      } else {
        this.mail.enqueue(tx, { to: email, locale: admin.locale, template: 'ADDED_TO_WORKSPACE', params: { ...params, link: this.mail.link('/login') }, tenantId: tenant.id });
      }
      await tx.flush();
      return tenant;
    });
    this.mail.sent();
    return (await this.withCounts(em, [tenant]))[0];
  }

  async rename(em: EntityManager, id: string, name: string): Promise<PlatformTenant> {
    const trimmed = name.trim();
    if (trimmed.length < 2 || trimmed.length > 200) throw badInput({ name: ['must be 2 to 200 characters'] });
    const tenant = await this.find(em, id);
    tenant.name = trimmed;
    await em.flush();
    return (await this.withCounts(em, [tenant]))[0];
  }

  /** Takes effect at once: the tenant's requests and API keys get FORBIDDEN, its sockets close. */
  async suspend(em: EntityManager, principal: Principal, id: string): Promise<PlatformTenant> {
    if (id === principal.tenantId) throw badInput({ id: ['You cannot suspend the workspace you are signed in to'] });
    return this.setStatus(em, id, TenantStatus.SUSPENDED);
  }

  async resume(em: EntityManager, id: string): Promise<PlatformTenant> {
    return this.setStatus(em, id, TenantStatus.ACTIVE);
  }

  private async setStatus(em: EntityManager, id: string, status: TenantStatus): Promise<PlatformTenant> {
    const tenant = await this.find(em, id);
    if (tenant.status !== status) {
      tenant.status = status;
      tenant.suspendedAt = status === TenantStatus.SUSPENDED ? new Date() : null;
      await em.flush();
    }
    this.gate.changed(tenant.id, tenant.status);
    return (await this.withCounts(em, [tenant]))[0];
  }

  private async find(em: EntityManager, id: string): Promise<Tenant> {
    const tenant = await em.findOne(Tenant, { id });
    if (!tenant) throw notFound('Tenant');
    return tenant;
  }

  private async withCounts(em: EntityManager, tenants: Tenant[]): Promise<PlatformTenant[]> {
    if (!tenants.length) return [];
    // Cross-tenant: the operator counts the members of every tenant listed.
    const rows = await em.find(Membership, { tenantId: { $in: tenants.map((t) => t.id) }, active: true }, { ...CROSS_TENANT, fields: ['tenantId'] });
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.tenantId, (counts.get(r.tenantId) ?? 0) + 1);
    return tenants.map((t) => ({
      id: t.id,
      slug: t.slug,
      name: t.name,
      status: t.status,
      createdAt: t.createdAt,
      suspendedAt: t.suspendedAt ?? null,
      memberCount: counts.get(t.id) ?? 0,
    }));
  }
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
