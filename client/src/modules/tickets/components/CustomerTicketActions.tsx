import { Alert, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { TicketStatus, type TicketCardFragment } from '../../../generated/graphql';
import { useMoveTicket } from '../hooks/useMoveTicket';

/** A customer closes their ticket once it is resolved (or replies to reopen it). */
export function CustomerTicketActions({ ticket }: { ticket: TicketCardFragment }) {
  const { t } = useI18n();
  const move = useMoveTicket();
  const [busy, setBusy] = useState(false);
  if (ticket.status !== TicketStatus.Resolved) return null;
  const onClose = async () => {
    setBusy(true);
    const result = await move(ticket, TicketStatus.Closed);
    setBusy(false);
    if (!result.ok) notifications.show({ color: 'red', message: result.message });
  };
  return (
    <Alert color="teal" data-testid="resolved-notice">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{t('ticket.closeHint')}</Text>
        <Button color="teal" loading={busy} onClick={() => void onClose()}>
          {t('ticket.close')}
        </Button>
      </Group>
    </Alert>
  );
}
