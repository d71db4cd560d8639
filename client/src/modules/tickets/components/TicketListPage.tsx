import { Alert, Button, Center, Checkbox, Group, Loader, Paper, Select, Skeleton, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { useNow } from '../../../app/hooks';
import { useI18n, type MessageKey } from '../../../app/i18n';
import { plural } from '../../../app/plural';
import { OrderDirection, TicketOrderField } from '../../../generated/graphql';
import { BulkBar } from '../../bulk/components/BulkBar';
import { ApplyMacroControl } from '../../macros/components/ApplyMacroControl';
import { PersonAvatar } from '../../presence/components/PersonAvatar';
import { SlaBadge } from '../../sla/components/SlaBadge';
import { useTicketFilters } from '../hooks/useTicketFilters';
import { useTicketPages } from '../hooks/useTicketPages';
import { openBySlaParams, readOrderParams, toggleOrderParams } from '../ticket-params';
import { FilterBar } from './FilterBar';
import { SavedViewTabs } from '../../views/components/SavedViewTabs';
import { InfiniteScrollSentinel } from './InfiniteScrollSentinel';
import { CategoryBadge, PriorityBadge, StatusBadge } from './TicketBadges';

const SORT_PRESETS = new Set([`${TicketOrderField.CreatedAt}:DESC`, `${TicketOrderField.UpdatedAt}:DESC`, `${TicketOrderField.Priority}:DESC`, `${TicketOrderField.SlaDue}:ASC`]);
const SORT_LABELS: Record<TicketOrderField, MessageKey> = {
  CREATED_AT: 'list.created',
  UPDATED_AT: 'list.updated',
  PRIORITY: 'list.priority',
  NUMBER: 'list.number',
  SLA_DUE: 'sla.column',
};

/** Staff list view: every ticket, filtered by status and more, sortable, loading more as you scroll. */
export function TicketListPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const { filter } = useTicketFilters();
  const orderBy = useMemo(() => readOrderParams(params), [params]);
  const list = useTicketPages(filter, orderBy);
  // SLA countdowns tick every 30 s.
  const now = useNow(30_000);
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const selected = list.tickets.filter((ticket) => selectedIds.has(ticket.id));
  const allSelected = list.tickets.length > 0 && selected.length === list.tickets.length;
  const toggle = (id: string, on: boolean) =>
    setSelectedIds((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

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
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={1} size="h3">
          {t('list.title')}
        </Title>
        <Group gap="sm" align="flex-end">
          <Select
            label={t('filters.sort')}
            w={190}
            allowDeselect={false}
            value={`${orderBy.field}:${orderBy.direction}`}
            onChange={(value) => {
              if (!value) return;
              const [field, direction] = value.split(':') as [TicketOrderField, OrderDirection];
              setParams((current) => {
                const next = new URLSearchParams(current);
                next.set('sort', field);
                next.set('dir', direction);
                return next;
              }, { replace: true });
            }}
            data={[
              { value: `${TicketOrderField.CreatedAt}:${OrderDirection.Desc}`, label: t('sort.newest') },
              { value: `${TicketOrderField.UpdatedAt}:${OrderDirection.Desc}`, label: t('sort.updated') },
              { value: `${TicketOrderField.Priority}:${OrderDirection.Desc}`, label: t('sort.priority') },
              { value: `${TicketOrderField.SlaDue}:${OrderDirection.Asc}`, label: t('sort.slaDue') },
              ...(SORT_PRESETS.has(`${orderBy.field}:${orderBy.direction}`)
                ? []
                : [{ value: `${orderBy.field}:${orderBy.direction}`, label: `${t(SORT_LABELS[orderBy.field ?? TicketOrderField.CreatedAt])}${orderBy.direction === 'DESC' ? ' ↓' : ' ↑'}` }]),
            ]}
            data-testid="sort-select"
          />
          <Button variant="light" onClick={() => setParams((current) => openBySlaParams(current), { replace: true })} data-testid="open-by-sla">
            {t('list.openBySla')}
          </Button>
        </Group>
      </Group>
      <SavedViewTabs />
      <FilterBar withStatus />
      {selected.length > 0 && (
        <BulkBar
          selected={selected}
          onClear={() => setSelectedIds(new Set())}
          onDone={(updated) => setSelectedIds((current) => new Set([...current].filter((id) => !updated.includes(id))))}
        >
          <ApplyMacroControl ticketIds={selected.map((ticket) => ticket.id)} onApplied={() => setSelectedIds(new Set())} />
        </BulkBar>
      )}
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={1000}>
          <Table highlightOnHover verticalSpacing="xs" data-testid="ticket-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={36}>
                  <Checkbox
                    aria-label={t('bulk.selectAll')}
                    checked={allSelected}
                    indeterminate={selected.length > 0 && !allSelected}
                    onChange={(e) => setSelectedIds(e.currentTarget.checked ? new Set(list.tickets.map((ticket) => ticket.id)) : new Set())}
                    data-testid="select-all"
                  />
                </Table.Th>
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
                    <Checkbox
                      aria-label={t('bulk.select', { number: ticket.number })}
                      checked={selectedIds.has(ticket.id)}
                      onChange={(e) => toggle(ticket.id, e.currentTarget.checked)}
                      data-testid="select-ticket"
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text component={Link} to={`/tickets/${ticket.number}`} size="sm" fw={700} c="indigo.9">
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
            {t('list.endAll', { tickets: plural(t, 'tickets', list.totalCount) })}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
