import { Avatar, Indicator, Tooltip, type MantineSize } from '@mantine/core';
import { initials } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { PRESENCE_COLORS, usePresenceOf } from '../hooks/usePresence';

interface PersonAvatarProps {
  person: { id: string; name: string; email?: string } | null | undefined;
  size?: MantineSize;
  /** Show the person's presence as a dot (staff viewers only know it). */
  withPresence?: boolean;
}

/** Initials in a circle, with a presence dot for agents. */
export function PersonAvatar({ person, size = 'sm', withPresence = true }: PersonAvatarProps) {
  const { t } = useI18n();
  const status = usePresenceOf(withPresence ? person?.id : undefined);
  if (!person) return null;
  const avatar = (
    <Avatar size={size} radius="xl" color="indigo" variant="light">
      {initials(person.name || person.email || '?')}
    </Avatar>
  );
  const label = status ? `${person.name} · ${t(`presence.${status}`)}` : person.name;
  return (
    <Tooltip label={label} withinPortal>
      {status ? (
        <Indicator color={PRESENCE_COLORS[status]} size={9} offset={4} position="bottom-end" withBorder data-presence={status}>
          {avatar}
        </Indicator>
      ) : (
        avatar
      )}
    </Tooltip>
  );
}
