export enum Role {
  ADMIN = 'ADMIN',
  AGENT = 'AGENT',
  CUSTOMER = 'CUSTOMER',
}

export const STAFF_ROLES: readonly Role[] = [Role.ADMIN, Role.AGENT];
export const ALL_ROLES: readonly Role[] = [Role.ADMIN, Role.AGENT, Role.CUSTOMER];

/** Who is calling. Built once per request (or WebSocket connection) by `authenticate`. */
export interface Principal {
  kind: 'user';
  tenantId: string;
  userId: string;
  role: Role;
  /** JWT id of the access token that authenticated this principal. */
  tokenId: string;
  /** A user with a temporary password may only change it (and sign out). */
  mustChangePassword: boolean;
  expiresAt: Date;
}

export const isStaff = (p: Principal | null | undefined): boolean => !!p && STAFF_ROLES.includes(p.role);
