import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { useViewer } from '../../../app/viewer';
import type { TicketFilter } from '../../../generated/graphql';
import { clearFilterParams, readFilterParams, toTicketFilter, writeFilterParam, type TicketFilterParams } from '../ticket-params';

/** The board's and list's filters, read from and written to the URL (so they can be shared and reloaded). */
export function useTicketFilters(): {
  filters: TicketFilterParams;
  filter: TicketFilter;
  setFilter: <K extends keyof TicketFilterParams>(key: K, value: TicketFilterParams[K]) => void;
  clear: () => void;
} {
  const [params, setParams] = useSearchParams();
  const viewer = useViewer();
  const filters = useMemo(() => readFilterParams(params), [params]);
  const filter = useMemo(() => toTicketFilter(filters, viewer.userId), [filters, viewer.userId]);
  // Two changes in a row (a picked option, then a debounced search) must both land, even
  // before the router has rendered the first: each writes on top of the last one written.
  const latest = useRef(params);
  const rendered = useRef(params);
  if (rendered.current !== params) {
    // The URL moved (a write of ours arrived, or back/forward): that is the base from now on.
    rendered.current = params;
    latest.current = params;
  }
  const setFilter = useCallback(
    <K extends keyof TicketFilterParams>(key: K, value: TicketFilterParams[K]) => {
      latest.current = writeFilterParam(latest.current, key, value);
      setParams(latest.current, { replace: true });
    },
    [setParams],
  );
  const clear = useCallback(() => {
    latest.current = clearFilterParams(latest.current);
    setParams(latest.current, { replace: true });
  }, [setParams]);
  return { filters, filter, setFilter, clear };
}
