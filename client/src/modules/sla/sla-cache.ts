import type { ApolloCache, Reference } from '@apollo/client';

/**
 * Cache upkeep for the SLA settings. Changing a policy or the business hours makes the API
 * recompute the due times of open tickets without sending ticket events, so the cached ticket
 * lists and pages are dropped: each is read again, fresh, the next time a screen shows it.
 */
export function forgetTicketSlaData(cache: ApolloCache): void {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'tickets' });
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'ticketByNumber' });
  cache.gc();
}

/** Adds a policy the API created to the cached `slaPolicies` (a replaced one is already there). */
export function addPolicyToList(cache: ApolloCache, policy: { __typename: 'SlaPolicy'; id: string }): void {
  const id = cache.identify(policy);
  if (!id) return;
  cache.modify<Record<string, Reference[]>>({
    id: 'ROOT_QUERY',
    fields: {
      slaPolicies(existing, { toReference }) {
        const list = existing as Reference[];
        const ref = toReference(id);
        if (!Array.isArray(list) || !ref || list.some((item) => item.__ref === id)) return existing;
        return [...list, ref];
      },
    },
  });
}

/** Takes a deleted policy out of the cache. */
export function removePolicyFromList(cache: ApolloCache, policyId: string): void {
  const id = cache.identify({ __typename: 'SlaPolicy', id: policyId });
  if (!id) return;
  cache.evict({ id });
  cache.gc();
}
