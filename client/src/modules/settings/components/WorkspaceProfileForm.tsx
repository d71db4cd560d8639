import { useMutation } from '@apollo/client/react';
import { Button, ColorInput, Group, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { placeErrors, type FieldErrors } from '../../../app/form-errors';
import { useI18n } from '../../../app/i18n';
import { MeDocument, UpdateWorkspaceSettingsDocument, WorkspaceSettingsDocument, type WorkspaceSettingsQuery } from '../../../generated/graphql';

type Settings = WorkspaceSettingsQuery['workspaceSettings'];
const FIELDS = ['name', 'logoUrl', 'defaultLocale', 'timezone', 'widgetColor', 'widgetGreeting', 'widgetGreetingIndonesian'] as const;
const TIMEZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC', 'Asia/Jakarta'];

/** The workspace profile: name and logo (the header), default language and timezone, the chat widget's colour and greeting. */
export function WorkspaceProfileForm({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  const [form, setForm] = useState({
    name: settings.name,
    logoUrl: settings.logoUrl ?? '',
    defaultLocale: settings.defaultLocale,
    timezone: settings.timezone,
    widgetColor: settings.widgetColor ?? '',
    widgetGreeting: settings.widgetGreeting ?? '',
    widgetGreetingIndonesian: settings.widgetGreetingIndonesian ?? '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [save, saving] = useMutation(UpdateWorkspaceSettingsDocument, {
    refetchQueries: [{ query: MeDocument }],
    update: (cache, { data }) => {
      if (data) cache.writeQuery({ query: WorkspaceSettingsDocument, data: { workspaceSettings: data.updateWorkspaceSettings } });
    },
  });
  const set = (field: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [field]: value }));
  const error = (field: string) => errors[field]?.join(' ');
  const submit = async () => {
    setErrors({});
    try {
      await save({ variables: { input: { ...form, name: form.name.trim() } } });
      notifications.show({ color: 'green', message: t('workspace.saved') });
    } catch (caught) {
      const placed = placeErrors(caught, FIELDS, t);
      setErrors(placed.fields);
      if (placed.message) notifications.show({ color: 'red', message: placed.message });
    }
  };
  return (
    <form
      aria-label={t('workspace.profile')}
      data-testid="workspace-profile"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('workspace.name')} value={form.name} onChange={(e) => set('name')(e.currentTarget.value)} error={error('name')} required maxLength={200} />
          <TextInput label={t('workspace.logoUrl')} description={t('workspace.logoUrlHint')} value={form.logoUrl} onChange={(e) => set('logoUrl')(e.currentTarget.value)} error={error('logoUrl')} type="url" maxLength={500} />
          <Select
            label={t('workspace.defaultLocale')}
            description={t('workspace.defaultLocaleHint')}
            value={form.defaultLocale}
            allowDeselect={false}
            onChange={(v) => v && set('defaultLocale')(v)}
            data={[
              { value: 'en', label: 'English' },
              { value: 'id', label: 'Bahasa Indonesia' },
            ]}
            error={error('defaultLocale')}
          />
          <Select label={t('workspace.timezone')} value={form.timezone} searchable allowDeselect={false} onChange={(v) => v && set('timezone')(v)} data={[...new Set(['UTC', ...TIMEZONES])]} error={error('timezone')} />
          <ColorInput label={t('workspace.widgetColor')} description={t('workspace.widgetColorHint')} value={form.widgetColor} onChange={set('widgetColor')} format="hex" error={error('widgetColor')} eyeDropperButtonProps={{ 'aria-label': t('workspace.pickColor') }} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Textarea label={t('workspace.widgetGreeting')} value={form.widgetGreeting} onChange={(e) => set('widgetGreeting')(e.currentTarget.value)} error={error('widgetGreeting')} maxLength={300} autosize minRows={2} />
          <Textarea label={t('workspace.widgetGreetingIndonesian')} value={form.widgetGreetingIndonesian} onChange={(e) => set('widgetGreetingIndonesian')(e.currentTarget.value)} error={error('widgetGreetingIndonesian')} maxLength={300} autosize minRows={2} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={saving.loading} data-testid="save-workspace-profile">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
