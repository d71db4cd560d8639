/** Test data through the public API, as a real client would make it. */

interface GraphQLAnswer<T> {
  data?: T;
  errors?: Array<{ message: string }>;
}

export async function graphql<T>(baseUrl: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLAnswer<T>;
  if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** The whole answer of a GraphQL request, errors included (for requests expected to fail). */
export async function graphqlRaw(
  baseUrl: string,
  query: string,
  token: string,
): Promise<{ status: number; body: { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> } }> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> } };
}

export async function apiLogin(baseUrl: string, email: string): Promise<string> {
  const data = await graphql<{ login: { accessToken: string } }>(
    baseUrl,
    'mutation Login($input: LoginInput!) { login(input: $input) { accessToken } }',
    { input: { email, password: 'sociodesk-demo' } },
  );
  return data.login.accessToken;
}

export interface CreatedTicket {
  id: string;
  number: number;
  title: string;
}

/** Opens a ticket as a customer. */
export async function createTicketAs(
  baseUrl: string,
  customerEmail: string,
  input: { title: string; description?: string; category?: string; priority?: string; tags?: string[] },
): Promise<CreatedTicket> {
  const token = await apiLogin(baseUrl, customerEmail);
  const data = await graphql<{ createTicket: CreatedTicket }>(
    baseUrl,
    'mutation Create($input: CreateTicketInput!) { createTicket(input: $input) { id number title } }',
    { input: { description: `${input.title} (browser test)`, category: 'TECHNICAL', priority: 'MEDIUM', ...input } },
    token,
  );
  return data.createTicket;
}
