import type { EChartsOption } from 'echarts';
import type { MessageKey } from '../../../app/i18n';
import type { ReportsQuery } from '../../../generated/graphql';
import type { FigureTable } from './ChartCard';

type Stats = ReportsQuery['ticketStats'];
type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const PALETTE = ['#3b5bdb', '#2b8a3e', '#e8590c', '#862e9c', '#c92a2a', '#1098ad'];
export const hours = (minutes: number | null | undefined) => (minutes === null || minutes === undefined ? null : Math.round((minutes / 60) * 10) / 10);
const cell = (v: number | null | undefined, suffix = '') => (v === null || v === undefined ? '—' : `${v}${suffix}`);

const axisChart = (labels: string[], series: Array<{ name: string; data: Array<number | null>; type?: 'line' | 'bar' }>, yName?: string, max?: number): EChartsOption => ({
  color: PALETTE,
  tooltip: { trigger: 'axis' },
  legend: { top: 0 },
  grid: { left: 44, right: 16, top: 36, bottom: 28 },
  xAxis: { type: 'category', data: labels },
  yAxis: { type: 'value', name: yName, max, minInterval: 1 },
  series: series.map((s) => ({ type: s.type ?? 'line', name: s.name, data: s.data, connectNulls: true, showSymbol: labels.length < 40 })),
});

export function volume(stats: Stats, t: Translate, label: (b: string) => string): { option: EChartsOption; table: FigureTable } {
  const labels = stats.buckets.map((b) => label(b.bucket));
  const names = [t('reports.created'), t('reports.resolved'), t('reports.backlog')];
  return {
    option: axisChart(labels, [
      { name: names[0], data: stats.buckets.map((b) => b.created) },
      { name: names[1], data: stats.buckets.map((b) => b.resolved) },
      { name: names[2], data: stats.buckets.map((b) => b.backlog) },
    ]),
    table: { columns: [t('reports.period'), ...names], rows: stats.buckets.map((b, i) => [labels[i], b.created, b.resolved, b.backlog]) },
  };
}

export function slaCompliance(stats: Stats, t: Translate, label: (b: string) => string): { option: EChartsOption; table: FigureTable } {
  const labels = stats.buckets.map((b) => label(b.bucket));
  const names = [t('reports.slaFirstResponse'), t('reports.slaResolution')];
  const rows = stats.buckets.filter((b) => b.slaFirstResponseCompliance !== null || b.slaResolutionCompliance !== null);
  return {
    option: axisChart(labels, [
      { name: names[0], data: stats.buckets.map((b) => b.slaFirstResponseCompliance), type: 'bar' },
      { name: names[1], data: stats.buckets.map((b) => b.slaResolutionCompliance), type: 'bar' },
    ], '%', 100),
    table: {
      columns: [t('reports.period'), ...names],
      rows: [
        [t('reports.total'), cell(stats.totals.slaFirstResponseCompliance, '%'), cell(stats.totals.slaResolutionCompliance, '%')],
        ...rows.map((b) => [label(b.bucket), cell(b.slaFirstResponseCompliance, '%'), cell(b.slaResolutionCompliance, '%')]),
      ],
    },
  };
}

export function times(stats: Stats, t: Translate, label: (b: string) => string): { option: EChartsOption; table: FigureTable } {
  const labels = stats.buckets.map((b) => label(b.bucket));
  const names = [t('reports.firstResponseMedian'), t('reports.resolutionMedian'), t('reports.firstResponseP90'), t('reports.resolutionP90')];
  const rows = stats.buckets.filter((b) => b.firstResponseMedian !== null || b.resolutionMedian !== null);
  return {
    option: axisChart(labels, [
      { name: names[0], data: stats.buckets.map((b) => hours(b.firstResponseMedian)) },
      { name: names[1], data: stats.buckets.map((b) => hours(b.resolutionMedian)) },
    ], t('reports.hours')),
    table: {
      columns: [t('reports.period'), ...names.map((n) => `${n} (${t('reports.hours')})`)],
      rows: rows.map((b) => [label(b.bucket), cell(hours(b.firstResponseMedian)), cell(hours(b.resolutionMedian)), cell(hours(b.firstResponseP90)), cell(hours(b.resolutionP90))]),
    },
  };
}

/** A donut of counts by key; `data[i].key` comes back in the click event. */
export function donut(items: Array<{ key: string; count: number }>, name: (key: string) => string, countLabel: string, title: string): { option: EChartsOption; table: FigureTable } {
  return {
    option: {
      color: PALETTE,
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, type: 'scroll' },
      series: [{ type: 'pie', name: title, radius: ['45%', '70%'], center: ['50%', '45%'], label: { formatter: '{b}: {c}' },
        data: items.map((i) => ({ name: name(i.key), value: i.count, key: i.key })) }],
    },
    table: { columns: [title, countLabel], rows: items.map((i) => [name(i.key), i.count]) },
  };
}

export function heatmap(cells: ReportsQuery['trafficHeatmap'], weekdays: string[], t: Translate): { option: EChartsOption; table: FigureTable } {
  const hoursAxis = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));
  const max = Math.max(1, ...cells.map((c) => c.tickets));
  return {
    option: {
      tooltip: { position: 'top' },
      grid: { left: 44, right: 16, top: 8, bottom: 64 },
      xAxis: { type: 'category', data: hoursAxis, splitArea: { show: true } },
      yAxis: { type: 'category', data: weekdays, inverse: true, splitArea: { show: true } },
      visualMap: { min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#edf2ff', '#364fc7'] } },
      series: [{ type: 'heatmap', name: t('reports.tickets'), data: cells.map((c) => [c.hour, c.weekday - 1, c.tickets]) }],
    },
    table: {
      columns: [t('reports.weekday'), t('reports.hour'), t('reports.tickets'), t('reports.chats')],
      rows: cells.map((c) => [weekdays[c.weekday - 1], hoursAxis[c.hour], c.tickets, c.chats]),
    },
  };
}

export function leaderboard(agents: ReportsQuery['agentStats'], t: Translate): { option: EChartsOption; table: FigureTable } {
  const top = agents.slice(0, 10);
  const names = top.map((a) => a.name ?? a.agentId);
  return {
    option: {
      color: PALETTE,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 110, right: 16, top: 36, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: names, inverse: true },
      series: [
        { type: 'bar', name: t('reports.resolved'), data: top.map((a) => a.resolved) },
        { type: 'bar', name: t('reports.handled'), data: top.map((a) => a.ticketsHandled) },
      ],
    },
    table: {
      columns: [t('reports.agent'), t('reports.handled'), t('reports.chats'), t('reports.resolved'),
        `${t('reports.firstResponseMedian')} (${t('reports.hours')})`, `${t('reports.resolutionMedian')} (${t('reports.hours')})`,
        t('reports.slaCompliance'), t('reports.csat')],
      rows: agents.map((a) => [a.name ?? a.agentId, a.ticketsHandled, a.chatsHandled, a.resolved, cell(hours(a.firstResponseMedian)), cell(hours(a.resolutionMedian)),
        cell(a.slaCompliance, '%'), cell(a.csatAverage === null || a.csatAverage === undefined ? null : Math.round(a.csatAverage * 10) / 10)]),
    },
  };
}
