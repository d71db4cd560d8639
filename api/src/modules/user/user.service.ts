import { raw, UniqueConstraintViolationException, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import { Role, type Principal } from '../../platform/auth/principal.js';
import { generateTemporaryPassword, hashPassword } from '../../platform/auth/password.js';
import { badInput, conflict, notFound } from '../../platform/errors.js';
import { cursorString, decodeCursor, encodeCursor, forwardPage, pageSize, type Connection } from '../../platform/graphql/pagination.js';
import { scopedWorkspace } from '../tenant/tenant.service.js';
import { Membership } from './membership.entity.js';
import { toUserType } from './user.mapper.js';
import { normalizeEmail } from './email.js';

export { toUserType, normalizeEmail };
import { User } from './user.entity.js';
import type { CreateUserInput, UserFilter } from './user.inputs.js';
import type { CreateUserPayload, UserType } from './user.types.js';

/** What other modules do when a membership changes, in the same transaction (auth ends the member's sessions). */
export interface MembershipHooks {
  deactivated(tx: EntityManager, userId: string): Promise<void>;
  /** The role a custom role of this tenant signs in with; NOT_FOUND when the tenant has no such role. */
  customRoleBase(em: EntityManager, roleId: string): Promise<Role>;
}

/** The default language of the tenant the EntityManager is scoped to. */
async function workspaceLocale(em: EntityManager): Promise<string> {
  return (await scopedWorkspace(em))?.defaultLocale ?? 'en';
}

/** Tenant user administration. Every query runs on the request's tenant-scoped EntityManager. */
export class UserService {
  constructor(private readonly hooks: MembershipHooks) {}

  async list(em: EntityManager, filter: UserFilter | undefined, first?: number | null, after?: string | null): Promise<Connection<UserType>> {
    const limit = pageSize(first);
    // Built once per statement: raw() fragments used as keys are consumed by the query that uses them.
    const totalCount = await em.count(Membership, this.listWhere(filter));
    const where = this.listWhere(filter);
    const page: FilterQuery<Membership> = after ? { $and: [where, { id: { $gt: cursorString(decodeCursor(after, 'after', 1)[0]) } }] } : where;
    const rows = await em.find(Membership, page, { populate: ['user'], orderBy: { id: 'asc' }, limit: limit + 1 });
    return { ...forwardPage(rows, limit, !!after, (m) => ({ cursor: encodeCursor([m.id]), node: toUserType(m) })), totalCount };
  }

  /** Adds a member. Creates the identity (with a one-time temporary password) when it is new. */
  async create(em: EntityManager, input: CreateUserInput): Promise<CreateUserPayload> {
    const email = normalizeEmail(input.email);
    const alreadyMember = () => conflict('This user is already a member of this tenant');
    return em.transactional(async (tx) => {
      let user = await tx.findOne(User, { email });
      let temporaryPassword: string | null = null;
      if (user) {
        const existing = await tx.findOne(Membership, { user });
        if (existing && !existing.active) {
          throw conflict('This member is deactivated; reactivate them instead', { reason: 'MEMBER_DEACTIVATED', userId: user.id });
        }
        if (existing) throw alreadyMember();
      } else {
        temporaryPassword = generateTemporaryPassword();
        user = tx.create(User, {
          email,
          name: input.name.trim(),
          passwordHash: await hashPassword(temporaryPassword),
          mustChangePassword: true,
          // A new identity speaks the workspace's default language until they choose their own.
          locale: await workspaceLocale(tx),
        });
      }
      const membership = tx.create(Membership, { user, role: input.role });
      await tx.flush();
      return { user: toUserType(membership), temporaryPassword };
    }).catch((error: unknown) => {
      // A concurrent request created the same identity or membership first (unique email, unique tenant + user).
      throw error instanceof UniqueConstraintViolationException ? alreadyMember() : error;
    });
  }

  /** Gives a member a built-in role, or a custom role of this tenant (exactly one of the two). */
  async updateRole(em: EntityManager, principal: Principal, userId: string, role: UserType['role'] | null, customRoleId: string | null = null): Promise<UserType> {
    if (!role === !customRoleId) throw badInput({ role: ['give either role or customRoleId'] });
    if (role === Role.PARTNER || role === Role.VISITOR) throw badInput({ role: ['must be ADMIN, AGENT or CUSTOMER (PARTNER belongs to API keys)'] });
    return em.transactional(async (tx) => {
      const membership = await this.membershipOf(tx, userId);
      if (userId === principal.userId) throw badInput({ userId: ['You cannot change your own role'] });
      membership.role = customRoleId ? await this.hooks.customRoleBase(tx, customRoleId) : role!;
      membership.customRoleId = customRoleId;
      await tx.flush();
      return toUserType(membership);
    });
  }

  /** Deactivates the membership in this tenant and ends its sessions here. */
  async deactivate(em: EntityManager, principal: Principal, userId: string): Promise<UserType> {
    const membership = await this.membershipOf(em, userId);
    if (userId === principal.userId) throw badInput({ userId: ['You cannot deactivate yourself'] });
    await em.transactional(async (tx) => {
      membership.active = false;
      tx.persist(membership);
      await this.hooks.deactivated(tx, userId);
    });
    return toUserType(membership);
  }

  /** Lets a deactivated member of this tenant sign in again, with the role they had. */
  async reactivate(em: EntityManager, userId: string): Promise<UserType> {
    const membership = await this.membershipOf(em, userId);
    if (!membership.user.active) throw badInput({ userId: ['this account is disabled for every workspace'] });
    membership.active = true;
    await em.flush();
    return toUserType(membership);
  }

  /** Active customers of this tenant, for staff picking whom a ticket is for. */
  async customers(em: EntityManager, search: string | undefined, first?: number | null, after?: string | null): Promise<Connection<UserType>> {
    return this.list(em, { role: Role.CUSTOMER, active: true, search }, first, after);
  }

  private listWhere(filter: UserFilter | undefined): FilterQuery<Membership> {
    const where: FilterQuery<Membership> = {};
    if (filter?.role) where.role = filter.role;
    if (filter?.active !== undefined && filter.active !== null) {
      where.$and = [filter.active ? { active: true, user: { active: true } } : { $or: [{ active: false }, { user: { active: false } }] }];
    }
    if (filter?.search) {
      // An explicit ESCAPE character: SQLite has no default one, so `_`, `%` and `\` must not rely on backslash.
      const like = `%${filter.search.replace(/[!%_]/g, (c) => `!${c}`)}%`;
      // lower() on both sides: emails compare exactly (binary collation), but search is case-insensitive.
      const matches = (column: 'email' | 'name') => ({ [raw((alias: string) => `lower(${alias}.${column}) like lower(?) escape '!'`, [like])]: [] });
      where.user = { $or: [matches('email'), matches('name')] };
    }
    return where;
  }

  private async membershipOf(em: EntityManager, userId: string): Promise<Membership> {
    const membership = await em.findOne(Membership, { user: userId }, { populate: ['user'] });
    if (!membership) throw notFound('User');
    return membership;
  }
}

/**
 * Adds a customer inside the caller's transaction (staff opening a ticket for someone who
 * phoned or e-mailed). A new identity gets a random password nobody is shown: the customer
 * sets their own later. An existing identity that is not yet a member here is added as a
 * customer; one that already is a member answers CONFLICT naming it, so the caller can pick it.
 */
export async function addCustomer(tx: EntityManager, input: { name: string; email: string }): Promise<UserType> {
  const email = input.email.trim().toLowerCase();
  let user = await tx.findOne(User, { email });
  if (user) {
    const existing = await tx.findOne(Membership, { user });
    if (existing) {
      throw conflict('A member with this e-mail already exists; pick them instead', {
        reason: existing.active ? 'MEMBER_EXISTS' : 'MEMBER_DEACTIVATED',
        userId: user.id,
        fields: { email: ['already belongs to a member of this workspace'] },
      });
    }
  } else {
    user = tx.create(User, {
      email,
      name: input.name.trim(),
      passwordHash: await hashPassword(generateTemporaryPassword()),
      mustChangePassword: true,
    });
  }
  const membership = tx.create(Membership, { user, role: Role.CUSTOMER });
  try {
    await tx.flush();
  } catch (error) {
    // Someone added the same e-mail at the same moment: the whole ticket rolls back.
    if (error instanceof UniqueConstraintViolationException) {
      throw conflict('A member with this e-mail was just added; pick them instead', { reason: 'MEMBER_EXISTS', fields: { email: ['was just added'] } });
    }
    throw error;
  }
  return toUserType(membership);
}

/** Role of a user in the current tenant (active memberships only), or null. */
export async function activeRoleOf(em: EntityManager, userId: string): Promise<UserType['role'] | null> {
  const membership = await em.findOne(Membership, { user: userId, active: true });
  return membership?.role ?? null;
}

/** Members of the current tenant by user id, in one query (for batching loaders). */
export async function membersByIds(em: EntityManager, ids: readonly string[]): Promise<Array<UserType | null>> {
  const rows = await em.find(Membership, { user: { $in: [...ids] } }, { populate: ['user'], strategy: 'joined' });
  const byId = new Map(rows.map((m) => [m.user.id, toUserType(m)]));
  return ids.map((id) => byId.get(id) ?? null);
}
