import { errorReason } from '../../app/errors';

export { errorReason };
import type { MessageKey } from '../../app/i18n';

/** The sign-in page's message for a refusal with a reason, if it has one. */
export function reasonMessage(reason: string | undefined): MessageKey | undefined {
  if (reason === 'ACCOUNT_DEACTIVATED') return 'login.deactivated';
  if (reason === 'TENANT_SUSPENDED') return 'login.suspended';
  if (reason === 'EMAIL_NOT_VERIFIED') return 'login.notVerified';
  if (reason === 'SIGNUP_DISABLED') return 'signup.disabled';
  return undefined;
}
