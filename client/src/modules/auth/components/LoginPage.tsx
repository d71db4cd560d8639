import { useMutation } from '@apollo/client/react';
import { Alert, Anchor, Button, Center, Group, Paper, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { describeError, tenantChoicesFromError, type TenantChoice } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { LanguageSwitch } from '../../../app/layout/LanguageSwitch';
import { sessionStore } from '../../../app/session';
import { LoginDocument } from '../../../generated/graphql';
import { useSessionActions } from '../hooks/useSessionActions';
import { errorReason, reasonMessage } from '../account-errors';

/** Sign-in with email and password; users of several organizations pick one. */
export function LoginPage() {
  const { t } = useI18n();
  const { startSession } = useSessionActions();
  const [login, { loading }] = useMutation(LoginDocument);
  const [email, setEmail] = useState(() => new URLSearchParams(window.location.search).get('email') ?? '');
  const [password, setPassword] = useState('');
  const [tenants, setTenants] = useState<TenantChoice[] | null>(null);
  const [tenantSlug, setTenantSlug] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sessionEnded] = useState(() => sessionStore.endReason === 'expired');
  const [suspended] = useState(() => sessionStore.endReason === 'suspended');

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
      const reason = reasonMessage(errorReason(caught));
      setError(reason ? t(reason) : describeError(caught, t, { UNAUTHENTICATED: 'login.invalidCredentials' }));
    }
  };

  const resetAccount = () => {
    setTenants(null);
    setTenantSlug('');
    setPassword('');
    setError(null);
  };

  return (
    <Center mih="100vh" p="md" className="login-page">
      <Paper withBorder shadow="md" radius="md" p="xl" w={400} maw="100%">
        <Group justify="space-between" mb="lg">
          <Text fw={800} size="lg" c="indigo.7">
            {t('app.name')}
          </Text>
          <LanguageSwitch />
        </Group>
        <Title order={1} size="h2">
          {t('login.title')}
        </Title>
        <Text c="dimmed" size="sm" mb="md">
          {t('login.subtitle')}
        </Text>

        {suspended && !error && (
          <Alert color="red" mb="md" role="alert">
            {t('login.suspended')}
          </Alert>
        )}
        {sessionEnded && !error && (
          <Alert color="yellow" mb="md">
            {t('login.sessionEnded')}
          </Alert>
        )}

        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            <TextInput
              label={t('login.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              readOnly={!!tenants}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <PasswordInput
              label={t('login.password')}
              autoComplete="current-password"
              required
              value={password}
              readOnly={!!tenants}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            {tenants && (
              <>
                <Alert color="blue">{t('login.chooseTenant')}</Alert>
                <Select
                  label={t('login.tenant')}
                  value={tenantSlug}
                  allowDeselect={false}
                  onChange={(value) => value && setTenantSlug(value)}
                  data={tenants.map((tenant) => ({ value: tenant.slug, label: `${tenant.name} · ${t(`role.${tenant.role}`)}` }))}
                  autoFocus
                />
              </>
            )}
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Button type="submit" loading={loading} disabled={!email || !password} fullWidth>
              {t('login.submit')}
            </Button>
            {tenants && (
              <Anchor component="button" type="button" size="sm" onClick={resetAccount}>
                {t('login.otherAccount')}
              </Anchor>
            )}
            {!tenants && (
              <Group justify="space-between" gap="xs">
                <Anchor component={Link} to="/forgot-password" size="sm">
                  {t('login.forgot')}
                </Anchor>
                <Anchor component={Link} to="/signup" size="sm">
                  {t('login.signUp')}
                </Anchor>
              </Group>
            )}
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
