import { gqlOk, type GraphQLResult } from './graphql.js';

/** GraphQL operations and small helpers for the user administration tests. */

export const USERS = /* GraphQL */ `
  query Users($filter: UserFilter, $first: Int, $after: String) {
    users(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id email name role active } }
    }
  }
`;

export const CREATE_USER = /* GraphQL */ `
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) { temporaryPassword user { id email name role active } }
  }
`;

export const UPDATE_ROLE = /* GraphQL */ `
  mutation UpdateRole($userId: ID!, $role: Role!) { updateUserRole(userId: $userId, role: $role) { id role active } }
`;

export const DEACTIVATE = /* GraphQL */ `
  mutation Deactivate($userId: ID!) { deactivateUser(userId: $userId) { id role active } }
`;

export const CHANGE_PASSWORD = /* GraphQL */ `
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) { accessToken refreshToken mustChangePassword role }
  }
`;

export const REFRESH = /* GraphQL */ `
  mutation Refresh($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken role } }
`;

export const ME = /* GraphQL */ `{ me { user { id email role } role mustChangePassword tenant { id } } }`;

export interface UserNode {
  id: string;
  email: string;
  name: string;
  role: string;
  active: boolean;
}

export interface UserPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: Array<{ cursor: string; node: UserNode }>;
}

export async function listUsers(url: string, token: string, variables: Record<string, unknown> = {}): Promise<UserPage> {
  return (await gqlOk<{ users: UserPage }>(url, USERS, { first: 100, ...variables }, { token })).users;
}

/** Walks every page with the given page size, checking each page's shape on the way. */
export async function walkUsers(url: string, token: string, first: number, filter?: Record<string, unknown>): Promise<{ pages: UserPage[]; nodes: UserNode[] }> {
  const pages: UserPage[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const page: UserPage = await listUsers(url, token, { first, after, filter });
    pages.push(page);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { pages, nodes: pages.flatMap((p) => p.edges.map((e) => e.node)) };
}

/** The first error of a result that must have failed. */
export function firstError(result: GraphQLResult): NonNullable<GraphQLResult['errors']>[number] {
  if (!result.errors?.length) throw new Error(`Expected an error, got ${JSON.stringify(result.data)}`);
  return result.errors[0];
}
