import { Button, Group, Popover, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { describeError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { DeleteTicketDocument, type TicketCardFragment } from '../../../generated/graphql';
import { removeTicketFromCache } from '../ticket-cache';

/** Admins delete a ticket (soft delete: it disappears from every list, for everyone). */
export function DeleteTicketButton({ ticket }: { ticket: TicketCardFragment }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [opened, setOpened] = useState(false);
  const [deleteTicket, { loading }] = useMutation(DeleteTicketDocument);

  const onConfirm = async () => {
    try {
      await deleteTicket({ variables: { id: ticket.id } });
      setOpened(false);
      notifications.show({ color: 'green', message: t('ticket.deleted', { number: ticket.number }) });
      navigate('/board');
      // Everyone else's screens drop it on the TICKET_DELETED event; ours at once.
      window.setTimeout(() => removeTicketFromCache(client.cache, ticket.id), 0);
    } catch (error) {
      notifications.show({ color: 'red', message: describeError(error, t) });
    }
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom" withArrow trapFocus>
      <Popover.Target>
        <Button color="red" variant="subtle" size="xs" onClick={() => setOpened((o) => !o)}>
          {t('ticket.delete')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown maw={260}>
        <Text size="sm" mb="sm">
          {t('ticket.deleteConfirm', { number: ticket.number })}
        </Text>
        <Group justify="flex-end">
          <Button size="xs" color="red" loading={loading} onClick={() => void onConfirm()}>
            {t('ticket.delete')}
          </Button>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
