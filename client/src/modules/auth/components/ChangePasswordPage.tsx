import { useMutation } from '@apollo/client/react';
import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { describeError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { ChangePasswordDocument } from '../../../generated/graphql';
import { useSessionActions } from '../hooks/useSessionActions';

/** Kept in step with the API's ChangePasswordInput validation. */
export const MIN_PASSWORD_LENGTH = 10;

/** Shown instead of the app while the password is temporary, and from the user menu. */
export function ChangePasswordPage({ required = false }: { required?: boolean }) {
  const { t } = useI18n();
  const { startSession } = useSessionActions();
  const [changePassword, { loading }] = useMutation(ChangePasswordDocument);
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
      notifications.show({ color: 'green', message: t('password.changed') });
    } catch (caught) {
      setError(describeError(caught, t));
    }
  };

  return (
    <Paper withBorder radius="md" p="xl" maw={440} mx="auto" mt="lg">
      <Title order={1} size="h3">
        {t('password.title')}
      </Title>
      <Text c="dimmed" size="sm" mb="md">
        {required ? t('password.intro') : t('password.introVoluntary')}
      </Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <PasswordInput
            label={t('password.current')}
            autoComplete="current-password"
            value={currentPassword}
            onChange={(e) => setCurrentPassword(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('password.new')}
            description={t('password.hint', { min: MIN_PASSWORD_LENGTH })}
            autoComplete="new-password"
            value={newPassword}
            onChange={(e) => setNewPassword(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('password.confirm')}
            autoComplete="new-password"
            value={confirmation}
            onChange={(e) => setConfirmation(e.currentTarget.value)}
          />
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Button type="submit" loading={loading} disabled={!currentPassword || !newPassword}>
            {t('password.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
