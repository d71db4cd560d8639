import { Badge, Group, Paper, Text } from '@mantine/core';
import { formatDateTime, formatRelative } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { MessageKind, Role, type MessageFieldsFragment } from '../../../generated/graphql';
import { PersonAvatar } from '../../presence/components/PersonAvatar';
import { AttachmentChip } from './AttachmentChip';

/** One message: replies by customers and staff look different, internal notes stand out. */
export function MessageItem({ message, now, selfId }: { message: MessageFieldsFragment; now: number; selfId: string }) {
  const { t, locale } = useI18n();
  if (message.kind === MessageKind.System) {
    return (
      <Text size="xs" c="dimmed" ta="center" className="message message--system" data-testid="message">
        {message.body} · {formatRelative(message.createdAt, now, locale)}
      </Text>
    );
  }
  const fromCustomer = message.author?.role === Role.Customer;
  const variant = message.internal ? 'internal' : fromCustomer ? 'customer' : 'staff';
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      className={`message message--${variant}${message.author?.id === selfId ? ' message--own' : ''}`}
      data-testid="message"
      data-internal={message.internal || undefined}
    >
      {/* On a narrow screen the author's name truncates; the internal badge and the time never do. */}
      <Group justify="space-between" mb={6} wrap="nowrap" gap="xs">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <PersonAvatar person={message.author} size="sm" withPresence={!fromCustomer} />
          <Text size="sm" fw={600} truncate style={{ minWidth: 0 }}>
            {message.author?.name ?? t('conversation.system')}
          </Text>
          {message.internal && (
            <Badge color="yellow" variant="filled" size="xs" style={{ flexShrink: 0, overflow: 'visible' }} data-testid="internal-badge">
              {t('conversation.internal')}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed" title={formatDateTime(message.createdAt, locale)} style={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
          {formatRelative(message.createdAt, now, locale)}
        </Text>
      </Group>
      <Text size="sm" className="message__body">
        {message.body}
      </Text>
      {message.attachments.length > 0 && (
        <Group gap={6} mt="xs">
          {message.attachments.map((attachment) => (
            <AttachmentChip key={attachment.id} attachment={attachment} />
          ))}
        </Group>
      )}
    </Paper>
  );
}
