import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { BUILT_IN_PERMISSIONS, isPermission, normalizePermissions, permissionName, PERMISSIONS, type Permission } from '../../platform/auth/permissions.js';
import { Role } from '../../platform/auth/principal.js';
import { badInput, conflict, notFound, type FieldErrors } from '../../platform/errors.js';
import { Membership } from '../user/membership.entity.js';
import { RoleBase, RoleDefinition } from './role.entity.js';
import type { CreateRoleInput, UpdateRoleInput } from './role.inputs.js';
import type { RoleInfo } from './role.types.js';

const BUILT_IN_NAMES: Record<Role.ADMIN | Role.AGENT | Role.CUSTOMER, string> = { ADMIN: 'Admin', AGENT: 'Agent', CUSTOMER: 'Customer' };

export const builtInRoleName = (role: Role): string => BUILT_IN_NAMES[role as Role.ADMIN] ?? role;

/** The role a custom role's members sign in with. */
export const roleOfBase = (base: RoleBase): Role => (base === RoleBase.STAFF ? Role.AGENT : Role.CUSTOMER);

const nameTaken = () => badInput({ name: ['is already used by another role'] });

/** Checks permission keys against the catalogue and the role's side; returns them normalized. */
function validPermissions(values: readonly string[], base: RoleBase): Permission[] {
  const errors: string[] = [];
  for (const value of values) {
    if (!isPermission(value)) errors.push(`${value} is not a permission`);
    else if (base === RoleBase.CUSTOMER && PERMISSIONS[value].side === 'staff') errors.push(`${permissionName(value)} is for staff roles only`);
  }
  if (errors.length) throw badInput({ permissions: errors });
  return normalizePermissions(values);
}

function reservedName(name: string): FieldErrors | null {
  const lower = name.trim().toLowerCase();
  return Object.values(BUILT_IN_NAMES).some((n) => n.toLowerCase() === lower) ? { name: ['is the name of a built-in role'] } : null;
}

/** Custom roles of the current tenant (the EntityManager is scoped to it). All writes go through here. */
export class RoleService {
  async list(em: EntityManager): Promise<RoleInfo[]> {
    const custom = await em.find(RoleDefinition, {}, { orderBy: { name: 'asc' } });
    const builtIn: RoleInfo[] = [];
    for (const role of [Role.ADMIN, Role.AGENT, Role.CUSTOMER] as const) {
      builtIn.push({
        id: role,
        name: BUILT_IN_NAMES[role],
        base: role === Role.CUSTOMER ? RoleBase.CUSTOMER : RoleBase.STAFF,
        role,
        builtIn: true,
        permissions: [...BUILT_IN_PERMISSIONS[role]],
        memberCount: await em.count(Membership, { role, customRoleId: null }),
      });
    }
    const out = [...builtIn];
    for (const r of custom) out.push(await this.info(em, r));
    return out;
  }

  async create(em: EntityManager, input: CreateRoleInput): Promise<RoleInfo> {
    const reserved = reservedName(input.name);
    if (reserved) throw badInput(reserved);
    const permissions = validPermissions(input.permissions, input.base);
    return em
      .transactional(async (tx) => {
        if (await tx.count(RoleDefinition, { name: input.name.trim() })) throw nameTaken();
        const role = tx.create(RoleDefinition, { name: input.name.trim(), base: input.base, permissions });
        await tx.flush();
        return this.info(tx, role);
      })
      .catch(uniqueName);
  }

  async update(em: EntityManager, id: string, input: UpdateRoleInput): Promise<RoleInfo> {
    return em
      .transactional(async (tx) => {
        const role = await this.get(tx, id);
        if (input.name !== undefined && input.name !== null) {
          const name = input.name.trim();
          const reserved = reservedName(name);
          if (reserved) throw badInput(reserved);
          if (name !== role.name && (await tx.count(RoleDefinition, { name }))) throw nameTaken();
          role.name = name;
        }
        if (input.permissions) role.permissions = validPermissions(input.permissions, role.base);
        await tx.flush();
        return this.info(tx, role);
      })
      .catch(uniqueName);
  }

  /** Deletes a role nobody holds; one in use answers CONFLICT (ROLE_IN_USE). */
  async delete(em: EntityManager, id: string): Promise<boolean> {
    return em.transactional(async (tx) => {
      const role = await this.get(tx, id);
      const members = await tx.count(Membership, { customRoleId: role.id });
      if (members) throw conflict(`The role is held by ${members} member(s); give them another role first`, { reason: 'ROLE_IN_USE', memberCount: members });
      tx.remove(role);
      await tx.flush();
      return true;
    });
  }

  /** A custom role of this tenant; another tenant's (or none) answers NOT_FOUND. */
  async get(em: EntityManager, id: string): Promise<RoleDefinition> {
    const role = await em.findOne(RoleDefinition, { id });
    if (!role) throw notFound('Role');
    return role;
  }

  private async info(em: EntityManager, r: RoleDefinition): Promise<RoleInfo> {
    return {
      id: r.id,
      name: r.name,
      base: r.base,
      role: roleOfBase(r.base),
      builtIn: false,
      permissions: [...r.permissions],
      memberCount: await em.count(Membership, { customRoleId: r.id }),
    };
  }
}

function uniqueName(error: unknown): never {
  throw error instanceof UniqueConstraintViolationException ? nameTaken() : error;
}

/** What a membership's access token carries: its custom role's permissions, or null for a built-in role. */
export async function customRoleClaims(em: EntityManager, membership: Membership): Promise<{ id: string; permissions: Permission[] } | null> {
  if (!membership.customRoleId) return null;
  const role = await em.findOne(RoleDefinition, { id: membership.customRoleId });
  // The role was removed under the member (deletion refuses that; kept safe): nothing beyond the always-held.
  return { id: membership.customRoleId, permissions: role ? role.permissions : normalizePermissions([]) };
}

/** Custom role names by id, for the member list. */
export async function roleNamesByIds(em: EntityManager, ids: readonly string[]): Promise<Array<string | null>> {
  const roles = await em.find(RoleDefinition, { id: { $in: [...new Set(ids)] } }, { fields: ['name'] });
  const byId = new Map(roles.map((r) => [r.id, r.name]));
  return ids.map((id) => byId.get(id) ?? null);
}
