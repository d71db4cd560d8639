import { randomBytes } from 'node:crypto';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { Role } from '../../platform/auth/principal.js';
import { badInput, notFound } from '../../platform/errors.js';
import { Tenant } from '../tenant/tenant.entity.js';
import { Membership } from '../user/membership.entity.js';
import { toUserType } from '../user/user.service.js';
import { ChatAgent, Department, DepartmentMember, WidgetKey } from './chat.entity.js';
import type { ChatCapacityInput, CreateWidgetKeyInput, DepartmentInput } from './chat.inputs.js';
import type { ChatAgentSettings, DepartmentType, WidgetKeyType } from './chat.types.js';
import type { ChatRouter } from './routing.service.js';

export const WIDGET_KEY_PREFIX = 'wk_';

export function toWidgetKeyType(k: WidgetKey): WidgetKeyType {
  return {
    id: k.id,
    key: k.key,
    name: k.name,
    allowedOrigins: k.allowedOrigins,
    departmentId: k.departmentId,
    color: k.color,
    greeting: k.greeting,
    requireIdentity: k.requireIdentity,
    identitySecret: k.identitySecret,
    createdAt: k.createdAt,
  };
}

const normaliseOrigins = (origins: string[]) => [...new Set(origins.map((o) => o.trim().replace(/\/+$/, '').toLowerCase()))];

/** What admins manage for live chat: departments and their agents, widget keys, agent capacity. */
export class ChatAdminService {
  constructor(private readonly router: ChatRouter) {}

  async departments(em: EntityManager): Promise<DepartmentType[]> {
    const [depts, links, staff] = await Promise.all([
      em.find(Department, {}, { orderBy: { name: 'asc' } }),
      em.find(DepartmentMember, {}),
      em.find(Membership, { role: { $in: [Role.ADMIN, Role.AGENT] } }, { populate: ['user'] }),
    ]);
    const users = new Map(staff.map((m) => [m.user.id, toUserType(m)] as const));
    return depts.map((d) => ({
      id: d.id,
      name: d.name,
      members: links.filter((l) => l.departmentId === d.id).flatMap((l) => (users.has(l.userId) ? [users.get(l.userId)!] : [])),
    }));
  }

  async saveDepartment(em: EntityManager, id: string | null, input: DepartmentInput): Promise<DepartmentType> {
    const savedId = await em.transactional(async (tx) => {
      const dept = id ? await tx.findOne(Department, { id }) : tx.create(Department, { name: input.name.trim() });
      if (!dept) throw notFound('Department');
      dept.name = input.name.trim();
      const staff = await tx.find(Membership, { user: { $in: input.memberIds }, role: { $in: [Role.ADMIN, Role.AGENT] } }, { fields: ['user'] });
      const valid = new Set(staff.map((m) => m.user.id));
      const wrong = input.memberIds.filter((m) => !valid.has(m));
      if (wrong.length) throw badInput({ memberIds: [`are not agents of this workspace: ${wrong.join(', ')}`] });
      await tx.nativeDelete(DepartmentMember, { departmentId: dept.id });
      for (const userId of valid) tx.create(DepartmentMember, { departmentId: dept.id, userId });
      try {
        await tx.flush();
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) throw badInput({ name: ['another department has this name'] });
        throw error;
      }
      return dept.id;
    });
    return (await this.departments(em)).find((d) => d.id === savedId)!;
  }

  async deleteDepartment(em: EntityManager, id: string): Promise<boolean> {
    const dept = await em.findOne(Department, { id });
    if (!dept) throw notFound('Department');
    await em.transactional(async (tx) => {
      await tx.nativeDelete(DepartmentMember, { departmentId: id });
      await tx.nativeUpdate(WidgetKey, { departmentId: id }, { departmentId: null });
      await tx.nativeDelete(Department, { id });
    });
    return true;
  }

  async widgetKeys(em: EntityManager): Promise<WidgetKeyType[]> {
    return (await em.find(WidgetKey, { revokedAt: null }, { orderBy: { createdAt: 'asc' } })).map(toWidgetKeyType);
  }

  async createWidgetKey(em: EntityManager, tenantId: string, input: CreateWidgetKeyInput): Promise<WidgetKeyType> {
    if (input.departmentId && !(await em.findOne(Department, { id: input.departmentId }))) throw badInput({ departmentId: ['is not a department of this workspace'] });
    const key = em.create(WidgetKey, {
      name: input.name.trim(),
      key: `${WIDGET_KEY_PREFIX}${randomBytes(18).toString('base64url')}`,
      allowedOrigins: normaliseOrigins(input.allowedOrigins),
      departmentId: input.departmentId ?? null,
      // The workspace's widget colour (workspaceSettings.widgetColor) when the key sets none.
      color: input.color?.toLowerCase() ?? (await em.findOne(Tenant, { id: tenantId }))?.widgetColor ?? '#228be6',
      greeting: input.greeting?.trim() || null,
      identitySecret: randomBytes(32).toString('hex'),
      requireIdentity: input.requireIdentity,
    });
    await em.flush();
    return toWidgetKeyType(key);
  }

  async revokeWidgetKey(em: EntityManager, id: string): Promise<boolean> {
    const key = await em.findOne(WidgetKey, { id, revokedAt: null });
    if (!key) throw notFound('Widget key');
    key.revokedAt = new Date();
    await em.flush();
    return true;
  }

  async agentSettings(em: EntityManager): Promise<ChatAgentSettings[]> {
    const [staff, rows, links, depts] = await Promise.all([
      em.find(Membership, { role: { $in: [Role.ADMIN, Role.AGENT] }, active: true }, { populate: ['user'], orderBy: { user: { name: 'asc' } } }),
      em.find(ChatAgent, {}),
      em.find(DepartmentMember, {}),
      em.find(Department, {}),
    ]);
    const ids = staff.map((m) => m.user.id);
    const active = await this.router.activeCounts(em, ids);
    const deptName = new Map(depts.map((d) => [d.id, d.name] as const));
    return staff.map((m) => ({
      user: toUserType(m),
      capacity: rows.find((r) => r.userId === m.user.id)?.capacity ?? 3,
      activeChats: active.get(m.user.id) ?? 0,
      departments: links.filter((l) => l.userId === m.user.id).map((l) => ({ id: l.departmentId, name: deptName.get(l.departmentId) ?? '' })),
    }));
  }

  async setCapacity(em: EntityManager, input: ChatCapacityInput): Promise<ChatAgentSettings> {
    const member = await em.findOne(Membership, { user: input.userId, role: { $in: [Role.ADMIN, Role.AGENT] } });
    if (!member) throw badInput({ userId: ['is not an agent of this workspace'] });
    const row = await this.router.agentRow(em, input.userId);
    row.capacity = input.capacity;
    await em.flush();
    return (await this.agentSettings(em)).find((s) => s.user.id === input.userId)!;
  }
}
