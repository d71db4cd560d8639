import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import type { MessageKey, Translate } from './i18n';
import { Role } from '../generated/graphql';

/** A tenant the server offers when a user with several memberships signs in without choosing. */
export interface TenantChoice {
  slug: string;
  name: string;
  role: Role;
}

/** The GraphQL errors of a failed operation, from a 200 response or from a non-2xx JSON body. */
export function graphQLErrorsOf(error: unknown): ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> {
  if (CombinedGraphQLErrors.is(error)) return error.errors;
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
      return Array.isArray(body.errors) ? body.errors : [];
    } catch {
      return [];
    }
  }
  return [];
}

/** The `extensions.code` of the first error (UNAUTHENTICATED, BAD_USER_INPUT, ...), if any. */
export function errorCode(error: unknown): string | undefined {
  const code = graphQLErrorsOf(error)[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

const roles = new Set<string>(Object.values(Role));

/** The tenants to pick from when the server answered BAD_USER_INPUT with `extensions.tenants`. */
export function tenantChoicesFromError(error: unknown): TenantChoice[] | null {
  for (const item of graphQLErrorsOf(error)) {
    if (item.extensions?.code !== 'BAD_USER_INPUT' || !Array.isArray(item.extensions.tenants)) continue;
    const choices = (item.extensions.tenants as unknown[]).filter(
      (t): t is TenantChoice =>
        !!t &&
        typeof (t as TenantChoice).slug === 'string' &&
        typeof (t as TenantChoice).name === 'string' &&
        roles.has((t as TenantChoice).role),
    );
    if (choices.length > 0) return choices;
  }
  return null;
}

/**
 * A message to show for a failed operation: known codes get a translated text (callers may
 * choose their own per code), anything else the server's message, else a generic one.
 */
export function describeError(error: unknown, t: Translate, byCode: Partial<Record<string, MessageKey>> = {}): string {
  const code = errorCode(error);
  const chosen = code ? byCode[code] : undefined;
  if (chosen) return t(chosen);
  if (code === 'RATE_LIMITED') return t('error.rateLimited');
  if (code === 'FORBIDDEN') return t('error.forbidden');
  if (code === 'CONFLICT') return t('error.conflict');
  const first = graphQLErrorsOf(error)[0];
  if (first && code && code !== 'INTERNAL_SERVER_ERROR') return first.message;
  // fetch() rejects with a TypeError when the server cannot be reached; 5xx means it is unwell.
  if (error instanceof TypeError || (ServerError.is(error) && error.statusCode >= 500)) return t('error.network');
  return t('error.unexpected');
}

/** Per-field messages of a BAD_USER_INPUT error (`extensions.fields`), e.g. { title: ['must be ...'] }. */
export function fieldErrorsOf(error: unknown): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const item of graphQLErrorsOf(error)) {
    const fields = item.extensions?.fields;
    if (!fields || typeof fields !== 'object') continue;
    for (const [field, messages] of Object.entries(fields as Record<string, unknown>)) {
      const list = Array.isArray(messages) ? messages.filter((m): m is string => typeof m === 'string') : [];
      if (list.length > 0) result[field] = [...(result[field] ?? []), ...list];
    }
  }
  return result;
}

/** The version the server has now, from a CONFLICT error (`extensions.currentVersion`). */
export function conflictVersionOf(error: unknown): number | null {
  for (const item of graphQLErrorsOf(error)) {
    const version = item.extensions?.currentVersion;
    if (item.extensions?.code === 'CONFLICT' && typeof version === 'number') return version;
  }
  return null;
}

/** The `extensions.reason` of the first error (e.g. ACCOUNT_DEACTIVATED, MEMBER_DEACTIVATED), if any. */
export function errorReason(error: unknown): string | undefined {
  const reason = graphQLErrorsOf(error)[0]?.extensions?.reason;
  return typeof reason === 'string' ? reason : undefined;
}
