import type { EntityManager } from '@mikro-orm/core';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { hashPassword } from '../../platform/auth/password.js';
import { badInput, forbidden, rateLimited } from '../../platform/errors.js';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { TokenPurpose } from '../auth/one-time-token.entity.js';
import type { OneTimeTokens } from '../auth/one-time-token.service.js';
import type { MailService } from '../mail/mail.service.js';
import { toLocale } from '../mail/mail.templates.js';
import { Tenant, TenantStatus } from '../tenant/tenant.entity.js';
import type { TenantStatusGate } from '../tenant/tenant-status.js';
import { User } from '../user/user.entity.js';
import type { SignUpInput } from './signup.inputs.js';
import type { SignUpPayload, VerifyEmailPayload } from './signup.types.js';
import { createWorkspace } from './workspace.service.js';

const VERIFY_TTL_MS = 48 * 3600_000;
const INVALID_LINK = 'This confirmation link is invalid, used or expired.';

export interface SignupDeps {
  allowSignup: boolean;
  mail: MailService;
  tokens: OneTimeTokens;
  gate: TenantStatusGate;
  byIp: RateLimiterAbstract;
}

/**
 * Self-service sign-up: a new workspace (PENDING) with its first admin, and a confirmation
 * mail in the same transaction. Confirming the address opens the workspace.
 */
export class SignupService {
  constructor(private readonly deps: SignupDeps) {}

  async signUp(em: EntityManager, input: SignUpInput, ip: string): Promise<SignUpPayload> {
    if (!this.deps.allowSignup) throw forbidden('Sign-up is turned off on this server', { reason: 'SIGNUP_DISABLED' });
    try {
      await this.deps.byIp.consume(ip);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw rateLimited(Math.max(1, Math.ceil(error.msBeforeNext / 1000)), 'Too many sign-ups from this address');
      throw error;
    }
    const email = input.email.trim().toLowerCase();
    const passwordHash = await hashPassword(input.password);
    const result = await em.transactional(async (tx) => {
      if (await tx.findOne(User, { email })) {
        throw badInput({ email: ['already has an account: sign in and ask an operator for another workspace'] });
      }
      const user = tx.create(User, { email, name: input.name.trim(), passwordHash, locale: toLocale(input.locale) });
      const { tenant } = await createWorkspace(tx, { name: input.workspaceName, slug: input.slug, status: TenantStatus.PENDING }, user);
      const secret = this.deps.tokens.issue(tx, user, TokenPurpose.VERIFY_EMAIL, VERIFY_TTL_MS, tenant.id);
      this.deps.mail.enqueue(tx, {
        to: email,
        locale: user.locale,
        template: 'VERIFY_EMAIL',
        params: { name: user.name, workspace: tenant.name, link: this.deps.mail.link('/verify-email', { token: secret }) },
        tenantId: tenant.id,
      });
      await tx.flush();
      return { email, tenant };
    });
    this.deps.mail.sent();
    return result;
  }

  async verifyEmail(em: EntityManager, token: string): Promise<VerifyEmailPayload> {
    const result = await em.transactional(async (tx) => {
      const row = await this.deps.tokens.consume(tx, token, [TokenPurpose.VERIFY_EMAIL]);
      if (!row) throw badInput({ token: [INVALID_LINK] }, INVALID_LINK);
      row.user.emailVerifiedAt ??= new Date();
      let tenant: Tenant | null = null;
      if (row.tenantId) {
        tenant = await tx.findOne(Tenant, { id: row.tenantId });
        // Only a pending workspace opens: a suspended one stays suspended.
        if (tenant?.status === TenantStatus.PENDING) tenant.status = TenantStatus.ACTIVE;
      }
      await tx.flush();
      return { email: row.user.email, tenant };
    });
    if (result.tenant) this.deps.gate.changed(result.tenant.id, result.tenant.status);
    return result;
  }
}
