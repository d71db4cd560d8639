import { LockMode, UniqueConstraintViolationException, type EntityManager, type MikroORM } from '@mikro-orm/core';
import { Role } from '../../platform/auth/principal.js';
import { forTenant } from '../../platform/db/scope.js';
import type { Logger } from '../../platform/logger.js';
import type { PresenceService } from '../presence/presence.service.js';
import { PresenceStatus } from '../presence/presence.types.js';
import type { SlaService } from '../sla/sla.service.js';
import { Ticket } from '../ticket/ticket.entity.js';
import { TicketChannel, TicketStatus } from '../ticket/ticket.enums.js';
import type { RecordedChange } from '../ticket/ticket.events.js';
import { applyStatus } from '../ticket/ticket-status.policy.js';
import type { TicketService } from '../ticket/ticket.service.js';
import { Membership } from '../user/membership.entity.js';
import { Chat, ChatAgent, DepartmentMember } from './chat.entity.js';
import { chatTexts } from './chat.texts.js';
import { ChatAssignReason } from './chat.types.js';
import { assignedChange, systemLine } from './chat.views.js';

export interface RoutingDeps {
  orm: MikroORM;
  tickets: TicketService;
  presence: PresenceService;
  sla: SlaService;
  /** SELECT … FOR UPDATE (SKIP LOCKED) where the database has row locks. */
  lockRows: boolean;
  logger: Logger;
}

/** An agent who could take a chat now, with their load. */
interface Candidate {
  userId: string;
  name: string;
  capacity: number;
  active: number;
  lastAssignedAt: number;
}

/**
 * Auto-assignment. Among ONLINE agents of the chat's department (every agent and admin when
 * it has none) below their capacity, the one with the fewest active chats wins; ties go to
 * whoever waited longest since their last assignment. Queued chats are claimed with
 * `FOR UPDATE SKIP LOCKED` and the candidates' routing rows are locked while counting, so
 * two instances never give one chat to two agents nor push an agent past capacity.
 */
export class ChatRouter {
  constructor(private readonly deps: RoutingDeps) {}

  /** ONLINE staff of a department (or of the tenant), by presence. */
  async onlineAgents(em: EntityManager, tenantId: string, departmentId: string | null): Promise<string[]> {
    const staff = await em.find(Membership, { role: { $in: [Role.ADMIN, Role.AGENT] }, active: true }, { fields: ['user'] });
    let ids = staff.map((m) => m.user.id);
    if (departmentId) {
      const members = new Set((await em.find(DepartmentMember, { departmentId })).map((m) => m.userId));
      ids = ids.filter((id) => members.has(id));
    }
    const statuses = await this.deps.presence.statuses(tenantId, ids);
    return ids.filter((id) => statuses.get(id) === PresenceStatus.ONLINE);
  }

  /** Whether a new chat can be answered live now: someone online, within business hours (when the tenant set them). */
  async available(em: EntityManager, tenantId: string, departmentId: string | null, now = new Date()): Promise<boolean> {
    if (!(await this.deps.sla.openNow(em, now))) return false;
    return (await this.onlineAgents(em, tenantId, departmentId)).length > 0;
  }

  /** Places every queued chat of the tenant that can be placed now. Safe to call from any instance, any time. */
  async drain(tenantId: string): Promise<void> {
    await this.ensureRows(tenantId);
    // Chats nobody can take yet (their department is full) stay queued; the others go on.
    const parked: string[] = [];
    for (let i = 0; i < 100; i++) {
      const outcome = await this.placeOne(tenantId, parked).catch((err: Error) => {
        this.deps.logger.warn({ err: err.message, tenantId }, 'chat routing failed');
        return 'stop' as const;
      });
      if (outcome === 'stop') return;
      if (outcome !== 'placed') parked.push(outcome.parked);
    }
  }

