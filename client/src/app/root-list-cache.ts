import type { ApolloCache, Reference } from '@apollo/client';

/**
 * Adds an entity just created to a cached root list (`apiKeys`, `webhookEndpoints`, ...),
 * first or last like the API orders it, once. A list that was never read stays unread.
 */
export function addToRootList(cache: ApolloCache, fieldName: string, item: { __typename: string; id: string }, at: 'start' | 'end'): void {
  const id = cache.identify(item);
  if (!id) return;
  cache.modify<Record<string, Reference[]>>({
    id: 'ROOT_QUERY',
    fields: {
      [fieldName]: (existing, { toReference }) => {
        const list = existing as Reference[];
        const ref = toReference(id);
        if (!Array.isArray(list) || !ref || list.some((entry) => entry.__ref === id)) return existing;
        return at === 'start' ? [ref, ...list] : [...list, ref];
      },
    },
  });
}
