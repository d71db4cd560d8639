import { ReportGroupBy, TicketCategory, TicketChannel, TicketPriority, type ReportFilterInput } from '../../generated/graphql';

/** The Reports page's choices, as kept in the URL query string. */
export interface ReportParams {
  /** Last 7, 30 or 90 days (up to now), or a custom range of local dates. */
  period: '7' | '30' | '90' | 'custom';
  /** Custom range, local dates "2026-03-01" (both included). */
  from: string;
  to: string;
  category: TicketCategory | null;
  priority: TicketPriority | null;
  channel: TicketChannel | null;
  /** A live chat department, by name (as the metrics rows keep it). */
  department: string | null;
  agent: string | null;
  businessHours: boolean;
}

const DAY = 86_400_000;
const PERIODS = ['7', '30', '90', 'custom'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;

export function readReportParams(params: URLSearchParams): ReportParams {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const custom = DATE.test(from) && DATE.test(to) && from <= to;
  const period = oneOf(PERIODS, params.get('period')) ?? '30';
  return {
    period: period === 'custom' && !custom ? '30' : period,
    from: custom ? from : '',
    to: custom ? to : '',
    category: oneOf(Object.values(TicketCategory), params.get('category')),
    priority: oneOf(Object.values(TicketPriority), params.get('priority')),
    channel: oneOf(Object.values(TicketChannel), params.get('channel')),
    department: params.get('department') || null,
    agent: params.get('agent') || null,
    businessHours: params.get('bh') === '1',
  };
}

/** Writes one choice into the query string; defaults are left out. */
export function writeReportParam<K extends keyof ReportParams>(params: URLSearchParams, key: K, value: ReportParams[K]): URLSearchParams {
  const next = new URLSearchParams(params);
  const name = key === 'businessHours' ? 'bh' : key;
  const empty = value === null || value === '' || value === false || (key === 'period' && value === '30');
  if (empty) next.delete(name);
  else next.set(name, value === true ? '1' : String(value));
  return next;
}

const localDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const startOfLocalDay = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d);
};

/** The instant range [from, to) of the choice: whole local days, today included. */
export function rangeOf(p: ReportParams, now = new Date()): { from: string; to: string } {
  if (p.period === 'custom') {
    const to = startOfLocalDay(p.to);
    to.setDate(to.getDate() + 1);
    return { from: startOfLocalDay(p.from).toISOString(), to: to.toISOString() };
  }
  const tomorrow = startOfLocalDay(localDate(now));
  tomorrow.setDate(tomorrow.getDate() + 1);
  const from = new Date(tomorrow);
  from.setDate(from.getDate() - Number(p.period));
  return { from: from.toISOString(), to: tomorrow.toISOString() };
}

/** Days for up to two months, weeks up to a year, months beyond. */
export function groupByOf(range: { from: string; to: string }): ReportGroupBy {
  const days = (new Date(range.to).getTime() - new Date(range.from).getTime()) / DAY;
  return days <= 62 ? ReportGroupBy.Day : days <= 366 ? ReportGroupBy.Week : ReportGroupBy.Month;
}

export function filterOf(p: ReportParams): ReportFilterInput {
  const filter: ReportFilterInput = {};
  if (p.category) filter.category = p.category;
  if (p.priority) filter.priority = p.priority;
  if (p.channel) filter.channel = p.channel;
  if (p.department) filter.department = p.department;
  if (p.agent) filter.assigneeId = p.agent;
  return filter;
}

/** The ticket list filtered to a chart segment, with the page's own filters carried over. */
export function ticketListLink(p: ReportParams, segment: { status?: string; category?: string; priority?: string; sla?: string }): string {
  const q = new URLSearchParams();
  const category = segment.category ?? p.category;
  const priority = segment.priority ?? p.priority;
  if (segment.status) q.set('status', segment.status);
  if (category) q.set('category', category);
  if (priority) q.set('priority', priority);
  if (segment.sla) q.set('sla', segment.sla);
  const s = q.toString();
  return s ? `/tickets?${s}` : '/tickets';
}
