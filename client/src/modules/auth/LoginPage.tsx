import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../../app/i18n';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { sessionStore } from '../../app/session';
import { useLoginMutation } from '../../generated/graphql';
import { describeError, tenantChoicesFromError, type TenantChoice } from './errors';
import { useSessionActions } from './session-actions';

export function LoginPage() {
  const { t } = useI18n();
  const ids = useId();
  const { startSession } = useSessionActions();
  const [login, { loading }] = useLoginMutation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [tenants, setTenants] = useState<TenantChoice[] | null>(null);
  const [tenantSlug, setTenantSlug] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sessionEnded] = useState(() => sessionStore.endReason === 'expired');

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    try {
      const { data } = await login({
        variables: { input: { email: email.trim(), password, tenantSlug: tenants ? tenantSlug : undefined } },
        context: { skipAuth: true },
      });
      if (!data) throw new Error('No data in the sign-in response');
      await startSession(data.login);
    } catch (caught) {
      const choices = tenantChoicesFromError(caught);
      if (choices) {
        setTenants(choices);
        setTenantSlug((current) => (choices.some((c) => c.slug === current) ? current : choices[0].slug));
        return;
      }
      setError(describeError(caught, t, { UNAUTHENTICATED: 'login.invalidCredentials' }));
    }
  };

  const resetAccount = () => {
    setTenants(null);
    setTenantSlug('');
    setPassword('');
    setError(null);
  };

  return (
    <main className="auth-page">
      <div className="auth-card">
        <div className="auth-card__top">
          <span className="brand">{t('app.name')}</span>
          <LanguageSwitch />
        </div>
        <h1>{t('login.title')}</h1>
        <p className="muted">{t('login.subtitle')}</p>

        {sessionEnded && !error && <p className="notice">{t('login.sessionEnded')}</p>}

        <form className="form" onSubmit={onSubmit} noValidate>
          <label htmlFor={`${ids}-email`}>{t('login.email')}</label>
          <input
            id={`${ids}-email`}
            type="email"
            autoComplete="username"
            required
            value={email}
            readOnly={!!tenants}
            onChange={(e) => setEmail(e.target.value)}
          />

          <label htmlFor={`${ids}-password`}>{t('login.password')}</label>
          <input
            id={`${ids}-password`}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            readOnly={!!tenants}
            onChange={(e) => setPassword(e.target.value)}
          />

          {tenants && (
            <>
              <p className="notice">{t('login.chooseTenant')}</p>
              <label htmlFor={`${ids}-tenant`}>{t('login.tenant')}</label>
              <select id={`${ids}-tenant`} value={tenantSlug} onChange={(e) => setTenantSlug(e.target.value)} autoFocus>
                {tenants.map((tenant) => (
                  <option key={tenant.slug} value={tenant.slug}>
                    {tenant.name} · {t(`role.${tenant.role}`)}
                  </option>
                ))}
              </select>
            </>
          )}

          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}

          <button type="submit" className="button button--primary" disabled={loading || !email || !password}>
            {loading ? t('login.submitting') : t('login.submit')}
          </button>
          {tenants && (
            <button type="button" className="button button--link" onClick={resetAccount}>
              {t('login.otherAccount')}
            </button>
          )}
        </form>
      </div>
    </main>
  );
}
