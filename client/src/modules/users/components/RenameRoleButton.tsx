import { useMutation } from '@apollo/client/react';
import { Button, Group, Popover, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { describeError, fieldErrorsOf } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { UpdateRoleDocument, type RoleRowFragment } from '../../../generated/graphql';

/** Renames a custom role in a small popover. */
export function RenameRoleButton({ role }: { role: RoleRowFragment }) {
  const { t } = useI18n();
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState(role.name);
  const [error, setError] = useState<string | null>(null);
  const [update, { loading }] = useMutation(UpdateRoleDocument);
  const save = async () => {
    setError(null);
    try {
      await update({ variables: { id: role.id, input: { name: name.trim() } } });
      notifications.show({ color: 'green', message: t('roles.renamed', { name: name.trim() }) });
      setOpened(false);
    } catch (caught) {
      const fields = fieldErrorsOf(caught);
      setError(fields.name?.join(' ') ?? describeError(caught, t));
    }
  };
  return (
    <Popover opened={opened} onChange={setOpened} trapFocus position="bottom-start" withinPortal>
      <Popover.Target>
        <Button
          size="compact-xs"
          variant="subtle"
          aria-label={t('roles.renameOf', { name: role.name })}
          onClick={() => {
            setName(role.name);
            setOpened((o) => !o);
          }}
        >
          {t('roles.rename')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Stack gap="xs">
            <TextInput label={t('roles.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={error} maxLength={60} required data-autofocus />
            <Group justify="flex-end" gap="xs">
              <Button size="xs" variant="default" onClick={() => setOpened(false)}>
                {t('common.cancel')}
              </Button>
              <Button size="xs" type="submit" loading={loading}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
