import { useLazyQuery, useMutation } from '@apollo/client/react';
import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { describeError, errorCode } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import {
  AssignTicketDocument,
  ClaimTicketDocument,
  TicketByNumberDocument,
  UpdateTicketDocument,
  type TicketDetailFragment,
  type UpdateTicketInput,
} from '../../../generated/graphql';
import { syncTicketIntoLists } from '../ticket-cache';

/**
 * Edits of one ticket from its page: each sends the version the user saw (expectedVersion)
 * where the API takes it, updates the cached lists from the answer, and on CONFLICT shows the
 * latest version with a message instead of overwriting someone else's change.
 */
export function useTicketActions(ticket: TicketDetailFragment) {
  const { t } = useI18n();
  const [updateTicket, updateState] = useMutation(UpdateTicketDocument);
  const [assignTicket, assignState] = useMutation(AssignTicketDocument);
  const [claimTicket, claimState] = useMutation(ClaimTicketDocument);
  const [reload] = useLazyQuery(TicketByNumberDocument, { fetchPolicy: 'network-only' });

  const fail = useCallback(
    (error: unknown) => {
      notifications.show({ color: 'red', message: describeError(error, t), autoClose: 8000 });
      if (errorCode(error) === 'CONFLICT') void reload({ variables: { number: ticket.number } }).catch(() => undefined);
    },
    [reload, t, ticket.number],
  );

  const update = useCallback(
    async (input: UpdateTicketInput) => {
      try {
        await updateTicket({
          variables: { id: ticket.id, input, expectedVersion: ticket.version },
          update: (cache, { data }) => data && syncTicketIntoLists(cache, data.updateTicket.id),
        });
      } catch (error) {
        fail(error);
      }
    },
    [fail, ticket.id, ticket.version, updateTicket],
  );

  const assign = useCallback(
    async (agentId: string | null) => {
      try {
        await assignTicket({
          variables: { id: ticket.id, agentId },
          update: (cache, { data }) => data && syncTicketIntoLists(cache, data.assignTicket.id),
        });
      } catch (error) {
        fail(error);
      }
    },
    [assignTicket, fail, ticket.id],
  );

  const claim = useCallback(async () => {
    try {
      await claimTicket({
        variables: { id: ticket.id },
        update: (cache, { data }) => data && syncTicketIntoLists(cache, data.claimTicket.id),
      });
      notifications.show({ color: 'green', message: t('ticket.claimed', { number: ticket.number }) });
    } catch (error) {
      fail(error);
    }
  }, [claimTicket, fail, t, ticket.id, ticket.number]);

  return { update, assign, claim, busy: updateState.loading || assignState.loading || claimState.loading };
}
