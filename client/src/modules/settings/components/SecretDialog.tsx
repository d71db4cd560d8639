import { Alert, Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';

interface SecretDialogProps {
  /** The secret to show; null keeps the dialog closed. */
  secret: string | null;
  title: string;
  /** What the secret is for, e.g. "Use it as a Bearer token". */
  description: string;
  /** Closing forgets the secret: the caller drops it from its state. */
  onClose: () => void;
}

/**
 * Shows a secret the API returns only once: a clear warning, a copy button, and nothing kept
 * after closing. Closing needs a button press (not a click outside), so it is not lost by accident.
 */
export function SecretDialog({ secret, title, description, onClose }: SecretDialogProps) {
  const { t } = useI18n();
  return (
    <Modal opened={secret !== null} onClose={onClose} title={title} size="lg" closeOnClickOutside={false} closeButtonProps={{ 'aria-label': t('secret.closeWithoutCopy') }} data-testid="secret-dialog">
      {secret !== null && <SecretBody secret={secret} description={description} onClose={onClose} />}
    </Modal>
  );
}

function SecretBody({ secret, description, onClose }: { secret: string; description: string; onClose: () => void }) {
  const { t } = useI18n();
  const [copyFailed, setCopyFailed] = useState(false);
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
      setCopyFailed(false);
    } catch {
      setCopyFailed(true);
    }
  };

  return (
    <Stack gap="sm">
      <Alert color="orange" title={t('secret.onceTitle')} data-testid="secret-warning" styles={{ title: { color: 'var(--mantine-color-dark-8)' }, message: { color: 'var(--mantine-color-dark-7)' } }}>
        {t('secret.onceText')}
      </Alert>
      <Text size="sm">{description}</Text>
      <Code block data-testid="secret-value" className="secret-value">
        {secret}
      </Code>
      {copyFailed && (
        <Alert color="red" role="alert">
          {t('secret.copyFailed')}
        </Alert>
      )}
      <Group justify="space-between">
        <Button variant={copied ? 'outline' : 'filled'} color={copied ? 'teal' : 'indigo.9'} onClick={() => void copy()}>
          {copied ? t('secret.copied') : t('secret.copy')}
        </Button>
        <Button variant={copied ? 'filled' : 'default'} onClick={onClose}>
          {copied ? t('secret.done') : t('secret.closeWithoutCopy')}
        </Button>
      </Group>
    </Stack>
  );
}
