import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { describeError, fieldErrorsOf } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { RequestPasswordResetDocument, type RequestPasswordResetMutation, type RequestPasswordResetMutationVariables } from '../../../generated/graphql';
import { AuthCard } from './AuthCard';

/** `/forgot-password`: asks for a reset link. The answer is the same whether the address has an account or not. */
export function ForgotPasswordPage() {
  const { t } = useI18n();
  const [request, { loading }] = useMutation<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>(RequestPasswordResetDocument);
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    try {
      await request({ variables: { email: email.trim() }, context: { skipAuth: true } });
      setSentTo(email.trim());
    } catch (caught) {
      setError(fieldErrorsOf(caught).email?.[0] ?? describeError(caught, t));
    }
  };

  return (
    <AuthCard title={t('forgot.title')} intro={t('forgot.intro')}>
      {sentTo ? (
        <Stack gap="sm">
          <Alert color="green" role="status">
            {t('forgot.sent', { email: sentTo })}
          </Alert>
          <Anchor component={Link} to="/login" size="sm">
            {t('forgot.back')}
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            <TextInput label={t('login.email')} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Button type="submit" loading={loading} disabled={!email.trim()} fullWidth>
              {t('forgot.submit')}
            </Button>
            <Anchor component={Link} to="/login" size="sm">
              {t('forgot.back')}
            </Anchor>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
