import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { Role } from '../../platform/auth/principal.js';
import { TENANT_FILTER } from '../../platform/db/base.entity.js';
import { badInput } from '../../platform/errors.js';
import { Tenant, TenantStatus } from '../tenant/tenant.entity.js';
import { Membership } from '../user/membership.entity.js';
import { User } from '../user/user.entity.js';
import { RESERVED_SLUGS, SLUG_MESSAGE, SLUG_PATTERN } from './signup.inputs.js';

export interface NewWorkspace {
  name: string;
  slug: string;
  status: TenantStatus;
}

export const slugTaken = () => badInput({ slug: ['is already taken'] });

export function checkSlug(slug: string): string {
  const s = slug.trim().toLowerCase();
  if (!SLUG_PATTERN.test(s) || s.length < 2) throw badInput({ slug: [SLUG_MESSAGE] });
  if (RESERVED_SLUGS.has(s)) throw slugTaken();
  return s;
}

/**
 * Creates a tenant with its first admin, inside the caller's transaction. The one place that
 * makes tenants: sign-up and the platform operator both come here. `tx` must be the fork that
 * `em.transactional` hands over: it is left scoped to the new tenant.
 */
export async function createWorkspace(tx: EntityManager, workspace: NewWorkspace, admin: User): Promise<{ tenant: Tenant; membership: Membership }> {
  const slug = checkSlug(workspace.slug);
  if (await tx.findOne(Tenant, { slug })) throw slugTaken();
  const tenant = tx.create(Tenant, { slug, name: workspace.name.trim(), status: workspace.status });
  // The rest of this transaction works in the new tenant (the caller's em is a fork of its own).
  tx.setFilterParams(TENANT_FILTER, { tenantId: tenant.id });
  const membership = tx.create(Membership, { user: admin, role: Role.ADMIN });
  try {
    await tx.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw slugTaken();
    throw error;
  }
  return { tenant, membership };
}
