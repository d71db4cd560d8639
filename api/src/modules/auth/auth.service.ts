import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { BUILT_IN_PERMISSIONS, permissionsOf, type Permission } from '../../platform/auth/permissions.js';
import type { Principal, Role } from '../../platform/auth/principal.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../platform/auth/password.js';
import type { TokenService } from '../../platform/auth/tokens.js';
import { CROSS_TENANT, forTenant } from '../../platform/db/scope.js';
import { badInput, forbidden, unauthenticated } from '../../platform/errors.js';
import { releaseAttempt, reserveAttempt } from '../../platform/ratelimit.js';
import { customRoleClaims } from '../role/role.service.js';
import { Tenant } from '../tenant/tenant.entity.js';
import { assertTenantOpen } from '../tenant/tenant.policy.js';
import { Membership } from '../user/membership.entity.js';
import { normalizeEmail, toUserType } from '../user/user.service.js';
import { User } from '../user/user.entity.js';
import type { TenantMembership } from '../user/user.types.js';
import type { ChangePasswordInput, LoginInput } from './auth.inputs.js';
import type { AuthPayload, Viewer } from './auth.types.js';
import { RefreshToken } from './refresh-token.entity.js';

const INVALID_CREDENTIALS = 'Invalid email or password';
/** FORBIDDEN with a reason the client can put into words; only ever after the password was verified. */
const accountDeactivated = (tenantSlug?: string) =>
  forbidden(
    tenantSlug ? 'Your account in this workspace has been deactivated; ask an administrator' : 'Your account has been deactivated; ask an administrator',
    { reason: 'ACCOUNT_DEACTIVATED', ...(tenantSlug ? { tenantSlug } : {}) },
  );
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface AuthServiceDeps {
  tokens: TokenService;
  refreshTtlDays: number;
  failuresByEmail: RateLimiterAbstract;
  failuresByIp: RateLimiterAbstract;
  /** Whether the user is a platform operator (carried in the access token). */
  isOperator?: (user: User) => boolean;
}

/**
 * Sign-in, token rotation and tenant switching. These run before (or across) a tenant
 * scope, so this is one of the few places that looks up memberships across tenants.
 */
export class AuthService {
  constructor(private readonly deps: AuthServiceDeps) {}

  async login(em: EntityManager, input: LoginInput, ip: string): Promise<AuthPayload> {
    const email = normalizeEmail(input.email);
    // Emails are stored normalised and compared exactly (binary collation on MySQL/MariaDB).
    const user = await em.findOne(User, { email });
    // Attempts are counted per matched account (per address typed when none matches) and
    // per client address, reserved before the password is checked: a burst of concurrent
    // guesses can't all pass, and a success gives back only its own reservation.
    const accountKey = user ? `user:${user.id}` : `email:${email}`;
    await reserveAttempt(this.deps.failuresByIp, ip, 'Too many failed sign-ins from this address');
    try {
      await reserveAttempt(this.deps.failuresByEmail, accountKey, 'Too many failed sign-ins for this account');
    } catch (error) {
      await releaseAttempt(this.deps.failuresByIp, ip);
      throw error;
    }
    // Verify against a dummy hash for unknown emails so both failures take the same time.
    const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
    // Cross-tenant: a user's memberships span tenants; this is their own identity data.
    const all = user && passwordOk ? await this.memberships(em, user) : [];
    // A failure keeps its reserved points: they are the record of the failed attempt.
    if (!user || !passwordOk || all.length === 0) throw unauthenticated(INVALID_CREDENTIALS);
    await Promise.all([releaseAttempt(this.deps.failuresByEmail, accountKey), releaseAttempt(this.deps.failuresByIp, ip)]);
    // The password is right from here on, so saying why sign-in is refused tells a guesser nothing.
    const memberships = user.active ? all.filter((m) => m.membership.active) : [];
    if (!memberships.length) throw accountDeactivated();

    let chosen: { membership: Membership; tenant: Tenant } | undefined;
    if (input.tenantSlug) {
      chosen = memberships.find((m) => m.tenant.slug === input.tenantSlug);
      if (!chosen && all.some((m) => m.tenant.slug === input.tenantSlug)) throw accountDeactivated(input.tenantSlug);
      if (!chosen) throw badInput({ tenantSlug: ['You are not a member of this tenant'] });
    } else if (memberships.length === 1) {
      chosen = memberships[0];
    } else {
      const error = badInput({ tenantSlug: ['Choose one of your tenants'] });
      error.extensions.tenants = memberships.map((m) => ({ slug: m.tenant.slug, name: m.tenant.name, role: m.membership.role }));
      throw error;
    }
    await this.signedIn(em, chosen);
    return this.issue(em, user, chosen.membership, chosen.tenant, memberships, randomUUID());
  }

