import type { ApolloCache, Reference } from '@apollo/client';
import { NotificationFieldsFragmentDoc, type NotificationFieldsFragment } from '../../generated/graphql';

/**
 * The bell's data in the cache: `unreadNotificationCount` and the cached `notifications` lists
 * are adjusted in place when a notification arrives or is marked read, never fetched again.
 */

interface StoredEdge {
  __typename?: string;
  cursor: string;
  node: Reference;
}

interface StoredConnection {
  __typename?: string;
  totalCount?: number;
  edges?: StoredEdge[];
}

/**
 * A new notification (from notificationAdded): stored, put first in every cached list, and
 * counted as unread. One that a cached list holds already (applied before, or read with the
 * list) changes nothing, so applying the same one twice is harmless.
 */
export function addNotification(cache: ApolloCache, notification: NotificationFieldsFragment): void {
  const id = cache.identify({ __typename: 'Notification', id: notification.id });
  if (!id) return;
  // Apollo has usually stored the subscription's result already; the lists tell what is new.
  let listed = false;
  cache.modify<Record<string, unknown>>({
    id: 'ROOT_QUERY',
    fields: {
      notifications(existing) {
        if ((existing as StoredConnection)?.edges?.some((edge) => edge.node.__ref === id)) listed = true;
        return existing;
      },
    },
  });
  cache.writeFragment({ id, fragment: NotificationFieldsFragmentDoc, fragmentName: 'NotificationFields', data: notification });
  if (listed) return;
  const unread = !notification.readAt;
  cache.modify<Record<string, unknown>>({
    id: 'ROOT_QUERY',
    fields: {
      notifications(existing, { storeFieldName, toReference }) {
        const list = existing as StoredConnection;
        const ref = toReference(id);
        if (!list?.edges || !ref) return existing;
        if (!unread && storeFieldName.includes('"unreadOnly":true')) return existing;
        const edge: StoredEdge = { __typename: 'NotificationEdge', cursor: `live:${notification.id}`, node: ref };
        return { ...list, edges: [edge, ...list.edges], totalCount: (list.totalCount ?? 0) + 1 };
      },
      unreadNotificationCount(existing) {
        return unread && typeof existing === 'number' ? existing + 1 : existing;
      },
    },
  });
}

/**
 * Marks notifications read in the cache: the given ones, or every cached one with `all`. The
 * unread count drops by `changed` (what the API says it changed), or to 0 with `all`.
 */
export function markReadInCache(cache: ApolloCache, target: { ids: readonly string[] } | { all: true }, changed: number, readAt: string): void {
  const all = 'all' in target;
  const marked = new Set<string>(all ? [] : target.ids.map((id) => cache.identify({ __typename: 'Notification', id }) ?? ''));
  if (all) {
    // Every notification in a cached list.
    cache.modify<Record<string, unknown>>({
      id: 'ROOT_QUERY',
      fields: {
        notifications(existing) {
          for (const edge of (existing as StoredConnection)?.edges ?? []) marked.add(edge.node.__ref);
          return existing;
        },
      },
    });
  }
  for (const id of marked) if (id) cache.modify({ id, fields: { readAt: (value) => value ?? readAt } });
  cache.modify<Record<string, unknown>>({
    id: 'ROOT_QUERY',
    fields: {
      notifications(existing, { storeFieldName }) {
        // Lists of unread ones only lose what was just read.
        const list = existing as StoredConnection;
        if (!storeFieldName.includes('"unreadOnly":true') || !list?.edges) return existing;
        const edges = list.edges.filter((edge) => !marked.has(edge.node.__ref));
        return edges.length === list.edges.length ? existing : { ...list, edges, totalCount: Math.max(0, (list.totalCount ?? 0) - (list.edges.length - edges.length)) };
      },
      unreadNotificationCount(existing) {
        if (typeof existing !== 'number') return existing;
        return all ? 0 : Math.max(0, existing - changed);
      },
    },
  });
}
