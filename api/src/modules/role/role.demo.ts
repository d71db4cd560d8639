import type { EntityManager } from '@mikro-orm/core';
import { BUILT_IN_PERMISSIONS, normalizePermissions, Permission } from '../../platform/auth/permissions.js';
import { Role } from '../../platform/auth/principal.js';
import { RoleBase, RoleDefinition } from './role.entity.js';

/** The demo workspace's own roles: a team lead (agents' permissions plus reports) and a read-only observer. */
export function seedDemoRoles(tx: EntityManager): { teamLead: RoleDefinition; observer: RoleDefinition } {
  const teamLead = tx.create(RoleDefinition, {
    name: 'Team lead',
    base: RoleBase.STAFF,
    permissions: normalizePermissions([...BUILT_IN_PERMISSIONS[Role.AGENT], Permission.REPORTS_VIEW, Permission.REPORTS_EXPORT]),
  });
  const observer = tx.create(RoleDefinition, {
    name: 'Observer',
    base: RoleBase.STAFF,
    // The statistics page needs stats.view; reports.view widens it to the whole workspace.
    permissions: normalizePermissions([Permission.TICKETS_READ, Permission.STATS_VIEW, Permission.REPORTS_VIEW]),
  });
  return { teamLead, observer };
}
