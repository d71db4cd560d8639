import { ApiKeyScope } from '../../generated/graphql';

/** The scopes a key may hold: the schema's ApiKeyScope enum, as generated (no copy of the API's list). */
export const API_KEY_SCOPES: readonly ApiKeyScope[] = Object.values(ApiKeyScope);

export type ApiKeyStatus = 'active' | 'revoked' | 'expired';

export function apiKeyStatus(key: { revokedAt: string | null; expiresAt: string | null }, now: number): ApiKeyStatus {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && Date.parse(key.expiresAt) <= now) return 'expired';
  return 'active';
}
