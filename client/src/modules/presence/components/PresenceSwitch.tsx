import { useMutation } from '@apollo/client/react';
import { ColorSwatch, Group, Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { describeError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useViewer } from '../../../app/viewer';
import { PresenceStatus, SetPresenceDocument } from '../../../generated/graphql';
import { PRESENCE_COLORS, usePresenceOf } from '../hooks/usePresence';
import { rememberPresence, sendInOrder } from '../hooks/usePresenceSync';

const CHOICES = [PresenceStatus.Online, PresenceStatus.Away, PresenceStatus.Busy];

/** Staff set themselves online, away or busy; everyone on the team sees it live. */
export function PresenceSwitch({ fullWidth = false }: { fullWidth?: boolean }) {
  const { t } = useI18n();
  const viewer = useViewer();
  const current = usePresenceOf(viewer.userId) ?? PresenceStatus.Online;
  const [setPresence, { loading }] = useMutation(SetPresenceDocument);

  const onChange = async (value: string | null) => {
    if (!value || value === current) return;
    const status = value as PresenceStatus;
    rememberPresence(status);
    try {
      await sendInOrder(() => setPresence({ variables: { status } }));
    } catch (caught) {
      notifications.show({ color: 'red', message: describeError(caught, t) });
    }
  };

  const shown = current === PresenceStatus.Offline ? PresenceStatus.Online : current;
  return (
    <Select
      size="xs"
      // Wide enough for the longest status in every language ("Sedang pergi").
      w={fullWidth ? '100%' : 150}
      comboboxProps={{ width: 'max-content', position: 'bottom-end' }}
      aria-label={t('header.presence')}
      data-testid="presence-switch"
      value={shown}
      disabled={loading}
      allowDeselect={false}
      leftSection={<ColorSwatch size={10} color={`var(--mantine-color-${PRESENCE_COLORS[shown]}-6)`} />}
      onChange={(value) => void onChange(value)}
      data={CHOICES.map((status) => ({ value: status, label: t(`presence.${status}`) }))}
      renderOption={({ option }) => (
        <Group gap="xs">
          <ColorSwatch size={10} color={`var(--mantine-color-${PRESENCE_COLORS[option.value as PresenceStatus]}-6)`} />
          {option.label}
        </Group>
      )}
    />
  );
}
