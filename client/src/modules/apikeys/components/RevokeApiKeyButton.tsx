import { useMutation } from '@apollo/client/react';
import { Button, Group, Popover, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { describeError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { RevokeApiKeyDocument, type ApiKeyFieldsFragment } from '../../../generated/graphql';

/** Revokes a key after a confirmation: it stops working at once, for good. */
export function RevokeApiKeyButton({ apiKey }: { apiKey: ApiKeyFieldsFragment }) {
  const { t } = useI18n();
  const [opened, setOpened] = useState(false);
  const [revoke, { loading }] = useMutation(RevokeApiKeyDocument);

  const onConfirm = async () => {
    try {
      // The answer carries revokedAt: the cached key (and its row) updates by itself.
      await revoke({ variables: { id: apiKey.id } });
      setOpened(false);
      notifications.show({ color: 'green', message: t('apiKeys.revoked', { name: apiKey.name }) });
    } catch (error) {
      notifications.show({ color: 'red', message: describeError(error, t) });
    }
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" withArrow trapFocus>
      <Popover.Target>
        <Button size="compact-sm" variant="subtle" color="red" onClick={() => setOpened((o) => !o)} aria-label={t('apiKeys.revokeNamed', { name: apiKey.name })}>
          {t('apiKeys.revoke')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown maw={300} data-testid="revoke-confirm">
        <Text size="sm" mb="sm">
          {t('apiKeys.revokeConfirm', { name: apiKey.name })}
        </Text>
        <Group justify="flex-end">
          <Button size="xs" variant="default" onClick={() => setOpened(false)}>
            {t('common.cancel')}
          </Button>
          <Button size="xs" color="red" loading={loading} onClick={() => void onConfirm()}>
            {t('apiKeys.revoke')}
          </Button>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
