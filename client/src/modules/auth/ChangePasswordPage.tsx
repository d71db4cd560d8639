import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../../app/i18n';
import { useChangePasswordMutation } from '../../generated/graphql';
import { describeError } from './errors';
import { useSessionActions } from './session-actions';

/** Kept in step with the API's ChangePasswordInput validation. */
export const MIN_PASSWORD_LENGTH = 10;

/** Shown instead of the app while the user's password is temporary. */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const ids = useId();
  const { startSession } = useSessionActions();
  const [changePassword, { loading }] = useChangePasswordMutation();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (newPassword.length < MIN_PASSWORD_LENGTH) return setError(t('password.tooShort', { min: MIN_PASSWORD_LENGTH }));
    if (newPassword !== confirmation) return setError(t('password.mismatch'));
    setError(null);
    try {
      const { data } = await changePassword({ variables: { input: { currentPassword, newPassword } } });
      if (!data) throw new Error('No data in the changePassword response');
      await startSession(data.changePassword);
    } catch (caught) {
      setError(describeError(caught, t));
    }
  };

  return (
    <section className="panel panel--narrow">
      <h1>{t('password.title')}</h1>
      <p className="muted">{t('password.intro')}</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <label htmlFor={`${ids}-current`}>{t('password.current')}</label>
        <input
          id={`${ids}-current`}
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.target.value)}
        />
        <label htmlFor={`${ids}-new`}>{t('password.new')}</label>
        <input
          id={`${ids}-new`}
          type="password"
          autoComplete="new-password"
          aria-describedby={`${ids}-hint`}
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
        />
        <small id={`${ids}-hint`} className="muted">
          {t('password.hint', { min: MIN_PASSWORD_LENGTH })}
        </small>
        <label htmlFor={`${ids}-confirm`}>{t('password.confirm')}</label>
        <input
          id={`${ids}-confirm`}
          type="password"
          autoComplete="new-password"
          value={confirmation}
          onChange={(e) => setConfirmation(e.target.value)}
        />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={loading || !currentPassword || !newPassword}>
          {loading ? t('password.submitting') : t('password.submit')}
        </button>
      </form>
    </section>
  );
}
