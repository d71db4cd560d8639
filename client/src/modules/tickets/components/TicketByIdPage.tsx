import { useQuery } from '@apollo/client/react';
import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { Link, Navigate, useParams } from 'react-router';
import { describeError, errorCode } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useViewer } from '../../../app/viewer';
import { TicketNumberDocument } from '../../../generated/graphql';

/**
 * `/tickets/by-id/:id`: where notifications link to (they know a ticket's id, pages its
 * number). Looks the number up, from the cache when the ticket is there, and goes on to it.
 */
export function TicketByIdPage() {
  const { t } = useI18n();
  const viewer = useViewer();
  const id = useParams().id ?? '';
  const { data, loading, error, refetch } = useQuery(TicketNumberDocument, { variables: { id }, skip: !id, notifyOnNetworkStatusChange: true });
  const number = data?.ticket.number;

  if (number) return <Navigate to={`/tickets/${number}`} replace />;
  if (loading || (!error && id)) {
    return (
      <Center mt="xl" aria-busy="true">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  const notFound = !id || errorCode(error) === 'NOT_FOUND';
  return (
    <Stack align="center" mt="xl">
      <Alert color={notFound ? 'gray' : 'red'} role="alert">
        {notFound ? t('ticket.notFound') : describeError(error, t)}
      </Alert>
      {notFound ? (
        <Button component={Link} to={viewer.isStaff ? '/board' : '/tickets'} variant="light">
          {t('ticket.back')}
        </Button>
      ) : (
        <Button onClick={() => void refetch()}>{t('error.retry')}</Button>
      )}
    </Stack>
  );
}
