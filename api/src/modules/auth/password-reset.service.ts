import { setTimeout as sleep } from 'node:timers/promises';
import type { EntityManager } from '@mikro-orm/core';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { hashPassword } from '../../platform/auth/password.js';
import { badInput, rateLimited } from '../../platform/errors.js';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { MailService } from '../mail/mail.service.js';
import { User } from '../user/user.entity.js';
import { MIN_PASSWORD_LENGTH } from './auth.inputs.js';
import type { AuthService } from './auth.service.js';
import { TokenPurpose } from './one-time-token.entity.js';
import type { OneTimeTokens } from './one-time-token.service.js';

export const RESET_TTL_MINUTES = 30;
/** Every request takes at least this long, whether or not the address has an account. */
const ANSWER_FLOOR_MS = 250;
const INVALID_LINK = 'This link is invalid or has expired. Ask for a new one.';

export interface PasswordResetDeps {
  auth: AuthService;
  mail: MailService;
  tokens: OneTimeTokens;
  byEmail: RateLimiterAbstract;
  byIp: RateLimiterAbstract;
}

/** Spends one point, or answers RATE_LIMITED when none is left. */
async function spend(limiter: RateLimiterAbstract, key: string, message: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw rateLimited(Math.max(1, Math.ceil(error.msBeforeNext / 1000)), message);
    throw error;
  }
}

/**
 * Password reset over mail. The request answers the same for known and unknown addresses,
 * after the same minimum time, and is throttled per address and per client IP whether or
 * not the address exists. A reset sets the password and ends every session of the user.
 */
export class PasswordResetService {
  constructor(private readonly deps: PasswordResetDeps) {}

  async request(em: EntityManager, rawEmail: string, ip: string): Promise<boolean> {
    const started = Date.now();
    const email = rawEmail.trim().toLowerCase();
    try {
      await spend(this.deps.byIp, ip, 'Too many password reset requests from this address');
      await spend(this.deps.byEmail, email, 'Too many password reset requests for this email');
      const user = await em.findOne(User, { email });
      if (user?.active) {
        await em.transactional(async (tx) => {
          await this.deps.tokens.retireOthers(tx, user, TokenPurpose.PASSWORD_RESET);
          const secret = this.deps.tokens.issue(tx, user, TokenPurpose.PASSWORD_RESET, RESET_TTL_MINUTES * 60_000);
          this.deps.mail.enqueue(tx, {
            to: user.email,
            locale: user.locale,
            template: 'PASSWORD_RESET',
            params: { name: user.name, link: this.deps.mail.link('/reset-password', { token: secret }), minutes: RESET_TTL_MINUTES },
          });
        });
        this.deps.mail.sent();
      }
      return true;
    } finally {
      const left = ANSWER_FLOOR_MS - (Date.now() - started);
      if (left > 0) await sleep(left);
    }
  }

  async reset(em: EntityManager, token: string, newPassword: string): Promise<boolean> {
    if (newPassword.length < MIN_PASSWORD_LENGTH) throw badInput({ newPassword: [`must be at least ${MIN_PASSWORD_LENGTH} characters`] });
    if (newPassword.length > 200) throw badInput({ newPassword: ['must be at most 200 characters'] });
    const passwordHash = await hashPassword(newPassword);
    await em.transactional(async (tx) => {
      const row = await this.deps.tokens.consume(tx, token, [TokenPurpose.PASSWORD_RESET, TokenPurpose.INVITE]);
      if (!row) throw badInput({ token: [INVALID_LINK] }, INVALID_LINK);
      const user = row.user;
      user.passwordHash = passwordHash;
      user.mustChangePassword = false;
      // The mail reached them: the address is theirs.
      user.emailVerifiedAt ??= new Date();
      await tx.flush();
      await this.deps.auth.revokeAllSessions(tx, user.id);
    });
    return true;
  }
}
