import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Grid, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { describeError, errorCode } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useViewer } from '../../../app/viewer';
import { TicketStatus, TicketByNumberDocument } from '../../../generated/graphql';
import { ReplyBox } from '../../conversation/components/ReplyBox';
import { Thread } from '../../conversation/components/Thread';
import { ActivityTimeline } from './ActivityTimeline';
import { CustomerTicketActions } from './CustomerTicketActions';
import { StatusBadge } from './TicketBadges';
import { TicketSidebar } from './TicketSidebar';

/** One ticket: description, live conversation with reply box, properties and timeline. */
export function TicketDetailPage() {
  const { t } = useI18n();
  const viewer = useViewer();
  const number = Number(useParams().number);
  const { data, loading, error, refetch } = useQuery(TicketByNumberDocument, {
    variables: { number },
    skip: !Number.isInteger(number),
    notifyOnNetworkStatusChange: true,
  });
  const ticket = data?.ticketByNumber;
  const back = viewer.isStaff ? '/board' : '/tickets';

  if (!ticket) {
    if (loading) {
      return (
        <Stack aria-busy="true">
          <Skeleton height={36} width="50%" />
          <Skeleton height={120} />
          <Skeleton height={200} />
        </Stack>
      );
    }
    const notFound = !Number.isInteger(number) || errorCode(error) === 'NOT_FOUND';
    return (
      <Stack align="center" mt="xl">
        <Alert color={notFound ? 'gray' : 'red'} role="alert">
          {notFound ? t('ticket.notFound') : describeError(error, t)}
        </Alert>
        {notFound ? (
          <Button component={Link} to={back} variant="light">
            {t('ticket.back')}
          </Button>
        ) : (
          <Button onClick={() => void refetch()}>{t('error.retry')}</Button>
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="md" data-testid="ticket-detail" data-ticket-number={ticket.number}>
      <div>
        <Anchor component={Link} to={back} size="sm">
          ← {t('ticket.back')}
        </Anchor>
        <Group gap="sm" mt={4} align="center">
          <Text c="dimmed" fw={700} size="lg">
            #{ticket.number}
          </Text>
          <Title order={1} size="h3" style={{ flex: 1, minWidth: 0 }}>
            {ticket.title}
          </Title>
          <StatusBadge status={ticket.status} />
        </Group>
      </div>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Paper withBorder radius="md" p="md">
              <Text size="xs" c="dimmed" tt="uppercase" fw={700} mb={4}>
                {t('ticket.description')}
              </Text>
              <Text size="sm" className="message__body">
                {ticket.description}
              </Text>
            </Paper>
            {viewer.isCustomer && <CustomerTicketActions ticket={ticket} />}
            <Title order={2} size="h5">
              {t('ticket.conversation')}
            </Title>
            <Thread ticketId={ticket.id} />
            {ticket.status === TicketStatus.Closed ? (
              <Alert color="gray">{t('ticket.closed')}</Alert>
            ) : (
              <ReplyBox ticketId={ticket.id} />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <TicketSidebar ticket={ticket} />
            <ActivityTimeline ticketId={ticket.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
