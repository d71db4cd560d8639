import { useId, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { sessionStore } from '../../app/session';
import { useLogoutMutation, useSwitchTenantMutation, type MeQuery } from '../../generated/graphql';
import { describeError } from './errors';
import { useSessionActions } from './session-actions';

interface AppHeaderProps {
  me: MeQuery['me'] | undefined;
}

/** Signed-in user, tenant and role, a tenant switch for users with several memberships, and sign-out. */
export function AppHeader({ me }: AppHeaderProps) {
  const { t } = useI18n();
  const id = useId();
  const { startSession, endSession } = useSessionActions();
  const [switchTenant, { loading: switching }] = useSwitchTenantMutation();
  const [logout, { loading: signingOut }] = useLogoutMutation();
  const [error, setError] = useState<string | null>(null);

  const onSwitch = async (tenantSlug: string) => {
    if (!me || tenantSlug === me.tenant.slug) return;
    setError(null);
    try {
      const { data } = await switchTenant({ variables: { tenantSlug } });
      if (!data) throw new Error('No data in the switchTenant response');
      await startSession(data.switchTenant);
    } catch (caught) {
      setError(describeError(caught, t));
    }
  };

  const onSignOut = async () => {
    try {
      // Revokes this session's refresh token on the server; sign out locally whatever happens.
      await logout({ variables: { refreshToken: sessionStore.get()?.refreshToken ?? null } });
    } catch {
      // already signed out, or the server is unreachable
    }
    await endSession();
  };

  const canSwitch = !!me && me.memberships.length > 1 && !me.mustChangePassword;

  return (
    <header className="app-header">
      <span className="brand">{t('app.name')}</span>
      <div className="app-header__context">
        {me &&
          (canSwitch ? (
            <span className="inline-field">
              <label htmlFor={`${id}-tenant`} className="visually-hidden">
                {t('header.switchTenant')}
              </label>
              <select
                id={`${id}-tenant`}
                title={t('header.switchTenant')}
                value={me.tenant.slug}
                disabled={switching}
                onChange={(e) => void onSwitch(e.target.value)}
              >
                {me.memberships.map((membership) => (
                  <option key={membership.tenant.slug} value={membership.tenant.slug}>
                    {membership.tenant.name}
                  </option>
                ))}
              </select>
            </span>
          ) : (
            <span className="tenant-name" title={t('header.tenant')}>
              {me.tenant.name}
            </span>
          ))}
        {me && (
          <span className="badge" title={t('header.role')}>
            {t(`role.${me.role}`)}
          </span>
        )}
        {error && (
          <span className="error error--inline" role="alert">
            {error}
          </span>
        )}
      </div>
      <div className="app-header__user">
        {me && (
          <span className="user" title={me.user.email}>
            <span className="avatar" aria-hidden="true">
              {initials(me.user.name || me.user.email)}
            </span>
            <span className="user__name">{me.user.name}</span>
          </span>
        )}
        <LanguageSwitch />
        <button type="button" className="button" onClick={() => void onSignOut()} disabled={signingOut}>
          {signingOut ? t('header.signingOut') : t('header.signOut')}
        </button>
      </div>
    </header>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1][0] ?? '') : '')).toUpperCase() || '?';
}
