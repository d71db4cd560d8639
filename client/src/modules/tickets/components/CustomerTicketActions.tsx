import { Alert, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { ConfirmButton } from '../../../app/ui/ConfirmButton';
import { TicketStatus, type TicketCardFragment } from '../../../generated/graphql';
import { isClosePending, useCloseWithUndo } from '../hooks/useCloseWithUndo';

/** A customer closes their ticket once it is resolved (asked first, with an undo), or replies to reopen it. */
export function CustomerTicketActions({ ticket }: { ticket: TicketCardFragment }) {
  const { t } = useI18n();
  const closeWithUndo = useCloseWithUndo();
  const [closing, setClosing] = useState(() => isClosePending(ticket.id));
  if (ticket.status !== TicketStatus.Resolved) return null;
  return (
    <Alert color="teal" data-testid="resolved-notice">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm" style={{ flex: '1 1 220px' }}>
          {t('ticket.closeHint')}
        </Text>
        <ConfirmButton
          label={t('ticket.close')}
          confirmLabel={t('close.confirm')}
          question={t('close.question', { number: ticket.number })}
          // teal.9: white on it passes AA (the default shade does not).
          color="teal.9"
          variant="filled"
          size="sm"
          loading={closing}
          data-testid="close-confirm"
          onConfirm={() => {
            setClosing(true);
            closeWithUndo(ticket, () => setClosing(false));
          }}
        />
      </Group>
    </Alert>
  );
}
