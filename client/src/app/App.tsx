import { useMeQuery } from '../generated/graphql';
import { AppHeader } from '../modules/auth/AppHeader';
import { ChangePasswordPage } from '../modules/auth/ChangePasswordPage';
import { describeError } from '../modules/auth/errors';
import { LoginPage } from '../modules/auth/LoginPage';
import { HomePage } from '../modules/home/HomePage';
import { useI18n } from './i18n';
import { sessionIdentity, useSession } from './session';

export function App() {
  const session = useSession();
  if (!session) return <LoginPage />;
  // A new user, tenant or password state remounts everything below, so no state outlives it.
  return <SignedInApp key={`${sessionIdentity(session)}:${session.mustChangePassword ? 'temporary-password' : 'ok'}`} />;
}

function SignedInApp() {
  const { t } = useI18n();
  const { data, loading, error, refetch } = useMeQuery({ notifyOnNetworkStatusChange: true });
  const me = data?.me;

  let content;
  if (me) {
    content = me.mustChangePassword ? <ChangePasswordPage /> : <HomePage me={me} />;
  } else if (error) {
    content = (
      <section className="panel panel--narrow">
        <p className="error" role="alert">
          {describeError(error, t)}
        </p>
        <button type="button" className="button" onClick={() => void refetch()} disabled={loading}>
          {t('error.retry')}
        </button>
      </section>
    );
  } else {
    content = (
      <p className="loading" aria-busy="true">
        {t('app.loading')}
      </p>
    );
  }

  return (
    <div className="app">
      <AppHeader me={me} />
      <main className="app-main">{content}</main>
    </div>
  );
}
