import { graphQLErrorsOf } from '../../app/errors';
import type { MessageKey } from '../../app/i18n';

/** `extensions.reason` of the first error that has one (TENANT_SUSPENDED, EMAIL_NOT_VERIFIED, ...). */
export function errorReason(error: unknown): string | undefined {
  for (const item of graphQLErrorsOf(error)) {
    const reason = item.extensions?.reason;
    if (typeof reason === 'string') return reason;
  }
  return undefined;
}

/** The sign-in page's message for a refusal with a reason, if it has one. */
export function reasonMessage(reason: string | undefined): MessageKey | undefined {
  if (reason === 'TENANT_SUSPENDED') return 'login.suspended';
  if (reason === 'EMAIL_NOT_VERIFIED') return 'login.notVerified';
  if (reason === 'SIGNUP_DISABLED') return 'signup.disabled';
  return undefined;
}
