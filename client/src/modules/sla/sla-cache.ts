import type { ApolloCache } from '@apollo/client';

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

/** Takes a deleted policy out of the cache. */
export function removePolicyFromList(cache: ApolloCache, policyId: string): void {
  const id = cache.identify({ __typename: 'SlaPolicy', id: policyId });
  if (!id) return;
  cache.evict({ id });
  cache.gc();
}
