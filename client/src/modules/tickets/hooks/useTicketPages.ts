import { useQuery } from '@apollo/client/react';
import { NetworkStatus } from '@apollo/client';
import { useCallback } from 'react';
import { TicketsDocument, type TicketCardFragment, type TicketFilter, type TicketOrder } from '../../../generated/graphql';

export const LIST_PAGE_SIZE = 30;

/** A ticket list that loads page after page (Relay `first`/`after`), for infinite scroll. */
export function useTicketPages(filter: TicketFilter, orderBy: TicketOrder) {
  const { data, error, networkStatus, fetchMore, refetch } = useQuery(TicketsDocument, {
    variables: { filter, orderBy, first: LIST_PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const connection = data?.tickets;
  const loadingMore = networkStatus === NetworkStatus.fetchMore;
  const hasNextPage = !!connection?.pageInfo.hasNextPage;
  const loadMore = useCallback(() => {
    if (!connection || !hasNextPage || loadingMore) return;
    void fetchMore({ variables: { after: connection.pageInfo.endCursor } });
  }, [connection, fetchMore, hasNextPage, loadingMore]);
  const tickets: TicketCardFragment[] = connection?.edges.map((edge) => edge.node) ?? [];
  return {
    tickets,
    totalCount: connection?.totalCount ?? 0,
    loaded: !!connection,
    loading: !connection && networkStatus !== NetworkStatus.error && !error,
    loadingMore,
    hasNextPage,
    loadMore,
    error,
    refetch,
  };
}
