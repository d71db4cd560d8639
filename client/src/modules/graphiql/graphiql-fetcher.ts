import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';

export interface GraphiQLFetcherOptions {
  /** e.g. https://help.example.com/graphql */
  url: string;
  /** e.g. wss://help.example.com/graphql */
  subscriptionUrl: string;
  /** The token the headers editor was prefilled with. */
  prefilledToken: string;
  /** The signed-in session's access token now, refreshed when it is about to expire. */
  currentToken: () => Promise<string | null>;
}

/** Replaces a header holding the prefilled (possibly since refreshed) token by the current one. */
export async function withCurrentToken(
  headers: Record<string, unknown> | undefined,
  prefilledToken: string,
  currentToken: () => Promise<string | null>,
): Promise<Record<string, unknown> | undefined> {
  if (!headers) return headers;
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'authorization');
  if (!entry || entry[1] !== `Bearer ${prefilledToken}`) return headers;
  const token = await currentToken();
  return token ? { ...headers, [entry[0]]: `Bearer ${token}` } : headers;
}

/**
 * GraphiQL's fetcher: queries and mutations over HTTP, subscriptions over graphql-ws (the
 * headers editor's values become the socket's connectionParams). The prefilled token keeps
 * working after the app refreshes it; a token typed by hand is sent as it is.
 */
export function createSociodeskFetcher(options: GraphiQLFetcherOptions): Fetcher {
  const base = createGraphiQLFetcher({ url: options.url, subscriptionUrl: options.subscriptionUrl });
  return async (params, fetcherOptions) => {
    const headers = await withCurrentToken(fetcherOptions?.headers, options.prefilledToken, options.currentToken);
    return base(params, { ...fetcherOptions, headers });
  };
}
