import { useQuery, useSubscription } from '@apollo/client/react';
import { Alert, Button, Group, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useMemo, useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useI18n, type MessageKey } from '../../../app/i18n';
import { useViewer } from '../../../app/viewer';
import { ReportDepartmentsDocument, ReportsDocument, ReportsLiveDocument, TicketCategory, TicketChannel, TicketPriority } from '../../../generated/graphql';
import { filterOf, groupByOf, rangeOf, readReportParams, ticketListLink, writeReportParam, type ReportParams } from '../report-params';
import { Chart, type ChartClick } from './Chart';
import { ChartCard } from './ChartCard';
import { ExportCard } from './ExportCard';
import { donut, heatmap, leaderboard, slaCompliance, times, volume } from './report-charts';

/** How long after a ticket event the figures are read again (the metrics rows follow the event). */
const LIVE_DELAY_MS = 1200;
const WEEKDAYS: MessageKey[] = ['reports.day.1', 'reports.day.2', 'reports.day.3', 'reports.day.4', 'reports.day.5', 'reports.day.6', 'reports.day.7'];

/** Reports: admins see the whole workspace, agents their own tickets. Every choice lives in the URL. */
export default function ReportsPage() {
  const { t, locale } = useI18n();
  const viewer = useViewer();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const params = readReportParams(search);
  const { period, from, to } = params;
  // The range moves only with the period (not on every render): it is part of the query's cache key.
  const range = useMemo(() => rangeOf({ ...readReportParams(new URLSearchParams()), period, from, to }), [period, from, to]);
  const variables = { range, groupBy: groupByOf(range), filter: filterOf(params), businessHours: params.businessHours };
  const query = useQuery(ReportsDocument, { variables, notifyOnNetworkStatusChange: false });
  const departments = useQuery(ReportDepartmentsDocument).data?.departments ?? [];
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useSubscription(ReportsLiveDocument, {
    onData: () => {
      if (timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        void query.refetch();
      }, LIVE_DELAY_MS);
    },
  });
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const set = <K extends keyof ReportParams>(key: K, value: ReportParams[K]) => setSearch(writeReportParam(search, key, value), { replace: true });
  const setCustom = (from: string, to: string) => {
    let next = writeReportParam(search, 'period', 'custom');
    next = writeReportParam(next, 'from', from);
    setSearch(writeReportParam(next, 'to', to), { replace: true });
  };
  const data = query.data;
  const label = (bucket: string) => new Date(`${bucket}T00:00:00`).toLocaleDateString(locale, { month: 'short', day: 'numeric' });
  const weekdays = WEEKDAYS.map((k) => t(k));
  const open = (segment: Parameters<typeof ticketListLink>[1]) => navigate(ticketListLink(params, segment));
  const keyOf = (e: ChartClick) => (e.data as { key?: string } | undefined)?.key;
  const enumSelect = (key: 'category' | 'priority' | 'channel', values: string[], prefix: string) => (
    <Select
      label={t(`reports.filter.${key}` as MessageKey)}
      placeholder={t('reports.filter.any')}
      data={values.map((v) => ({ value: v, label: t(`${prefix}.${v}` as MessageKey) }))}
      value={params[key]}
      onChange={(v) => set(key, v as never)}
      clearable
      w={160}
      data-testid={`reports-filter-${key}`}
    />
  );
  const today = new Date().toISOString().slice(0, 10);

  return (
    <Stack gap="md" data-testid="reports-page">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h3">
            {t('reports.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {viewer.can('reports.view') ? t('reports.introAdmin') : t('reports.introAgent')}
            {data ? ` ${t('reports.timezone', { zone: data.ticketStats.timezone })}` : ''}
          </Text>
        </div>
      </Group>
      <Group align="flex-end" gap="sm" wrap="wrap" role="group" aria-label={t('reports.filters')}>
        <div>
          <Text size="sm" fw={500} id="reports-period-label">
            {t('reports.period')}
          </Text>
          <SegmentedControl
            aria-labelledby="reports-period-label"
            value={params.period}
            onChange={(v) => (v === 'custom' ? setCustom(params.from || rangeOf({ ...params, period: '30' }).from.slice(0, 10), params.to || today) : set('period', v as ReportParams['period']))}
            data={[
              { value: '7', label: t('reports.last', { days: 7 }) },
              { value: '30', label: t('reports.last', { days: 30 }) },
              { value: '90', label: t('reports.last', { days: 90 }) },
              { value: 'custom', label: t('reports.custom') },
            ]}
            data-testid="reports-period"
          />
        </div>
        {params.period === 'custom' && (
          <>
            <TextInput type="date" label={t('reports.from')} value={params.from} max={params.to} onChange={(e) => e.currentTarget.value && setCustom(e.currentTarget.value, params.to)} />
            <TextInput type="date" label={t('reports.to')} value={params.to} min={params.from} onChange={(e) => e.currentTarget.value && setCustom(params.from, e.currentTarget.value)} />
          </>
        )}
        {enumSelect('category', Object.values(TicketCategory), 'category')}
        {enumSelect('priority', Object.values(TicketPriority), 'priority')}
        {enumSelect('channel', Object.values(TicketChannel), 'channel')}
        <Select
          label={t('reports.filter.department')}
          placeholder={t('reports.filter.any')}
          // The chosen one stays listed even if it was renamed or removed since.
          data={[...new Set([...departments.map((d) => d.name), ...(params.department ? [params.department] : [])])]}
          value={params.department}
          onChange={(v) => set('department', v)}
          clearable
          w={170}
          data-testid="reports-filter-department"
        />
        {viewer.can('reports.view') && (
          <Select
            label={t('reports.filter.agent')}
            placeholder={t('reports.filter.any')}
            data={(data?.agentStats ?? []).map((a) => ({ value: a.agentId, label: a.name ?? a.agentId }))}
            value={params.agent}
            onChange={(v) => set('agent', v)}
            clearable
            w={180}
          />
        )}
        <Switch label={t('reports.businessHours')} checked={params.businessHours} onChange={(e) => set('businessHours', e.currentTarget.checked)} mb={8} data-testid="reports-business-hours" />
      </Group>
      {query.error && (
        <Alert color="red" title={t('reports.error')}>
          <Button size="xs" variant="default" onClick={() => void query.refetch()}>
            {t('reports.retry')}
          </Button>
        </Alert>
      )}
      {!data && !query.error && <Text aria-busy="true">{t('app.loading')}</Text>}
      {data && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Card testId="chart-volume" title={t('reports.chart.volume')} built={volume(data.ticketStats, t, label)} />
          <Card
            testId="chart-sla"
            title={t('reports.chart.sla')}
            built={slaCompliance(data.ticketStats, t, label)}
            onClick={() => open({ sla: 'BREACHED' })}
            action={
              <Button size="compact-xs" variant="light" onClick={() => open({ sla: 'BREACHED' })} data-testid="sla-breaches-link">
                {t('reports.breached', { count: data.slaBreaches.totalCount })}
              </Button>
            }
          />
          <Card testId="chart-status" title={t('reports.chart.status')} built={donut(data.ticketStats.byStatus, (k) => t(`status.${k}` as MessageKey), t('reports.tickets'), t('reports.status'))} onClick={(e) => open({ status: keyOf(e) })} />
          <Card testId="chart-category" title={t('reports.chart.category')} built={donut(data.ticketStats.byCategory, (k) => t(`category.${k}` as MessageKey), t('reports.tickets'), t('reports.category'))} onClick={(e) => open({ category: keyOf(e) })} />
          <Card testId="chart-times" title={t('reports.chart.times')} built={times(data.ticketStats, t, label)} />
          <Card testId="chart-heatmap" title={t('reports.chart.heatmap')} built={heatmap(data.trafficHeatmap, weekdays, t)} />
          <Card testId="chart-agents" title={viewer.can('reports.view') ? t('reports.chart.agents') : t('reports.chart.me')} built={leaderboard(data.agentStats, t)} />
          {viewer.can('reports.export') && <ExportCard range={range} />}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function Card({ title, built, testId, onClick, action }: { title: string; built: ReturnType<typeof volume>; testId: string; onClick?: (e: ChartClick) => void; action?: React.ReactNode }) {
  return (
    <ChartCard title={title} table={built.table} testId={`${testId}-card`} action={action}>
      <Chart option={built.option} testId={testId} onClick={onClick} />
    </ChartCard>
  );
}
