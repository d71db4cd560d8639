import { useMutation } from '@apollo/client/react';
import { Alert, Button, CloseButton, FileButton, Group, Paper, Progress, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { describeError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { serverMessage } from '../../../app/server-messages';
import { uploadError, LIMITS, UPLOAD_TYPES } from '../../../app/validation';
import { useViewer } from '../../../app/viewer';
import { PostMessageDocument } from '../../../generated/graphql';
import { CANNED_PICKER_ID, CannedPicker } from '../../canned/components/CannedPicker';
import { useCannedSlash } from '../../canned/hooks/useCannedSlash';
import { useTypingSignal } from '../hooks/useTypingSignal';
import { useTypingUsers } from '../hooks/useTypingUsers';
import { useDraft } from '../hooks/useDraft';
import { useUploads } from '../hooks/useUploads';
import { appendMessage } from '../message-cache';
import { PaperclipIcon } from './PaperclipIcon';
import { TypingIndicator } from './TypingIndicator';

const ACCEPTED = UPLOAD_TYPES.join(',');

/** Reply (or, for staff, internal note) with attachments; tells others while you type. */
export function ReplyBox({ ticketId }: { ticketId: string }) {
  const { t } = useI18n();
  const viewer = useViewer();
  const { draft, setDraft, clear: clearDraft, saved } = useDraft(viewer.userId, ticketId);
  const { body } = draft;
  const internal = viewer.isStaff && draft.internal;
  const setBody = (next: string) => setDraft({ body: next, internal });
  const setInternal = (next: boolean) => setDraft({ body, internal: next });
  const [rejected, setRejected] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [postMessage, { loading }] = useMutation(PostMessageDocument);
  const uploads = useUploads();
  const typing = useTypingSignal(ticketId, internal);
  const typists = useTypingUsers(ticketId, viewer.userId);
  const slash = useCannedSlash({ ticketId, enabled: viewer.isStaff, body, setBody, onError: () => setError(t('canned.insertFailed')) });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!body.trim() || uploads.busy) return;
    setError(null);
    if (body.length > LIMITS.messageMax) return setError(t('validation.maxLength', { max: LIMITS.messageMax }));
    typing.stopped();
    try {
      await postMessage({
        variables: {
          input: {
            ticketId,
            body,
            internal: viewer.isStaff && internal,
            attachmentIds: uploads.attachmentIds.length > 0 ? uploads.attachmentIds : undefined,
            idempotencyKey: crypto.randomUUID?.() ?? undefined,
          },
        },
        update: (cache, { data }) => {
          if (data) appendMessage(cache, data.postMessage);
        },
      });
      clearDraft();
      uploads.clear();
    } catch (caught) {
      setError(describeError(caught, t));
    }
  };

  return (
    <Stack gap={4}>
      <TypingIndicator names={typists} />
      <Paper withBorder radius="md" p="sm" className={internal ? 'reply reply--internal' : 'reply'}>
        <form onSubmit={onSubmit} data-testid="reply-form">
          <Stack gap="xs">
            <Textarea
              aria-label={internal ? t('conversation.notePlaceholder') : t('conversation.replyPlaceholder')}
              placeholder={internal ? t('conversation.notePlaceholder') : t('conversation.replyPlaceholder')}
              autosize
              minRows={3}
              maxRows={12}
              value={body}
              aria-activedescendant={slash.open && slash.matches.length > 0 ? `${CANNED_PICKER_ID}-${slash.active}` : undefined}
              onChange={(e) => {
                slash.changed(e.currentTarget.value, e.currentTarget.selectionStart);
                setBody(e.currentTarget.value);
                if (e.currentTarget.value) typing.typed();
                else typing.stopped();
              }}
              onBlur={() => {
                typing.stopped();
                slash.close();
              }}
              onKeyDown={(e) => {
                if (slash.keyDown(e)) return;
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
              }}
            />
            <CannedPicker slash={slash} />
            {uploads.uploads.map((upload) => (
              <Group key={upload.key} gap="xs" wrap="nowrap" data-testid="upload">
                <Group gap={4} wrap="nowrap" w={220}>
                  <PaperclipIcon />
                  <Text size="xs" truncate>
                    {upload.name}
                  </Text>
                </Group>
                {upload.error ? (
                  <Text size="xs" c="red" style={{ flex: 1 }}>
                    {t('conversation.uploadFailed', { name: upload.name, reason: serverMessage(upload.error, t) })}
                  </Text>
                ) : (
                  <Progress
                    value={Math.round(upload.progress * 100)}
                    style={{ flex: 1 }}
                    size="sm"
                    animated={!upload.attachment}
                    color={upload.attachment ? 'teal' : 'indigo'}
                    aria-label={t('conversation.uploading', { name: upload.name, percent: Math.round(upload.progress * 100) })}
                  />
                )}
                <CloseButton size="sm" aria-label={t('conversation.removeAttachment', { name: upload.name })} onClick={() => uploads.remove(upload.key)} />
              </Group>
            ))}
            {rejected.length > 0 && (
              <Text size="xs" c="red" role="alert" data-testid="upload-rejected">
                {rejected.join(', ')}: {t('validation.file')}
              </Text>
            )}
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Group justify="space-between">
              <Group gap="sm">
                <FileButton
                  onChange={(files) => {
                    // Size and type are checked here, before anything is sent.
                    const refused = files.filter((file) => uploadError(file, t) !== null);
                    setRejected(refused.map((file) => file.name));
                    uploads.add(files.filter((file) => !refused.includes(file)));
                  }}
                  accept={ACCEPTED}
                  multiple
                >
                  {(props) => (
                    <Button {...props} variant="default" size="xs">
                      {t('conversation.attach')}
                    </Button>
                  )}
                </FileButton>
                {viewer.isStaff && (
                  <Switch
                    label={t('conversation.internalToggle')}
                    checked={internal}
                    color="yellow"
                    onChange={(e) => setInternal(e.currentTarget.checked)}
                  />
                )}
              </Group>
              <Group gap="xs">
                {saved && body.trim() && (
                  <>
                    <Text size="xs" c="dimmed" data-testid="draft-saved">
                      {t('conversation.draftSaved')}
                    </Text>
                    <Button size="compact-xs" variant="subtle" color="gray" onClick={clearDraft}>
                      {t('conversation.discardDraft')}
                    </Button>
                  </>
                )}
                <Button type="submit" loading={loading} disabled={!body.trim() || uploads.busy} color={internal ? 'yellow' : undefined}>
                  {internal ? t('conversation.sendNote') : t('conversation.send')}
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
