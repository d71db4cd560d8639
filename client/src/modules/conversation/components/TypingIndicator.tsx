import { Text } from '@mantine/core';
import { useI18n } from '../../../app/i18n';

/** "Ana is typing…" under the thread; keeps its height so the page does not jump. */
export function TypingIndicator({ names }: { names: string[] }) {
  const { t } = useI18n();
  const text =
    names.length === 0 ? '' : names.length === 1 ? t('conversation.typingOne', { name: names[0] }) : t('conversation.typingMany', { names: names.join(', ') });
  return (
    <Text size="xs" c="dimmed" fs="italic" mih={18} aria-live="polite" data-testid="typing-indicator">
      {text}
    </Text>
  );
}
