/** The scopes a key may hold (the API's list). */
export const API_KEY_SCOPES = ['tickets:read', 'tickets:write', 'messages:read', 'messages:write', 'events:read'] as const;

export type ApiKeyStatus = 'active' | 'revoked' | 'expired';

export function apiKeyStatus(key: { revokedAt: string | null; expiresAt: string | null }, now: number): ApiKeyStatus {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && Date.parse(key.expiresAt) <= now) return 'expired';
  return 'active';
}
