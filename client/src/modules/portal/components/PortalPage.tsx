import { Alert, Button, Card, Center, Group, Loader, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { describeError } from '../../../app/errors';
import { formatRelative } from '../../../app/format';
import { useNow } from '../../../app/hooks';
import { useI18n } from '../../../app/i18n';
import { plural } from '../../../app/plural';
import { OrderDirection, TicketOrderField } from '../../../generated/graphql';
import { InfiniteScrollSentinel } from '../../tickets/components/InfiniteScrollSentinel';
import { CategoryBadge, StatusBadge } from '../../tickets/components/TicketBadges';
import { useTicketPages } from '../../tickets/hooks/useTicketPages';

const NO_FILTER = {};
const RECENT_FIRST = { field: TicketOrderField.UpdatedAt, direction: OrderDirection.Desc };

/** The customer portal: your own tickets, most recently active first (the API shows no others). */
export function PortalPage() {
  const { t, locale } = useI18n();
  const now = useNow();
  const list = useTicketPages(NO_FILTER, RECENT_FIRST);

  return (
    <Stack gap="md" maw={860} mx="auto">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h3">
            {t('portal.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('portal.intro')}
          </Text>
        </div>
        <Button component={Link} to="/tickets/new">
          {t('nav.newTicket')}
        </Button>
      </Group>

      {list.loading && [0, 1, 2].map((i) => <Skeleton key={i} height={72} radius="md" />)}
      {list.error && (
        <Alert color="red" role="alert">
          {describeError(list.error, t)}{' '}
          <Button size="compact-xs" variant="light" onClick={() => void list.refetch()}>
            {t('error.retry')}
          </Button>
        </Alert>
      )}
      {list.loaded && list.tickets.length === 0 && (
        <Card withBorder radius="md" p="xl">
          <Stack align="center" gap="sm">
            <Text c="dimmed">{t('portal.empty')}</Text>
            <Button component={Link} to="/tickets/new" variant="light">
              {t('nav.newTicket')}
            </Button>
          </Stack>
        </Card>
      )}
      <Stack gap="xs" role="list">
        {list.tickets.map((ticket) => (
          <Card
            key={ticket.id}
            withBorder
            radius="md"
            padding="md"
            component={Link}
            to={`/tickets/${ticket.number}`}
            role="listitem"
            className="portal-ticket"
            data-ticket-number={ticket.number}
          >
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <div style={{ minWidth: 0 }}>
                <Text size="xs" c="dimmed" fw={700}>
                  #{ticket.number}
                </Text>
                <Text fw={600} truncate>
                  {ticket.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('portal.lastUpdate', { time: formatRelative(ticket.updatedAt, now, locale) })} ·{' '}
                  {plural(t, 'messages', ticket.messageCount)}
                </Text>
              </div>
              <Group gap={6} wrap="nowrap">
                <CategoryBadge category={ticket.category} />
                <StatusBadge status={ticket.status} />
              </Group>
            </Group>
          </Card>
        ))}
      </Stack>
      <InfiniteScrollSentinel active={list.hasNextPage && !list.loadingMore} onVisible={list.loadMore} />
      {list.loadingMore && (
        <Center>
          <Loader size="sm" />
        </Center>
      )}
    </Stack>
  );
}
