import { Alert, Button, Center, Group, Loader, Paper, Skeleton, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { useNow } from '../../../app/hooks';
import { useI18n, type MessageKey } from '../../../app/i18n';
import { TicketOrderField } from '../../../generated/graphql';
import { PersonAvatar } from '../../presence/components/PersonAvatar';
import { SlaBadge } from '../../sla/components/SlaBadge';
import { useTicketFilters } from '../hooks/useTicketFilters';
import { useTicketPages } from '../hooks/useTicketPages';
import { readOrderParams, toggleOrderParams } from '../ticket-params';
import { FilterBar } from './FilterBar';
import { InfiniteScrollSentinel } from './InfiniteScrollSentinel';
import { CategoryBadge, PriorityBadge, StatusBadge } from './TicketBadges';

/** Staff list view: every ticket, sortable, loading more as you scroll. */
export function TicketListPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const { filter } = useTicketFilters();
  const orderBy = useMemo(() => readOrderParams(params), [params]);
  const list = useTicketPages(filter, orderBy);
  // SLA countdowns tick every 30 s.
  const now = useNow(30_000);

  const SortHeader = ({ field, label }: { field: TicketOrderField; label: MessageKey }) => {
    const active = orderBy.field === field;
    const arrow = active ? (orderBy.direction === 'DESC' ? ' ↓' : ' ↑') : '';
    return (
      <Table.Th aria-sort={active ? (orderBy.direction === 'DESC' ? 'descending' : 'ascending') : 'none'}>
        <UnstyledButton
          fw={700}
          fz="sm"
          onClick={() => setParams((current) => toggleOrderParams(current, field), { replace: true })}
          aria-label={t('list.sortBy', { column: t(label) })}
        >
          {t(label)}
          {arrow}
        </UnstyledButton>
      </Table.Th>
    );
  };

  return (
    <Stack gap="md">
      <Title order={1} size="h3">
        {t('list.title')}
      </Title>
      <FilterBar />
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={1000}>
          <Table highlightOnHover verticalSpacing="xs" data-testid="ticket-table">
            <Table.Thead>
              <Table.Tr>
                <SortHeader field={TicketOrderField.Number} label="list.number" />
                <Table.Th>{t('list.subject')}</Table.Th>
                <Table.Th>{t('list.status')}</Table.Th>
                <SortHeader field={TicketOrderField.Priority} label="list.priority" />
                <SortHeader field={TicketOrderField.SlaDue} label="sla.column" />
                <Table.Th>{t('list.category')}</Table.Th>
                <Table.Th>{t('list.assignee')}</Table.Th>
                <Table.Th>{t('list.customer')}</Table.Th>
                <SortHeader field={TicketOrderField.CreatedAt} label="list.created" />
                <SortHeader field={TicketOrderField.UpdatedAt} label="list.updated" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.tickets.map((ticket) => (
                <Table.Tr key={ticket.id} data-ticket-number={ticket.number}>
                  <Table.Td>
                    <Text component={Link} to={`/tickets/${ticket.number}`} size="sm" fw={700} c="indigo.7">
                      #{ticket.number}
                    </Text>
                  </Table.Td>
                  <Table.Td maw={320}>
                    <Text component={Link} to={`/tickets/${ticket.number}`} size="sm" lineClamp={1}>
                      {ticket.title}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={ticket.status} />
                  </Table.Td>
                  <Table.Td>
                    <PriorityBadge priority={ticket.priority} />
                  </Table.Td>
                  <Table.Td>
                    <SlaBadge ticket={ticket} now={now} hideMet={false} />
                  </Table.Td>
                  <Table.Td>
                    <CategoryBadge category={ticket.category} />
                  </Table.Td>
                  <Table.Td>
                    {ticket.assignee ? (
                      <Group gap={6} wrap="nowrap">
                        <PersonAvatar person={ticket.assignee} size="xs" />
                        <Text size="sm">{ticket.assignee.name}</Text>
                      </Group>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('ticket.unassigned')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{ticket.customer?.name ?? '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{formatDateTime(ticket.createdAt, locale)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{formatDateTime(ticket.updatedAt, locale)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {list.loading && (
          <Stack p="sm" gap="xs" aria-busy="true">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} height={28} />
            ))}
          </Stack>
        )}
        {list.error && (
          <Alert color="red" m="sm" role="alert">
            {describeError(list.error, t)}{' '}
            <Button size="compact-xs" variant="light" onClick={() => void list.refetch()}>
              {t('error.retry')}
            </Button>
          </Alert>
        )}
        {list.loaded && list.tickets.length === 0 && (
          <Text c="dimmed" ta="center" p="xl">
            {t('list.empty')}
          </Text>
        )}
        <InfiniteScrollSentinel active={list.hasNextPage && !list.loadingMore} onVisible={list.loadMore} />
        {list.loadingMore && (
          <Center p="sm">
            <Loader size="sm" aria-label={t('list.loadingMore')} />
          </Center>
        )}
        {list.loaded && !list.hasNextPage && list.tickets.length > 0 && (
          <Text c="dimmed" ta="center" size="xs" p="sm">
            {t('list.end', { count: list.totalCount })}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
