import { useApolloClient, useLazyQuery, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { describeError, errorCode, fieldErrorsOf } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import {
  ChangeTicketStatusDocument,
  TicketByNumberDocument,
  type TicketCardFragment,
  type TicketStatus,
  type TicketStatusFieldsFragment,
} from '../../../generated/graphql';
import { statusName } from '../../statuses/hooks/useTicketStatuses';
import { syncTicketIntoLists } from '../ticket-cache';
import { mayMove, mayMoveToKey } from '../transitions';

export type MoveResult = { ok: true } | { ok: false; message: string };

/**
 * Changes a ticket's status the way the board does: refused at once when the role may not
 * make that move; otherwise shown in the new column immediately (optimistic, with the
 * ticket's version as expectedVersion) and put back with a readable message if the server
 * says no (illegal transition, a newer version elsewhere, ...).
 */
export type MoveTicket = (ticket: TicketCardFragment, to: TicketStatus, status?: TicketStatusFieldsFragment | null) => Promise<MoveResult>;

/** With `status` (a status of ticketStatuses, built-in or the workspace's), the move goes by its key. */
export function useMoveTicket(): MoveTicket {
  const { t, language } = useI18n();
  const client = useApolloClient();
  const [changeStatus] = useMutation(ChangeTicketStatusDocument);
  const [loadTicket] = useLazyQuery(TicketByNumberDocument, { fetchPolicy: 'network-only' });

  return useCallback(
    async (ticket, to, status) => {
      const from = ticket.customStatus ? statusName(ticket.customStatus, t, language) : t(`status.${ticket.status}`);
      const names = { number: ticket.number, from, to: status ? statusName(status, t, language) : t(`status.${to}`) };
      if (status ? ticket.statusKey === status.key : ticket.status === to) return { ok: true };
      // The API listed the moves this viewer may make (Ticket.viewerCanChangeStatusTo / viewerCanChangeStatusKeyTo).
      if (!(status ? mayMoveToKey(ticket, status.key) : mayMove(ticket, to))) return { ok: false, message: t('board.notAllowed', names) };
      const category = status?.category ?? to;
      // A new category without a status of the workspace takes the category's own status.
      const key = status?.key ?? (category === ticket.status ? ticket.statusKey : category);
      const custom = status ? (status.builtIn ? null : status) : category === ticket.status ? ticket.customStatus : null;
      try {
        await changeStatus({
          variables: status ? { id: ticket.id, statusKey: status.key, expectedVersion: ticket.version } : { id: ticket.id, status: to, expectedVersion: ticket.version },
          optimisticResponse: {
            changeTicketStatus: {
              ...ticket,
              status: category,
              statusKey: key,
              customStatus: custom,
              version: ticket.version + 1,
              updatedAt: new Date().toISOString(),
            },
          },
          // Runs for the optimistic answer too; when the server refuses, Apollo drops that layer (rollback).
          update: (cache, { data }) => {
            if (data) syncTicketIntoLists(cache, data.changeTicketStatus.id);
          },
        });
        return { ok: true };
      } catch (error) {
        const code = errorCode(error);
        if (code === 'CONFLICT') {
          // Someone else changed it: show the ticket as it is now (this one ticket, not the board).
          void loadTicket({ variables: { number: ticket.number } })
            .then(() => syncTicketIntoLists(client.cache, ticket.id))
            .catch(() => undefined);
          return { ok: false, message: t('board.conflict', names) };
        }
        if (code === 'BAD_USER_INPUT' && (fieldErrorsOf(error).status || fieldErrorsOf(error).statusKey)) return { ok: false, message: t('board.illegal', names) };
        if (code === 'FORBIDDEN') return { ok: false, message: t('board.notAllowed', names) };
        return { ok: false, message: t('board.failed', { number: ticket.number, reason: describeError(error, t) }) };
      }
    },
    [changeStatus, client, language, loadTicket, t],
  );
}
