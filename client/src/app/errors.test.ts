import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { translate } from './i18n';
import { conflictVersionOf, describeError, errorCode, fieldErrorsOf, tenantChoicesFromError } from './errors';

const t = (key: Parameters<typeof translate>[1]) => translate('en', key);

function graphQLError(extensions: Record<string, unknown>, message = 'failed') {
  return new CombinedGraphQLErrors({ data: null, errors: [{ message, extensions }] });
}

describe('login errors', () => {
  it('offers the tenants the server lists for a multi-tenant user', () => {
    const error = graphQLError({
      code: 'BAD_USER_INPUT',
      fields: { tenantSlug: ['Choose one of your tenants'] },
      tenants: [
        { slug: 'acme', name: 'Acme', role: 'ADMIN' },
        { slug: 'globex', name: 'Globex', role: 'AGENT' },
        { slug: 'broken' },
      ],
    });
    expect(tenantChoicesFromError(error)).toEqual([
      { slug: 'acme', name: 'Acme', role: 'ADMIN' },
      { slug: 'globex', name: 'Globex', role: 'AGENT' },
    ]);
  });

  it('offers nothing for other errors', () => {
    expect(tenantChoicesFromError(graphQLError({ code: 'BAD_USER_INPUT', fields: {} }))).toBeNull();
    expect(tenantChoicesFromError(graphQLError({ code: 'UNAUTHENTICATED' }))).toBeNull();
    expect(tenantChoicesFromError(new TypeError('Failed to fetch'))).toBeNull();
  });

  it('reads codes from JSON bodies of non-2xx responses', () => {
    const bodyText = JSON.stringify({ errors: [{ message: 'Invalid access token', extensions: { code: 'UNAUTHENTICATED' } }] });
    const error = new ServerError('401', { response: new Response(bodyText, { status: 401 }), bodyText });
    expect(errorCode(error)).toBe('UNAUTHENTICATED');
  });

  it('describes errors for people', () => {
    expect(describeError(graphQLError({ code: 'UNAUTHENTICATED' }), t, { UNAUTHENTICATED: 'login.invalidCredentials' })).toBe(
      'The email or password is incorrect.',
    );
    expect(describeError(graphQLError({ code: 'RATE_LIMITED' }), t)).toBe(t('error.rateLimited'));
    expect(describeError(graphQLError({ code: 'BAD_USER_INPUT' }, 'tenantSlug: You are not a member'), t)).toBe('tenantSlug: You are not a member');
    expect(describeError(graphQLError({ code: 'INTERNAL_SERVER_ERROR' }, 'Internal server error'), t)).toBe(t('error.unexpected'));
    expect(describeError(new TypeError('Failed to fetch'), t)).toBe(t('error.network'));
  });

  it('reads per-field messages and the current version', () => {
    const invalid = graphQLError({ code: 'BAD_USER_INPUT', fields: { title: ['must be between 3 and 200 characters'], tags: 'oops' } });
    expect(fieldErrorsOf(invalid)).toEqual({ title: ['must be between 3 and 200 characters'] });
    expect(fieldErrorsOf(new TypeError('Failed to fetch'))).toEqual({});
    expect(conflictVersionOf(graphQLError({ code: 'CONFLICT', currentVersion: 7 }))).toBe(7);
    expect(conflictVersionOf(invalid)).toBeNull();
    expect(describeError(graphQLError({ code: 'CONFLICT', currentVersion: 7 }, 'Version mismatch'), t)).toBe(t('error.conflict'));
  });
});
