import { ActionIcon, Button, Group, Stack, Textarea, TextInput, Tooltip } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../../app/i18n';
import type { TicketDetailFragment } from '../../../generated/graphql';
import { useTicketActions } from '../hooks/useTicketActions';

function PencilIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <path d="M12 20h9M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4Z" />
    </svg>
  );
}

interface EditableTicketTextProps {
  ticket: TicketDetailFragment;
  field: 'title' | 'description';
  /** How the text reads when not editing. */
  children: ReactNode;
}

/**
 * Staff edit the title or description in place: Edit opens a field, Save sends it with the
 * version they saw (a concurrent change answers CONFLICT and shows the latest), Escape cancels.
 */
export function EditableTicketText({ ticket, field, children }: EditableTicketTextProps) {
  const { t } = useI18n();
  const { update, busy } = useTicketActions(ticket);
  const [draft, setDraft] = useState<string | null>(null);
  const label = field === 'title' ? t('ticket.titleLabel') : t('ticket.descriptionLabel');
  const editLabel = field === 'title' ? t('ticket.editTitle') : t('ticket.editDescription');

  if (draft === null) {
    return (
      <Group gap={4} wrap="nowrap" align="flex-start" style={{ flex: 1, minWidth: 0 }}>
        <div style={{ flex: 1, minWidth: 0 }}>{children}</div>
        <Tooltip label={editLabel}>
          <ActionIcon variant="subtle" color="gray" aria-label={editLabel} onClick={() => setDraft(ticket[field])} data-testid={`edit-${field}`}>
            <PencilIcon />
          </ActionIcon>
        </Tooltip>
      </Group>
    );
  }

  const save = async () => {
    const value = draft.trim();
    if (value && value !== ticket[field]) await update({ [field]: value });
    setDraft(null);
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') setDraft(null);
    if (event.key === 'Enter' && (field === 'title' || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  };
  const common = {
    label,
    value: draft,
    onChange: (e: { currentTarget: { value: string } }) => setDraft(e.currentTarget.value),
    onKeyDown,
    autoFocus: true,
  };

  return (
    <Stack gap="xs" style={{ flex: 1, minWidth: 0 }} data-testid={`editing-${field}`}>
      {field === 'title' ? <TextInput {...common} maxLength={200} /> : <Textarea {...common} autosize minRows={4} />}
      <Group gap="xs" justify="flex-end">
        <Button size="xs" variant="default" onClick={() => setDraft(null)}>
          {t('common.cancel')}
        </Button>
        <Button size="xs" loading={busy} onClick={() => void save()} disabled={!draft.trim()}>
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
