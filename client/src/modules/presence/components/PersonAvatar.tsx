import { Avatar, Indicator, Tooltip, type MantineSize } from '@mantine/core';
import { initials } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { PRESENCE_COLORS, usePresenceOf } from '../hooks/usePresence';

interface Person {
  id: string;
  name: string;
  email?: string;
}

interface PersonAvatarProps {
  person: Person | null | undefined;
  size?: MantineSize;
  /** Show the person's presence as a dot (staff viewers only know it). */
  withPresence?: boolean;
}

// Shade 9 of each: dark enough for white initials to pass AA contrast (filled avatars).
const AVATAR_COLORS = ['indigo', 'teal', 'grape', 'cyan', 'orange', 'pink', 'blue', 'green', 'violet', 'red'] as const;

/** A colour per person, from their id: two people with the same initials still look different. */
export function avatarColor(id: string): (typeof AVATAR_COLORS)[number] {
  let hash = 0;
  for (let i = 0; i < id.length; i += 1) hash = (hash * 31 + id.charCodeAt(i)) | 0;
  return AVATAR_COLORS[Math.abs(hash) % AVATAR_COLORS.length]!;
}

/** Initials in a circle coloured by the person's id. */
export function UserAvatar({ person, size = 'sm' }: { person: Person; size?: MantineSize }) {
  const color = avatarColor(person.id);
  return (
    <Avatar size={size} radius="xl" color={`${color}.9`} variant="filled" data-avatar-color={color} aria-hidden>
      {initials(person.name || person.email || '?')}
    </Avatar>
  );
}

/** Initials in a circle, with a presence dot for agents. */
export function PersonAvatar({ person, size = 'sm', withPresence = true }: PersonAvatarProps) {
  const { t } = useI18n();
  const status = usePresenceOf(withPresence ? person?.id : undefined);
  if (!person) return null;
  const label = status ? `${person.name} · ${t(`presence.${status}`)}` : person.name;
  const avatar = <UserAvatar person={person} size={size} />;
  return (
    <Tooltip label={label} withinPortal>
      <span className="person-avatar" role="img" aria-label={label}>
        {status ? (
          // Low z-index: the dot scrolls under the fixed header instead of over it.
          <Indicator color={PRESENCE_COLORS[status]} size={9} offset={4} position="bottom-end" withBorder zIndex={1} data-presence={status}>
            {avatar}
          </Indicator>
        ) : (
          avatar
        )}
      </span>
    </Tooltip>
  );
}
