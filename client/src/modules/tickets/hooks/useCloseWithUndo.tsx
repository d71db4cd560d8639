import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { useI18n } from '../../../app/i18n';
import { TicketStatus, type TicketCardFragment } from '../../../generated/graphql';
import { useMoveTicket } from './useMoveTicket';

/** How long "Undo" is offered before the ticket is really closed (closing is final). */
export const CLOSE_UNDO_MS = 6000;

/** Tickets whose close is waiting for its undo time to pass (one per ticket). */
const pending = new Map<string, number>();

export function isClosePending(ticketId: string): boolean {
  return pending.has(ticketId);
}

/**
 * Closes a ticket after a few seconds, with an "Undo" in the meantime: closed tickets cannot be
 * reopened, so nothing is sent until the undo time is over.
 */
export function useCloseWithUndo(): (ticket: TicketCardFragment, onSettled?: (closed: boolean) => void) => void {
  const { t } = useI18n();
  const move = useMoveTicket();
  return useCallback(
    (ticket, onSettled) => {
      if (pending.has(ticket.id)) return;
      const id = `close-${ticket.id}`;
      const undo = () => {
        window.clearTimeout(pending.get(ticket.id));
        pending.delete(ticket.id);
        notifications.hide(id);
        notifications.show({ color: 'gray', message: t('close.kept', { number: ticket.number }) });
        onSettled?.(false);
      };
      const timer = window.setTimeout(() => {
        pending.delete(ticket.id);
        notifications.hide(id);
        void move(ticket, TicketStatus.Closed).then((result) => {
          if (result.ok) notifications.show({ color: 'green', message: t('close.done', { number: ticket.number }) });
          else notifications.show({ color: 'red', message: result.message, autoClose: 8000 });
          onSettled?.(result.ok);
        });
      }, CLOSE_UNDO_MS);
      pending.set(ticket.id, timer);
      notifications.show({
        id,
        autoClose: false,
        withCloseButton: false,
        color: 'teal',
        message: (
          <Group justify="space-between" wrap="nowrap" gap="sm" data-testid="close-undo">
            <Text size="sm">{t('close.pending', { number: ticket.number })}</Text>
            <Button size="compact-sm" variant="light" onClick={undo}>
              {t('close.undo')}
            </Button>
          </Group>
        ),
      });
    },
    [move, t],
  );
}
