import { LockMode, type EntityManager, type MikroORM } from '@mikro-orm/core';
import { Role } from '../../platform/auth/principal.js';
import { forTenant } from '../../platform/db/scope.js';
import { badInput, conflict, notFound } from '../../platform/errors.js';
import type { RequestScope } from '../../platform/graphql/caller.js';
import type { Logger } from '../../platform/logger.js';
import { Ticket } from '../ticket/ticket.entity.js';
import { TicketChannel, TicketStatus } from '../ticket/ticket.enums.js';
import { TicketEventType, type RecordedChange } from '../ticket/ticket.events.js';
import { applyStatus } from '../ticket/ticket-status.policy.js';
import type { TicketService } from '../ticket/ticket.service.js';
import { activeRoleOf } from '../user/user.service.js';
import { Chat, Department } from './chat.entity.js';
import type { TransferChatInput } from './chat.inputs.js';
import { chatTexts } from './chat.texts.js';
import { ChatAssignReason, ChatState, type ChatType } from './chat.types.js';
import { chatState, namesOf, systemLine } from './chat.views.js';
import type { ChatRouter } from './routing.service.js';

export interface InboxDeps {
  orm: MikroORM;
  tickets: TicketService;
  router: ChatRouter;
  lockRows: boolean;
  logger: Logger;
}

/**
 * The agents' side: the waiting queue and active chats, accept (claim), transfer to an agent
 * or a department, close, and re-queueing the chats of an agent who went offline. Every
 * ticket change goes through TicketService.
 */
export class InboxService {
  constructor(private readonly deps: InboxDeps) {}

  /** Waiting and active chats (or those of the given states), oldest first. */
  async list(em: EntityManager, states: ChatState[]): Promise<ChatType[]> {
    const wanted = states.length ? states : [ChatState.WAITING, ChatState.ACTIVE];
    const statuses = new Set<TicketStatus>();
    if (wanted.includes(ChatState.WAITING)) statuses.add(TicketStatus.OPEN);
    if (wanted.includes(ChatState.ACTIVE)) statuses.add(TicketStatus.IN_PROGRESS);
    if (wanted.includes(ChatState.OFFLINE)) [TicketStatus.OPEN, TicketStatus.IN_PROGRESS].forEach((s) => statuses.add(s));
    if (wanted.includes(ChatState.CLOSED)) [TicketStatus.CLOSED, TicketStatus.RESOLVED].forEach((s) => statuses.add(s));
    const tickets = await em.find(Ticket, { channel: TicketChannel.CHAT, status: { $in: [...statuses] } }, { orderBy: { createdAt: 'asc' }, limit: 500 });
    const chats = await em.find(Chat, { ticketId: { $in: tickets.map((t) => t.id) } });
    return this.present(em, chats, tickets).then((list) => list.filter((c) => wanted.includes(c.state)));
  }

  async get(em: EntityManager, id: string): Promise<ChatType> {
    // Fresh rows: routing may have changed them in another transaction just now.
    const chat = await em.findOne(Chat, { id }, { refresh: true });
    if (!chat) throw notFound('Chat');
    const ticket = await em.findOneOrFail(Ticket, { id: chat.ticketId }, { refresh: true });
    return (await this.present(em, [chat], [ticket]))[0];
  }

  async forTicket(em: EntityManager, ticketId: string): Promise<ChatType | null> {
    const chat = await em.findOne(Chat, { ticketId });
    return chat ? this.get(em, chat.id) : null;
  }

  /** An agent has read the chat so far (the visitor's read receipt). */
  async seen(em: EntityManager, id: string): Promise<ChatType> {
    const chat = await em.findOne(Chat, { id });
    if (!chat) throw notFound('Chat');
    chat.agentReadAt = new Date();
    await em.flush();
    return this.get(em, id);
  }

  /** An agent takes a waiting chat (within their capacity). */
  async accept(scope: RequestScope, id: string): Promise<ChatType> {
    const me = scope.principal.userId;
    await this.deps.router.ensureRows(scope.principal.tenantId);
    await this.locked(scope, id, async (tx, chat, ticket) => {
      if (chatState(chat, ticket) !== ChatState.WAITING && chatState(chat, ticket) !== ChatState.OFFLINE) throw conflict('This chat is not waiting any more');
      const [mine] = await this.deps.router.load(tx, [me], this.lock());
      if (mine && mine.active >= mine.capacity) throw conflict(`You already have ${mine.active} active chats (your capacity)`, { reason: 'AT_CAPACITY' });
      chat.offline = false;
      return this.deps.router.assign(tx, chat, ticket, me, mine?.name ?? 'An agent', ChatAssignReason.ACCEPTED);
    });
    return this.get(scope.em, id);
  }

