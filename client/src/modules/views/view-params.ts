import { SlaFilterState, type SavedViewFieldsFragment, type SavedViewFilterInput } from '../../generated/graphql';
import { clearFilterParams, readFilterParams, writeFilterParam } from '../tickets/ticket-params';

type ViewFilter = SavedViewFieldsFragment['filter'];

/** The list's and board's URL filters for a view (other query parameters, such as sorting, stay). */
export function paramsForView(current: URLSearchParams, f: ViewFilter): URLSearchParams {
  let next = clearFilterParams(current);
  if (f.status?.length) next = writeFilterParam(next, 'status', f.status);
  if (f.priority) next = writeFilterParam(next, 'priority', f.priority);
  if (f.category) next = writeFilterParam(next, 'category', f.category);
  if (f.assignedToMe) next = writeFilterParam(next, 'assignee', 'me');
  else if (f.unassigned) next = writeFilterParam(next, 'assignee', 'unassigned');
  if (f.tag) next = writeFilterParam(next, 'tag', f.tag);
  if (f.text) next = writeFilterParam(next, 'text', f.text);
  const sla = f.slaState?.find((s) => s === SlaFilterState.AtRisk || s === SlaFilterState.Breached);
  if (sla) next = writeFilterParam(next, 'sla', sla);
  return next;
}

/** The current URL filters as a view's filter. */
export function viewFilterFromParams(params: URLSearchParams): SavedViewFilterInput {
  const f = readFilterParams(params);
  const out: SavedViewFilterInput = {};
  if (f.status.length) out.status = f.status;
  if (f.priority) out.priority = f.priority;
  if (f.category) out.category = f.category;
  if (f.assignee === 'me') out.assignedToMe = true;
  if (f.assignee === 'unassigned') out.unassigned = true;
  if (f.tag) out.tag = f.tag.toLowerCase();
  if (f.text.trim()) out.text = f.text.trim();
  if (f.sla) out.slaState = [f.sla];
  return out;
}

/** Whether the URL shows exactly this view's filters. */
export function isActiveView(params: URLSearchParams, f: ViewFilter): boolean {
  const key = (p: URLSearchParams) => JSON.stringify(readFilterParams(p));
  return key(params) === key(paramsForView(params, f));
}
