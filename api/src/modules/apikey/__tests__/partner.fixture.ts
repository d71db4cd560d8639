import { gqlOk } from '../../../test/graphql.js';

/** Helpers for the partner API tests: issue and revoke API keys as a tenant admin. */

export const CREATE_KEY = /* GraphQL */ `
  mutation CreateKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { secret apiKey { id name prefix scopes expiresAt lastUsedAt revokedAt createdAt } }
  }
`;
export const API_KEYS = /* GraphQL */ `query Keys { apiKeys { id name prefix scopes expiresAt lastUsedAt revokedAt } }`;
export const REVOKE_KEY = /* GraphQL */ `mutation Revoke($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`;

export interface IssuedKey {
  id: string;
  secret: string;
  prefix: string;
}

export async function issueKey(url: string, adminToken: string, scopes: string[], extra: Record<string, unknown> = {}): Promise<IssuedKey> {
  const data = await gqlOk<{ createApiKey: { secret: string; apiKey: { id: string; prefix: string } } }>(
    url,
    CREATE_KEY,
    { input: { name: `key ${scopes.join(' ')}`, scopes: scopes.map(scopeEnum), ...extra } },
    { token: adminToken },
  );
  return { id: data.createApiKey.apiKey.id, secret: data.createApiKey.secret, prefix: data.createApiKey.apiKey.prefix };
}

export async function revokeKey(url: string, adminToken: string, id: string): Promise<void> {
  await gqlOk(url, REVOKE_KEY, { id }, { token: adminToken });
}

export const ALL_SCOPES = ['tickets:read', 'tickets:write', 'messages:read', 'messages:write', 'events:read'];

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `tickets:read` as the ApiKeyScope enum value (TICKETS_READ). */
export const scopeEnum = (scope: string): string => scope.toUpperCase().replace(':', '_');
