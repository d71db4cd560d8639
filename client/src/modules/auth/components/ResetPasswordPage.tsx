import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeError, errorCode, fieldErrorsOf } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { ResetPasswordDocument, type ResetPasswordMutation, type ResetPasswordMutationVariables } from '../../../generated/graphql';
import { MIN_PASSWORD_LENGTH } from './ChangePasswordPage';
import { AuthCard } from './AuthCard';

/** `/reset-password?token=…`: the link from the reset (or invitation) mail. */
export function ResetPasswordPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const invite = params.get('invite') === '1';
  const [reset, { loading }] = useMutation<ResetPasswordMutation, ResetPasswordMutationVariables>(ResetPasswordDocument);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(!token);
  const [done, setDone] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (password.length < MIN_PASSWORD_LENGTH) return setError(t('password.tooShort', { min: MIN_PASSWORD_LENGTH }));
    if (password !== confirmation) return setError(t('password.mismatch'));
    setError(null);
    try {
      await reset({ variables: { token, newPassword: password }, context: { skipAuth: true } });
      setDone(true);
    } catch (caught) {
      const fields = fieldErrorsOf(caught);
      if (errorCode(caught) === 'BAD_USER_INPUT' && fields.token) setInvalid(true);
      else setError(fields.newPassword?.[0] ?? describeError(caught, t));
    }
  };

  return (
    <AuthCard title={invite ? t('reset.inviteTitle') : t('reset.title')} intro={done || invalid ? undefined : t('reset.intro')}>
      {done ? (
        <Stack gap="sm">
          <Alert color="green" role="status">
            {t('reset.done')}
          </Alert>
          <Button component={Link} to="/login" fullWidth>
            {t('reset.signIn')}
          </Button>
        </Stack>
      ) : invalid ? (
        <Stack gap="sm">
          <Alert color="red" role="alert">
            {token ? t('reset.invalid') : t('reset.missingToken')}
          </Alert>
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('reset.askAgain')}
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            <PasswordInput
              label={t('password.new')}
              description={t('password.hint', { min: MIN_PASSWORD_LENGTH })}
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <PasswordInput label={t('password.confirm')} autoComplete="new-password" value={confirmation} onChange={(e) => setConfirmation(e.currentTarget.value)} />
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Button type="submit" loading={loading} disabled={!password || !confirmation} fullWidth>
              {t('reset.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
