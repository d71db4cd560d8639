import type { EntityManager } from '@mikro-orm/core';
import { User } from '../user/user.entity.js';

/**
 * Grants or revokes the platform operator flag of an existing user. Used by
 * `npm run operator -w api -- grant|revoke <email>`; takes effect at the user's next sign-in
 * or token refresh.
 */
export async function setPlatformOperator(em: EntityManager, email: string, operator: boolean): Promise<boolean> {
  // Users are global rows.
  const changed = await em.nativeUpdate(User, { email: email.trim().toLowerCase() }, { platformOperator: operator });
  return changed === 1;
}

export async function listPlatformOperators(em: EntityManager): Promise<string[]> {
  const users = await em.find(User, { platformOperator: true }, { fields: ['email'], orderBy: { email: 'asc' } });
  return users.map((u) => u.email);
}
