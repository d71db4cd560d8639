import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { describeError, fieldErrorsOf } from '../../../app/errors';
import { getLanguage, useI18n } from '../../../app/i18n';
import { SignUpDocument, type SignUpMutation, type SignUpMutationVariables } from '../../../generated/graphql';
import { errorReason, reasonMessage } from '../account-errors';
import { MIN_PASSWORD_LENGTH } from './ChangePasswordPage';
import { AuthCard } from './AuthCard';

/** A slug suggested from the workspace name: "Kopi Nusantara" → "kopi-nusantara". */
export function slugFrom(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

type Field = 'workspaceName' | 'slug' | 'name' | 'email' | 'password';

/** `/signup`: a new workspace with the visitor as its admin; then a confirmation mail. */
export function SignUpPage() {
  const { t } = useI18n();
  const [signUp, { loading }] = useMutation<SignUpMutation, SignUpMutationVariables>(SignUpDocument);
  const [values, setValues] = useState<Record<Field, string>>({ workspaceName: '', slug: '', name: '', email: '', password: '' });
  const [slugEdited, setSlugEdited] = useState(false);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<SignUpMutation['signUp'] | null>(null);

  const set = (field: Field, value: string) =>
    setValues((v) => ({ ...v, [field]: value, ...(field === 'workspaceName' && !slugEdited ? { slug: slugFrom(value) } : {}) }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    setFields({});
    if (values.password.length < MIN_PASSWORD_LENGTH) return setFields({ password: [t('password.tooShort', { min: MIN_PASSWORD_LENGTH })] });
    try {
      const { data } = await signUp({
        variables: { input: { ...values, email: values.email.trim(), locale: getLanguage() } },
        context: { skipAuth: true },
      });
      if (data) setDone(data.signUp);
    } catch (caught) {
      const perField = fieldErrorsOf(caught);
      setFields(perField);
      const reason = reasonMessage(errorReason(caught));
      setError(reason ? t(reason) : Object.keys(perField).length ? t('common.fixErrors') : describeError(caught, t));
    }
  };

  const input = (field: Field, label: string, extra: Record<string, unknown> = {}) => ({
    label,
    required: true,
    value: values[field],
    error: fields[field]?.join(', '),
    onChange: (e: { currentTarget: { value: string } }) => set(field, e.currentTarget.value),
    ...extra,
  });

  return (
    <AuthCard title={t('signup.title')} intro={done ? undefined : t('signup.intro')} width={460}>
      {done ? (
        <Alert color="green" role="status">
          {t('signup.checkMail', { email: done.email, workspace: done.tenant.name })}
        </Alert>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            <TextInput {...input('workspaceName', t('signup.workspaceName'), { description: t('signup.workspaceHint'), autoComplete: 'organization' })} />
            <TextInput
              {...input('slug', t('signup.slug'), { description: t('signup.slugHint') })}
              onChange={(e) => {
                setSlugEdited(true);
                set('slug', e.currentTarget.value);
              }}
            />
            <TextInput {...input('name', t('signup.name'), { autoComplete: 'name' })} />
            <TextInput {...input('email', t('login.email'), { type: 'email', autoComplete: 'email' })} />
            <PasswordInput {...input('password', t('login.password'), { description: t('password.hint', { min: MIN_PASSWORD_LENGTH }), autoComplete: 'new-password' })} />
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Button type="submit" loading={loading} fullWidth>
              {t('signup.submit')}
            </Button>
            <Anchor component={Link} to="/login" size="sm">
              {t('signup.haveAccount')}
            </Anchor>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