  /** To an agent (assigned at once), or to a department (routed again there). */
  async transfer(scope: RequestScope, input: TransferChatInput): Promise<ChatType> {
    if (!!input.agentId === !!input.departmentId) throw badInput({ agentId: ['give either agentId or departmentId'] });
    let reroute = false;
    await this.locked(scope, input.chatId, async (tx, chat, ticket) => {
      if (chatState(chat, ticket) === ChatState.CLOSED) throw conflict('This chat is closed');
      if (input.agentId) {
        const role = await activeRoleOf(tx, input.agentId);
        if (role !== Role.AGENT && role !== Role.ADMIN) throw badInput({ agentId: ['is not an active agent of this tenant'] });
        const names = await namesOf(tx, [input.agentId]);
        chat.offline = false;
        return this.deps.router.assign(tx, chat, ticket, input.agentId, names.get(input.agentId) ?? 'an agent', ChatAssignReason.TRANSFERRED);
      }
      const dept = await tx.findOne(Department, { id: input.departmentId! });
      if (!dept) throw badInput({ departmentId: ['is not a department of this workspace'] });
      chat.departmentId = dept.id;
      reroute = true;
      return this.requeue(tx, chat, ticket, chatTexts(chat.locale).department(dept.name));
    });
    if (reroute) await this.deps.router.drain(scope.principal.tenantId);
    return this.get(scope.em, input.chatId);
  }

  async close(scope: RequestScope, id: string): Promise<ChatType> {
    await this.locked(scope, id, async (tx, chat, ticket) => {
      if (ticket.status === TicketStatus.CLOSED) return [];
      chat.queued = false;
      return this.deps.tickets.write(tx, ticket, scope.principal.userId, (w, tk, changes, now) => {
        systemLine(w, tk, chatTexts(chat.locale).closed, changes);
        changes.push(applyStatus(tk, TicketStatus.CLOSED, now));
      });
    });
    await this.deps.router.drain(scope.principal.tenantId);
    return this.get(scope.em, id);
  }

  /** An agent went OFFLINE: their live chats go back to the queue and are routed again. */
  async agentOffline(tenantId: string, userId: string): Promise<void> {
    const em = forTenant(this.deps.orm.em, tenantId);
    const tickets = await em.find(Ticket, { channel: TicketChannel.CHAT, status: { $in: [TicketStatus.OPEN, TicketStatus.IN_PROGRESS] }, assigneeId: userId });
    const chats = await em.find(Chat, { ticketId: { $in: tickets.map((t) => t.id) }, offline: false });
    for (const c of chats) {
      const recorded: RecordedChange[] = [];
      await em.transactional(async (tx) => {
        const ticket = await tx.findOneOrFail(Ticket, { id: c.ticketId }, this.lock());
        const chat = await tx.findOneOrFail(Chat, { id: c.id });
        if (ticket.assigneeId !== userId || ticket.status === TicketStatus.CLOSED) return;
        recorded.push(...(await this.requeue(tx, chat, ticket, chatTexts(chat.locale).requeued)));
      });
      await this.deps.tickets.committed(recorded);
    }
    if (chats.length) await this.deps.router.drain(tenantId);
  }

  /** Back to waiting: unassigned, OPEN, queued for routing, with a line for the visitor. */
  private requeue(tx: EntityManager, chat: Chat, ticket: Ticket, line: string): Promise<RecordedChange[]> {
    chat.queued = true;
    chat.offline = false;
    return this.deps.tickets.write(tx, ticket, null, (w, tk, changes, now) => {
      if (tk.assigneeId) changes.push({ type: TicketEventType.TICKET_ASSIGNED, payload: { changes: [{ field: 'assigneeId', from: tk.assigneeId, to: null }] } });
      tk.assigneeId = null;
      if (tk.status !== TicketStatus.OPEN) changes.push(applyStatus(tk, TicketStatus.OPEN, now));
      systemLine(w, tk, line, changes);
    });
  }

  private lock() {
    return this.deps.lockRows ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {};
  }

  /** Runs a change on a chat and its locked ticket in one transaction, then publishes. */
  private async locked(scope: RequestScope, id: string, apply: (tx: EntityManager, chat: Chat, ticket: Ticket) => Promise<RecordedChange[]>): Promise<void> {
    const recorded: RecordedChange[] = [];
    await scope.em.transactional(async (tx) => {
      const chat = await tx.findOne(Chat, { id });
      if (!chat) throw notFound('Chat');
      const ticket = await this.deps.tickets.lockForChange(tx, scope.principal, chat.ticketId);
      recorded.push(...(await apply(tx, chat, ticket)));
    });
    await this.deps.tickets.committed(recorded);
  }

  private async present(em: EntityManager, chats: Chat[], tickets: Ticket[]): Promise<ChatType[]> {
    const byId = new Map(tickets.map((t) => [t.id, t]));
    const deptIds = [...new Set(chats.map((c) => c.departmentId).filter((d): d is string => !!d))];
    const depts = new Map(deptIds.length ? (await em.find(Department, { id: { $in: deptIds } })).map((d) => [d.id, d] as const) : []);
    const out: ChatType[] = [];
    for (const c of chats) {
      const t = byId.get(c.ticketId);
      if (!t) continue;
      const dept = c.departmentId ? depts.get(c.departmentId) : undefined;
      out.push({
        id: c.id,
        ticketId: t.id,
        ticketNumber: t.number,
        state: chatState(c, t),
        priority: t.priority,
        visitorName: c.visitorName,
        visitorEmail: c.visitorEmail,
        company: c.company,
        topic: c.topic,
        ip: c.ip,
        userAgent: c.userAgent,
        pageUrl: c.pageUrl,
        department: dept ? { id: dept.id, name: dept.name } : null,
        agentId: t.assigneeId,
        visitorReadAt: c.visitorReadAt,
        rating: c.rating,
        ratingComment: c.ratingComment,
        createdAt: c.createdAt,
      });
    }
    return out.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }
}