  /** Claims the oldest queued chat this instance can lock and assigns, parks or turns it into a ticket. */
  private async placeOne(tenantId: string, parked: string[]): Promise<'placed' | 'stop' | { parked: string }> {
    const em = forTenant(this.deps.orm.em, tenantId);
    const recorded: RecordedChange[] = [];
    const skipLocked = this.deps.lockRows ? { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE } : {};
    const waitLock = this.deps.lockRows ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {};
    const outcome = await em.transactional(async (tx): Promise<'placed' | 'stop' | { parked: string }> => {
      const where = parked.length ? { queued: true, id: { $nin: parked } } : { queued: true };
      const chat = await tx.findOne(Chat, where, { orderBy: { createdAt: 'asc', id: 'asc' }, ...skipLocked });
      if (!chat) return 'stop' as const;
      const ticket = await tx.findOne(Ticket, { id: chat.ticketId }, waitLock);
      if (!ticket || ticket.status !== TicketStatus.OPEN || ticket.assigneeId) {
        chat.queued = false;
        return 'placed' as const;
      }
      const texts = chatTexts(chat.locale);
      const online = (await this.deps.sla.openNow(tx, new Date())) ? await this.onlineAgents(tx, tenantId, chat.departmentId) : [];
      if (!online.length) {
        // Nobody can take it: a normal ticket, answered by e-mail.
        chat.queued = false;
        chat.offline = true;
        recorded.push(...(await this.deps.tickets.write(tx, ticket, null, (t, _t, changes) => systemLine(t, ticket, texts.offline(ticket.number, chat.visitorEmail), changes))));
        return 'placed' as const;
      }
      const candidates = await this.load(tx, online, waitLock);
      const eligible = candidates.filter((c) => c.active < c.capacity);
      if (!eligible.length) return { parked: chat.id }; // everyone is full: the chat waits in the queue
      eligible.sort((a, b) => a.active - b.active || a.lastAssignedAt - b.lastAssignedAt || a.userId.localeCompare(b.userId));
      const pick = eligible[0];
      const reason = eligible.length === 1 ? ChatAssignReason.ONLY_CANDIDATE : ChatAssignReason.LEAST_LOADED;
      recorded.push(...(await this.assign(tx, chat, ticket, pick.userId, pick.name, reason)));
      return 'placed' as const;
    });
    await this.deps.tickets.committed(recorded);
    return outcome;
  }

  /** Gives a locked chat's ticket to an agent: CHAT_ASSIGNED with the reason, IN_PROGRESS, a "joined" line. */
  async assign(tx: EntityManager, chat: Chat, ticket: Ticket, agentId: string, agentName: string, reason: ChatAssignReason): Promise<RecordedChange[]> {
    const texts = chatTexts(chat.locale);
    chat.queued = false;
    const row = await this.agentRow(tx, agentId);
    row.lastAssignedAt = new Date();
    return this.deps.tickets.write(tx, ticket, null, (t, tk, changes, now) => {
      const from = tk.assigneeId;
      tk.assigneeId = agentId;
      changes.push(assignedChange(from, agentId, reason));
      if (tk.status !== TicketStatus.IN_PROGRESS) changes.push(applyStatus(tk, TicketStatus.IN_PROGRESS, now));
      systemLine(t, tk, reason === ChatAssignReason.TRANSFERRED ? texts.transferred(agentName) : texts.joined(agentName), changes);
    });
  }

  /** Active chats per agent, locking the agents' routing rows so concurrent assignments serialize on them. */
  async load(tx: EntityManager, userIds: string[], lock: object): Promise<Candidate[]> {
    const rows = await tx.find(ChatAgent, { userId: { $in: userIds } }, { orderBy: { userId: 'asc' }, ...lock });
    const active = await this.activeCounts(tx, userIds);
    const names = new Map(
      (await tx.find(Membership, { user: { $in: userIds } }, { populate: ['user'] })).map((m) => [m.user.id, m.user.name] as const),
    );
    return rows.map((r) => ({
      userId: r.userId,
      name: names.get(r.userId) ?? 'An agent',
      capacity: r.capacity,
      active: active.get(r.userId) ?? 0,
      lastAssignedAt: r.lastAssignedAt?.getTime() ?? 0,
    }));
  }

  /** Active (IN_PROGRESS, live) chats per agent. */
  async activeCounts(em: EntityManager, userIds: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (!userIds.length) return out;
    const tickets = await em.find(
      Ticket,
      { channel: TicketChannel.CHAT, status: TicketStatus.IN_PROGRESS, assigneeId: { $in: userIds } },
      { fields: ['id', 'assigneeId'] },
    );
    if (!tickets.length) return out;
    const live = new Set((await em.find(Chat, { ticketId: { $in: tickets.map((t) => t.id) }, offline: false }, { fields: ['ticketId'] })).map((c) => c.ticketId));
    for (const t of tickets) if (live.has(t.id)) out.set(t.assigneeId!, (out.get(t.assigneeId!) ?? 0) + 1);
    return out;
  }

  async agentRow(tx: EntityManager, userId: string): Promise<ChatAgent> {
    return (await tx.findOne(ChatAgent, { userId })) ?? tx.create(ChatAgent, { userId });
  }

  /**
   * Creates the missing routing rows (default capacity) of the tenant's staff, each in its own
   * short write before any routing transaction, so routing can lock them.
   */
  async ensureRows(tenantId: string): Promise<void> {
    const staff = await forTenant(this.deps.orm.em, tenantId).find(Membership, { role: { $in: [Role.ADMIN, Role.AGENT] }, active: true }, { fields: ['user'] });
    const userIds = staff.map((m) => m.user.id);
    if (!userIds.length) return;
    const have = new Set((await forTenant(this.deps.orm.em, tenantId).find(ChatAgent, { userId: { $in: userIds } })).map((r) => r.userId));
    for (const userId of userIds.filter((id) => !have.has(id))) {
      const em = forTenant(this.deps.orm.em, tenantId);
      try {
        em.create(ChatAgent, { userId });
        await em.flush();
      } catch (error) {
        // Another instance created it first.
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
      }
    }
  }
}
