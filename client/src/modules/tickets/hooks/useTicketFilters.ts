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
  const setFilter = useCallback(
    <K extends keyof TicketFilterParams>(key: K, value: TicketFilterParams[K]) =>
      setParams((current) => writeFilterParam(current, key, value), { replace: true }),
    [setParams],
  );
  const clear = useCallback(() => setParams((current) => clearFilterParams(current), { replace: true }), [setParams]);
  return { filters, filter, setFilter, clear };
}
