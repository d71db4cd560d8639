import { ApiKeyScope } from '../../generated/graphql';
import type { ApolloCache, Reference } from '@apollo/client';

/** The scopes a key may hold: the schema's ApiKeyScope enum, as generated (no copy of the API's list). */
export const API_KEY_SCOPES: readonly ApiKeyScope[] = Object.values(ApiKeyScope);

export type ApiKeyStatus = 'active' | 'revoked' | 'expired';

export function apiKeyStatus(key: { revokedAt: string | null; expiresAt: string | null }, now: number): ApiKeyStatus {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && Date.parse(key.expiresAt) <= now) return 'expired';
  return 'active';
}

/** Puts a key just created first in the cached `apiKeys` (the list is newest first). */
export function addApiKeyToList(cache: ApolloCache, key: { __typename: 'ApiKey'; id: string }): void {
  const id = cache.identify(key);
  if (!id) return;
  cache.modify<Record<string, Reference[]>>({
    id: 'ROOT_QUERY',
    fields: {
      apiKeys(existing, { toReference }) {
        const list = existing as Reference[];
        const ref = toReference(id);
        if (!Array.isArray(list) || !ref || list.some((item) => item.__ref === id)) return existing;
        return [ref, ...list];
      },
    },
  });
}
