import { notifications } from '@mantine/notifications';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { describeError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { ConfirmButton } from '../../../app/ui/ConfirmButton';
import { DeleteTicketDocument, type TicketCardFragment } from '../../../generated/graphql';
import { removeTicketFromCache } from '../ticket-cache';

/** Admins delete a ticket (soft delete: it disappears from every list, for everyone). */
export function DeleteTicketButton({ ticket }: { ticket: TicketCardFragment }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [deleteTicket, { loading }] = useMutation(DeleteTicketDocument);

  const onConfirm = async () => {
    try {
      await deleteTicket({ variables: { id: ticket.id } });
      notifications.show({ color: 'green', message: t('ticket.deleted', { number: ticket.number }) });
      navigate('/board');
      // Everyone else's screens drop it on the TICKET_DELETED event; ours at once.
      window.setTimeout(() => removeTicketFromCache(client.cache, ticket.id), 0);
      return true;
    } catch (error) {
      notifications.show({ color: 'red', message: describeError(error, t) });
      return false;
    }
  };

  return (
    <ConfirmButton
      label={t('ticket.delete')}
      question={t('ticket.deleteConfirm', { number: ticket.number })}
      onConfirm={onConfirm}
      loading={loading}
      size="xs"
      position="bottom"
      maw={260}
    />
  );
}
