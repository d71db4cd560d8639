import type { ApolloCache } from '@apollo/client';

/** A deleted endpoint goes with its delivery log: both leave the cache (the log is read again). */
export function removeEndpoint(cache: ApolloCache, endpointId: string): void {
  const id = cache.identify({ __typename: 'WebhookEndpoint', id: endpointId });
  if (id) cache.evict({ id });
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'webhookDeliveries' });
  cache.gc();
}

/** "https://hooks.example.com/…/sociodesk": a long URL shortened for tables. */
export function shortUrl(url: string, max = 48): string {
  if (url.length <= max) return url;
  try {
    const parsed = new URL(url);
    const tail = parsed.pathname.split('/').filter(Boolean).at(-1) ?? '';
    const short = `${parsed.origin}/…/${tail}`;
    return short.length <= max ? short : `${url.slice(0, max - 1)}…`;
  } catch {
    return `${url.slice(0, max - 1)}…`;
  }
}
