export enum Role {
  ADMIN = 'ADMIN',
  AGENT = 'AGENT',
  CUSTOMER = 'CUSTOMER',
  /** An API key of a tenant: what it may do is further limited by its scopes. */
  PARTNER = 'PARTNER',
  /** A website visitor holding a chat session token: confined to that one chat. */
  VISITOR = 'VISITOR',
}

export const STAFF_ROLES: readonly Role[] = [Role.ADMIN, Role.AGENT];
export const ALL_ROLES: readonly Role[] = [Role.ADMIN, Role.AGENT, Role.CUSTOMER];

/**
 * Who is calling. Built once per request (or WebSocket connection) by `authenticate`.
 * A user signs in with a JWT (`kind: 'user'`); a partner integration uses an API key
 * (`kind: 'apiKey'`, role PARTNER). For a key, `userId` is the key's id: it is the actor
 * recorded on what the key changes, and the owner of its idempotency keys. A website
 * visitor holds a chat session token (`kind: 'chat'`, role VISITOR): `userId` and `chatId`
 * are the chat's id, and only fields that list VISITOR accept it.
 */
export interface Principal {
  kind: 'user' | 'apiKey' | 'chat';
  /** The one chat a chat session token may use. */
  chatId?: string;
  tenantId: string;
  userId: string;
  role: Role;
  /** What an API key may do (e.g. `tickets:read`); empty for users, whose role decides. */
  scopes: readonly string[];
  /** JWT id of the access token, or the API key id, that authenticated this principal. */
  tokenId: string;
  /** A user with a temporary password may only change it (and sign out). */
  mustChangePassword: boolean;
  /** When the credential stops being valid (an API key without expiry: far in the future). */
  expiresAt: Date;
  /** A platform operator (a user flag, not a tenant role): may use fields marked `@operator`. */
  operator?: boolean;
  /**
   * A user's permissions, as their access token carries them (see permissions.ts). Left out:
   * the built-in set of `role`. A change to a role applies at the next token refresh.
   */
  permissions?: readonly string[];
  /** The custom role the member holds in this tenant, if any. */
  customRoleId?: string | null;
}

export const isStaff = (p: Principal | null | undefined): boolean => !!p && STAFF_ROLES.includes(p.role);

/** Whether a principal holds a scope. Users are governed by their role and hold every scope. */
export const hasScope = (p: Principal, scope: string): boolean => p.kind !== 'apiKey' || p.scopes.includes(scope);
