import { useCallback, useMemo } from 'react';
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
  // Two changes in a row (a picked option, then a debounced search) must both land. The
  // router moves its location in a transition, and an urgent render (typing) can still show
  // the previous one; the browser's own URL is already current, so each write builds on it.
  const current = () => new URLSearchParams(window.location.search);
  const setFilter = useCallback(
    <K extends keyof TicketFilterParams>(key: K, value: TicketFilterParams[K]) => {
      setParams(writeFilterParam(current(), key, value), { replace: true });
    },
    [setParams],
  );
  const clear = useCallback(() => {
    setParams(clearFilterParams(current()), { replace: true });
  }, [setParams]);
  return { filters, filter, setFilter, clear };
}
