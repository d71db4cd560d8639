import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formatBytes } from '../../../app/format';
import { downloadAttachment } from '../../../app/http';
import { useI18n } from '../../../app/i18n';
import type { MessageFieldsFragment } from '../../../generated/graphql';
import { PaperclipIcon } from './PaperclipIcon';

type Attachment = MessageFieldsFragment['attachments'][number];

/** A file of a message; downloads need the Authorization header, so they go through fetch and a blob URL. */
export function AttachmentChip({ attachment }: { attachment: Attachment }) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await downloadAttachment(attachment.url, attachment.filename);
    } catch {
      notifications.show({ color: 'red', message: t('conversation.downloadFailed', { name: attachment.filename }) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      size="compact-xs"
      variant="default"
      loading={busy}
      onClick={() => void onClick()}
      // The accessible name holds the visible text (file name and size) after the action.
      aria-label={`${t('conversation.download', { name: attachment.filename })} · ${formatBytes(attachment.size, locale)}`}
      leftSection={<PaperclipIcon />}
    >
      {attachment.filename} · {formatBytes(attachment.size, locale)}
    </Button>
  );
}
