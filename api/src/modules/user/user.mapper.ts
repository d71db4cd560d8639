import type { Membership } from './membership.entity.js';
import type { UserType } from './user.types.js';

/** A membership (with its user loaded) as the GraphQL `User` of the current tenant. */
export function toUserType(membership: Membership): UserType {
  const user = membership.user;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: membership.role,
    customRoleId: membership.customRoleId ?? null,
    active: user.active && membership.active,
    createdAt: membership.createdAt,
    lastSignInAt: membership.lastSignInAt,
  };
}
