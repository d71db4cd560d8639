import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { MarkNotificationsReadDocument } from '../../../generated/graphql';
import { markReadInCache } from '../notification-cache';

/** Marks some notifications, or all, read: at once on screen, then as the API confirms. */
export function useMarkRead() {
  const [mutate, { loading }] = useMutation(MarkNotificationsReadDocument);
  const markRead = useCallback(
    (target: { ids: readonly string[] } | { all: true }) => {
      const readAt = new Date().toISOString();
      const ids = 'ids' in target ? [...target.ids] : null;
      return mutate({
        variables: ids ? { ids, all: false } : { all: true },
        optimisticResponse: { markNotificationsRead: ids ? ids.length : 0 },
        update: (cache, { data }) => markReadInCache(cache, target, data?.markNotificationsRead ?? 0, readAt),
      });
    },
    [mutate],
  );
  return { markRead, loading };
}
