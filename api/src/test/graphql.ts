export interface GraphQLErrorShape {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string; fields?: Record<string, string[]>; requestId?: string; [key: string]: unknown };
}

export interface GraphQLResult<T = Record<string, any>> {
  status: number;
  headers: Headers;
  data: T | null;
  errors?: GraphQLErrorShape[];
  extensions?: Record<string, any>;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
}

/** Sends one GraphQL operation over HTTP POST, the way any client would. */
export async function gql<T = Record<string, any>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: RequestOptions = {},
): Promise<GraphQLResult<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T | null; errors?: GraphQLErrorShape[]; extensions?: Record<string, any> };
  return { status: response.status, headers: response.headers, data: body.data ?? null, errors: body.errors, extensions: body.extensions };
}

/** The data of a successful operation; fails the test with the server's errors otherwise. */
export async function gqlOk<T = Record<string, any>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: RequestOptions = {},
): Promise<T> {
  const result = await gql<T>(baseUrl, query, variables, options);
  if (result.errors?.length || !result.data) {
    throw new Error(`GraphQL operation failed: ${JSON.stringify(result.errors ?? result)}`);
  }
  return result.data;
}

export function errorCode(result: GraphQLResult): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}