  async refreshSession(em: EntityManager, refreshToken: string): Promise<AuthPayload> {
    // Cross-tenant: the token secret itself identifies the session and its tenant.
    const row = await em.findOne(RefreshToken, { tokenHash: hashToken(refreshToken) }, { ...CROSS_TENANT, populate: ['user'] });
    if (!row || row.revokedAt) throw unauthenticated('Invalid refresh token');
    const now = new Date();
    const scoped = forTenant(em, row.tenantId);
    if (row.usedAt) {
      await this.revokeFamily(scoped, row.familyId, now);
      throw unauthenticated('Refresh token was already used; the session has been revoked');
    }
    if (row.expiresAt <= now) throw unauthenticated('Refresh token expired');
    // Claim the token atomically: of two concurrent refreshes, exactly one wins.
    const claimed = await scoped.nativeUpdate(RefreshToken, { id: row.id, usedAt: null, revokedAt: null }, { usedAt: now });
    if (claimed !== 1) {
      await this.revokeFamily(scoped, row.familyId, now);
      throw unauthenticated('Refresh token was already used; the session has been revoked');
    }
    const membership = await scoped.findOne(Membership, { user: row.user, active: true }, { populate: ['user'] });
    if (!membership || !row.user.active) throw unauthenticated('This account is no longer active');
    const memberships = await this.activeMemberships(em, row.user);
    const tenant = memberships.find((m) => m.tenant.id === row.tenantId)!.tenant;
    return this.issue(em, row.user, membership, tenant, memberships, row.familyId);
  }

  async switchTenant(em: EntityManager, principal: Principal, tenantSlug: string): Promise<AuthPayload> {
    const user = await em.findOneOrFail(User, { id: principal.userId });
    const memberships = await this.activeMemberships(em, user);
    const chosen = memberships.find((m) => m.tenant.slug === tenantSlug);
    if (!chosen || !user.active) throw badInput({ tenantSlug: ['You are not a member of this tenant'] });
    await this.signedIn(em, chosen);
    return this.issue(em, user, chosen.membership, chosen.tenant, memberships, randomUUID());
  }

  /** Revokes the family of the given refresh token, or every session of the user in this tenant. */
  async logout(em: EntityManager, principal: Principal, refreshToken?: string | null): Promise<boolean> {
    const now = new Date();
    if (refreshToken) {
      const row = await em.findOne(RefreshToken, { tokenHash: hashToken(refreshToken), user: principal.userId });
      if (!row) return false;
      await this.revokeFamily(em, row.familyId, now);
      return true;
    }
    await em.nativeUpdate(RefreshToken, { user: principal.userId, revokedAt: null }, { revokedAt: now });
    return true;
  }

  /** Ends every session of a member in the current tenant (the member was deactivated), in the caller's transaction. */
  async revokeSessionsInTenant(tx: EntityManager, userId: string): Promise<void> {
    await tx.nativeUpdate(RefreshToken, { user: userId, revokedAt: null }, { revokedAt: new Date() });
  }

  async viewer(em: EntityManager, principal: Principal): Promise<Viewer> {
    const user = await em.findOneOrFail(User, { id: principal.userId });
    const memberships = await this.activeMemberships(em, user);
    const current = memberships.find((m) => m.tenant.id === principal.tenantId);
    if (!current) throw unauthenticated('This account is no longer active in this tenant');
    return {
      user: toUserType(current.membership),
      tenant: current.tenant,
      role: current.membership.role,
      permissions: permissionsOf(principal) as Permission[],
      memberships: memberships.map(toTenantMembership),
      mustChangePassword: user.mustChangePassword,
    };
  }

