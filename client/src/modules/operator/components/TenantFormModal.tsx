import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { describeError, fieldErrorsOf } from '../../../app/errors';
import { getLanguage, useI18n } from '../../../app/i18n';
import { slugFrom } from '../../auth/components/SignUpPage';

export interface TenantFormValues {
  name: string;
  slug: string;
  adminEmail: string;
  adminName: string;
  locale: string;
}

/** Creates a tenant (name, short name, first admin) or, with `renaming`, renames one. */
export function TenantFormModal({
  opened,
  renaming,
  onClose,
  onSubmit,
}: {
  opened: boolean;
  renaming?: { name: string } | null;
  onClose: () => void;
  onSubmit: (values: TenantFormValues) => Promise<unknown>;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState<TenantFormValues>({ name: renaming?.name ?? '', slug: '', adminEmail: '', adminName: '', locale: getLanguage() });
  const [slugEdited, setSlugEdited] = useState(false);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    try {
      await onSubmit(values);
      onClose();
    } catch (caught) {
      const perField = fieldErrorsOf(caught);
      setFields(perField);
      setError(Object.keys(perField).length ? t('common.fixErrors') : describeError(caught, t));
    } finally {
      setBusy(false);
    }
  };
  const field = (key: keyof TenantFormValues, label: string) => ({
    label,
    required: true,
    value: values[key],
    error: fields[key]?.join(', '),
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [key]: value, ...(key === 'name' && !slugEdited && !renaming ? { slug: slugFrom(value) } : {}) }));
    },
  });

  return (
    <Modal opened={opened} onClose={onClose} title={renaming ? t('tenants.renameLabel', { name: renaming.name }) : t('tenants.create')}>
      <form onSubmit={submit} noValidate data-testid="tenant-form">
        <Stack gap="sm">
          <TextInput {...field('name', t('tenants.name'))} data-autofocus />
          {!renaming && (
            <>
              <TextInput
                {...field('slug', t('tenants.slug'))}
                description={t('signup.slugHint')}
                onChange={(e) => {
                  setSlugEdited(true);
                  const value = e.currentTarget.value;
                  setValues((v) => ({ ...v, slug: value }));
                }}
              />
              <TextInput {...field('adminEmail', t('tenants.adminEmail'))} type="email" description={t('tenants.adminHint')} />
              <TextInput {...field('adminName', t('tenants.adminName'))} />
            </>
          )}
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {renaming ? t('common.save') : t('tenants.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
