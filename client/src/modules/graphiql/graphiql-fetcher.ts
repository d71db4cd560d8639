import { createGraphiQLFetcher, type Fetcher, type FetcherParams } from '@graphiql/toolkit';
import { Kind, parse, type DocumentNode } from 'graphql';

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
 * The document and operation name of what is being run, read from the query text itself:
 * GraphiQL updates its parsed copy and operation name a moment after each edit, so running
 * right after typing could otherwise send a subscription over HTTP or name a stale operation.
 */
export function currentOperation(params: FetcherParams): { documentAST?: DocumentNode; operationName?: string | null } {
  let documentAST: DocumentNode;
  try {
    documentAST = parse(params.query);
  } catch {
    return {};
  }
  const names = documentAST.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value ?? null] : []));
  const operationName = params.operationName && names.includes(params.operationName) ? params.operationName : names.length === 1 ? names[0] : params.operationName;
  return { documentAST, operationName };
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
    const { documentAST, operationName } = currentOperation(params);
    return base(
      operationName === undefined ? params : { ...params, operationName },
      { ...fetcherOptions, headers, ...(documentAST ? { documentAST } : {}) },
    );
  };
}