  /** Changes the password and signs out every other session of this user, in every tenant. */
  async changePassword(em: EntityManager, principal: Principal, input: ChangePasswordInput): Promise<AuthPayload> {
    const user = await em.findOneOrFail(User, { id: principal.userId });
    if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
      throw badInput({ currentPassword: ['is not correct'] });
    }
    if (input.currentPassword === input.newPassword) {
      throw badInput({ newPassword: ['must differ from the current password'] });
    }
    user.passwordHash = await hashPassword(input.newPassword);
    user.mustChangePassword = false;
    await em.transactional(async (tx) => {
      tx.persist(user);
      // Cross-tenant: a new password ends the user's sessions everywhere.
      await tx.nativeUpdate(RefreshToken, { user: user.id, revokedAt: null }, { revokedAt: new Date() }, CROSS_TENANT);
    });
    const memberships = await this.activeMemberships(em, user);
    const current = memberships.find((m) => m.tenant.id === principal.tenantId);
    if (!current) throw unauthenticated('This account is no longer active in this tenant');
    return this.issue(em, user, current.membership, current.tenant, memberships, randomUUID());
  }

  /** Revokes every refresh token of the user, in every tenant (e.g. after a password reset). */
  async revokeAllSessions(em: EntityManager, userId: string): Promise<number> {
    // Cross-tenant: the user's sessions in every tenant end.
    return em.nativeUpdate(RefreshToken, { user: userId, revokedAt: null }, { revokedAt: new Date() }, CROSS_TENANT);
  }

  /** Records the sign-in on the membership of the tenant signed in to. */
  private async signedIn(em: EntityManager, chosen: { membership: Membership; tenant: Tenant }): Promise<void> {
    const now = new Date();
    await forTenant(em, chosen.tenant.id).nativeUpdate(Membership, { id: chosen.membership.id }, { lastSignInAt: now });
    chosen.membership.lastSignInAt = now;
  }

  private async activeMemberships(em: EntityManager, user: User): Promise<Array<{ membership: Membership; tenant: Tenant }>> {
    return this.memberships(em, user, true);
  }

  private async memberships(em: EntityManager, user: User, activeOnly = false): Promise<Array<{ membership: Membership; tenant: Tenant }>> {
    // Cross-tenant: lists the caller's own memberships so they can pick or switch tenants.
    const where = activeOnly ? { user, active: true } : { user };
    const memberships = await em.find(Membership, where, { ...CROSS_TENANT, populate: ['user'], orderBy: { createdAt: 'asc' } });
    const tenants = await em.find(Tenant, { id: { $in: memberships.map((m) => m.tenantId) } });
    const byId = new Map(tenants.map((t) => [t.id, t]));
    return memberships.map((membership) => ({ membership, tenant: byId.get(membership.tenantId)! }));
  }

  private async revokeFamily(em: EntityManager, familyId: string, now: Date): Promise<void> {
    await em.nativeUpdate(RefreshToken, { familyId, revokedAt: null }, { revokedAt: now });
  }

  private async issue(
    em: EntityManager,
    user: User,
    membership: Membership,
    tenant: Tenant,
    memberships: Array<{ membership: Membership; tenant: Tenant }>,
    familyId: string,
  ): Promise<AuthPayload> {
    // No session for a suspended tenant, or one whose sign-up is not verified yet.
    assertTenantOpen(tenant);
    const refreshToken = randomBytes(32).toString('base64url');
    const scoped = forTenant(em, tenant.id);
    scoped.create(RefreshToken, {
      tokenHash: hashToken(refreshToken),
      familyId,
      user: scoped.getReference(User, user.id),
      expiresAt: new Date(Date.now() + this.deps.refreshTtlDays * 86_400_000),
    });
    await scoped.flush();
    const customRole = await customRoleClaims(scoped, membership);
    const access = this.deps.tokens.sign({
      userId: user.id,
      tenantId: tenant.id,
      role: membership.role,
      mustChangePassword: user.mustChangePassword,
      operator: this.deps.isOperator?.(user) ?? false,
      customRole,
    });
    return {
      accessToken: access.token,
      refreshToken,
      expiresAt: access.expiresAt,
      user: toUserType(membership),
      tenant,
      role: membership.role,
      permissions: customRole ? customRole.permissions : [...BUILT_IN_PERMISSIONS[membership.role as Role.ADMIN]],
      memberships: memberships.map(toTenantMembership),
      mustChangePassword: user.mustChangePassword,
    };
  }
}

function toTenantMembership(m: { membership: Membership; tenant: Tenant }): TenantMembership {
  return { tenant: m.tenant, role: m.membership.role };
}
