import { Alert, Button, Loader, Stack } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { VerifyEmailDocument, type VerifyEmailMutation, type VerifyEmailMutationVariables } from '../../../generated/graphql';
import { AuthCard } from './AuthCard';

/** `/verify-email?token=…`: confirms the address once (the token is single-use), then offers sign-in. */
export function VerifyEmailPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [verify] = useMutation<VerifyEmailMutation, VerifyEmailMutationVariables>(VerifyEmailDocument);
  const [state, setState] = useState<{ email: string } | 'working' | 'invalid'>(token ? 'working' : 'invalid');
  const started = useRef(false);

  useEffect(() => {
    if (!token || started.current) return;
    started.current = true;
    verify({ variables: { token }, context: { skipAuth: true } })
      .then(({ data }) => setState(data ? { email: data.verifyEmail.email } : 'invalid'))
      .catch(() => setState('invalid'));
  }, [token, verify]);

  return (
    <AuthCard title={t('verify.title')}>
      {state === 'working' ? (
        <Stack align="center" aria-busy="true">
          <Loader aria-label={t('verify.working')} />
        </Stack>
      ) : state === 'invalid' ? (
        <Alert color="red" role="alert">
          {t('verify.invalid')}
        </Alert>
      ) : (
        <Stack gap="sm">
          <Alert color="green" role="status">
            {t('verify.done', { email: state.email })}
          </Alert>
          <Button component={Link} to={`/login?email=${encodeURIComponent(state.email)}`} fullWidth>
            {t('reset.signIn')}
          </Button>
        </Stack>
      )}
    </AuthCard>
  );
}
