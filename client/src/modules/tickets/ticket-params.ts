import {
  OrderDirection,
  SlaFilterState,
  TicketCategory,
  TicketOrderField,
  TicketPriority,
  TicketStatus,
  type TicketFilter,
  type TicketOrder,
} from '../../generated/graphql';

/** The filters of the board and the list, as kept in the URL query string. */
export interface TicketFilterParams {
  assignee: 'anyone' | 'me' | 'unassigned';
  priority: TicketPriority | null;
  category: TicketCategory | null;
  tag: string;
  text: string;
  /** Only tickets whose SLA is at risk, or breached. */
  sla: SlaFilterState | null;
  /** Any of these statuses (none: every status). The list only: the board has a column each. */
  status: TicketStatus[];
}

const SLA_FILTERS = [SlaFilterState.AtRisk, SlaFilterState.Breached] as const;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;

export function readFilterParams(params: URLSearchParams): TicketFilterParams {
  return {
    assignee: oneOf(['me', 'unassigned'] as const, params.get('assignee')) ?? 'anyone',
    priority: oneOf(Object.values(TicketPriority), params.get('priority')),
    category: oneOf(Object.values(TicketCategory), params.get('category')),
    tag: params.get('tag')?.trim() ?? '',
    text: params.get('q') ?? '',
    sla: oneOf(SLA_FILTERS, params.get('sla')),
    status: (params.get('status') ?? '').split(',').flatMap((value) => oneOf(Object.values(TicketStatus), value) ?? []),
  };
}

/** Writes one filter into the query string; defaults are left out so URLs stay short. */
export function writeFilterParam<K extends keyof TicketFilterParams>(params: URLSearchParams, key: K, value: TicketFilterParams[K]): URLSearchParams {
  const next = new URLSearchParams(params);
  const name = key === 'text' ? 'q' : key;
  const empty = value === null || value === '' || (key === 'assignee' && value === 'anyone') || (Array.isArray(value) && value.length === 0);
  if (empty) next.delete(name);
  else next.set(name, Array.isArray(value) ? value.join(',') : String(value));
  return next;
}

export function clearFilterParams(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of ['assignee', 'priority', 'category', 'tag', 'q', 'sla', 'status']) next.delete(name);
  return next;
}

export function hasFilters(filters: TicketFilterParams): boolean {
  return filters.assignee !== 'anyone' || !!filters.priority || !!filters.category || !!filters.tag || !!filters.text.trim() || !!filters.sla || filters.status.length > 0;
}

/** The API filter for these params; `me` is the signed-in user's id. */
export function toTicketFilter(filters: TicketFilterParams, me: string): TicketFilter {
  const filter: TicketFilter = {};
  if (filters.assignee === 'me') filter.assigneeId = me;
  if (filters.assignee === 'unassigned') filter.unassigned = true;
  if (filters.priority) filter.priority = filters.priority;
  if (filters.category) filter.category = filters.category;
  if (filters.tag) filter.tag = filters.tag.toLowerCase();
  if (filters.text.trim()) filter.text = filters.text.trim();
  if (filters.sla) filter.slaState = [filters.sla];
  if (filters.status.length > 0) filter.status = filters.status;
  return filter;
}

/** The list's order from `?sort=&dir=` (newest first by default). */
export function readOrderParams(params: URLSearchParams): TicketOrder {
  return {
    field: oneOf(Object.values(TicketOrderField), params.get('sort')) ?? TicketOrderField.CreatedAt,
    direction: oneOf(Object.values(OrderDirection), params.get('dir')) ?? OrderDirection.Desc,
  };
}

/**
 * Clicking a column: sort by it (descending first, but SLA due time soonest first), or flip the
 * direction if it is already the sort.
 */
export function toggleOrderParams(params: URLSearchParams, field: TicketOrderField): URLSearchParams {
  const current = readOrderParams(params);
  const next = new URLSearchParams(params);
  const first = field === TicketOrderField.SlaDue ? OrderDirection.Asc : OrderDirection.Desc;
  const flipped = current.direction === OrderDirection.Desc ? OrderDirection.Asc : OrderDirection.Desc;
  const direction = current.field === field ? flipped : first;
  next.set('sort', field);
  next.set('dir', direction);
  return next;
}

/** "Open tickets by SLA": open and in-progress tickets, the soonest SLA deadline first. */
export function openBySlaParams(params: URLSearchParams): URLSearchParams {
  const next = writeFilterParam(params, 'status', [TicketStatus.Open, TicketStatus.InProgress]);
  next.set('sort', TicketOrderField.SlaDue);
  next.set('dir', OrderDirection.Asc);
  return next;
}
