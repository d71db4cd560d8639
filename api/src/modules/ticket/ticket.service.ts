import { LockMode, type EntityManager } from '@mikro-orm/core';
import { Role, type Principal } from '../../platform/auth/principal.js';
import { nextCounterValue } from '../../platform/db/counter.entity.js';
import { badInput, conflict, forbidden } from '../../platform/errors.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import type { ActivityService, RecordInput } from '../activity/activity.service.js';
import { TicketEventType, type FieldChangeData, type TicketEvent } from '../activity/ticket-event.entity.js';
import type { IdempotencyService } from '../idempotency/idempotency.service.js';
import type { SlaService } from '../sla/sla.service.js';
import { activeRoleOf, addCustomer } from '../user/user.service.js';
import { Ticket, TicketTag } from './ticket.entity.js';
import { PRIORITY_RANK, TicketChannel, TicketStatus } from './ticket.enums.js';
import type { CreateTicketInput, UpdateTicketInput } from './ticket.inputs.js';
import { assertCanAssign, assertCanClaim, assertCanTransition, assertCanView, canAddCustomers, opensForCustomers, visibleTicketsWhere } from './ticket.policy.js';

export type Ctx = Pick<GraphQLContext, 'em'> & { principal: Principal };
type Change = (tx: EntityManager, ticket: Ticket, events: Array<Omit<RecordInput, 'ticket' | 'actorId'>>) => Promise<void> | void;

const normaliseTags = (tags: string[] | undefined | null): string[] => [...new Set((tags ?? []).map((t) => t.trim().toLowerCase()))].sort();

/** Ticket lifecycle rules. Every write is one transaction that also records its TicketEvents. */
export class TicketService {
  constructor(
    private readonly activity: ActivityService,
    private readonly idempotency: IdempotencyService,
    private readonly lockRows: boolean,
    private readonly sla: SlaService,
  ) {}

  async get(ctx: Ctx, where: { id: string } | { number: number }): Promise<Ticket> {
    const ticket = await ctx.em.findOne(Ticket, { ...where, ...visibleTicketsWhere(ctx.principal) });
    assertCanView(ctx.principal, ticket);
    return ticket;
  }

  /** Loads a visible ticket inside a transaction, locking its row where the database supports it. */
  async lockForChange(tx: EntityManager, principal: Principal, id: string): Promise<Ticket> {
    const ticket = await tx.findOne(Ticket, { id, ...visibleTicketsWhere(principal) }, this.lockRows ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    assertCanView(principal, ticket);
    return ticket;
  }

  async create(ctx: Ctx, input: CreateTicketInput): Promise<Ticket> {
    const p = ctx.principal;
    const existingCustomerId = input.newCustomer ? null : await this.customerFor(ctx, input.customerId);
    if (input.newCustomer) assertMayAddCustomer(p, input);
    const priority = input.priority;
    const request = { principalId: p.userId, operation: 'createTicket', key: input.idempotencyKey };
    return this.idempotency.run(
      ctx.em,
      request,
      async () => {
        const recorded: TicketEvent[] = [];
        const ticket = await ctx.em.transactional(async (tx) => {
          const tags = normaliseTags(input.tags);
          const customerId = existingCustomerId ?? (await addCustomer(tx, input.newCustomer!)).id;
          const t = tx.create(Ticket, {
            number: await nextCounterValue(tx, 'ticket_number', 1001),
            title: input.title.trim(),
            description: input.description.trim(),
            priority,
            priorityRank: PRIORITY_RANK[priority],
            category: input.category,
            channel: channelFor(p, input.channel),
            customerId,
            tags,
          });
          for (const tag of tags) tx.create(TicketTag, { ticketId: t.id, tag });
          await this.sla.retarget(tx, t);
          recorded.push(await this.activity.record(tx, { ticket: t, type: TicketEventType.TICKET_CREATED, actorId: p.userId }));
          await this.idempotency.remember(tx, request, t.id);
          return t;
        });
        await this.activity.committed(recorded);
        return ticket;
      },
      (id) => this.get(ctx, { id }),
    );
  }

  update(ctx: Ctx, id: string, input: UpdateTicketInput, expectedVersion?: number | null): Promise<Ticket> {
    return this.change(ctx, id, expectedVersion, async (tx, t, events) => {
      const changes: FieldChangeData[] = [];
      const set = <K extends 'title' | 'description' | 'priority' | 'category'>(field: K, value: Ticket[K] | undefined) => {
        if (value === undefined || value === null || value === t[field]) return;
        changes.push({ field, from: String(t[field]), to: String(value) });
        t[field] = value;
      };
      set('title', input.title?.trim());
      set('description', input.description?.trim());
      set('priority', input.priority);
      set('category', input.category);
      t.priorityRank = PRIORITY_RANK[t.priority];
      if (changes.some((c) => c.field === 'priority' || c.field === 'category')) await this.sla.retarget(tx, t);
      if (changes.length) events.push({ type: TicketEventType.TICKET_UPDATED, payload: { changes } });
      if (input.tags) await this.replaceTags(tx, t, normaliseTags(input.tags), events);
    });
  }

  assign(ctx: Ctx, id: string, agentId: string | null): Promise<Ticket> {
    return this.change(ctx, id, null, async (tx, t, events) => {
      assertCanAssign(ctx.principal, t);
      if (agentId) {
        const role = await activeRoleOf(tx, agentId);
        if (role !== Role.AGENT && role !== Role.ADMIN) throw badInput({ agentId: ['is not an active agent of this tenant'] });
      }
      if (t.assigneeId === agentId) return;
      const change = { field: 'assigneeId', from: t.assigneeId, to: agentId };
      t.assigneeId = agentId;
      events.push({ type: TicketEventType.TICKET_ASSIGNED, payload: { changes: [change] } });
    });
  }

  claim(ctx: Ctx, id: string): Promise<Ticket> {
    return this.change(ctx, id, null, (_tx, t, events) => {
      assertCanClaim(ctx.principal, t);
      if (t.assigneeId === ctx.principal.userId) return;
      t.assigneeId = ctx.principal.userId;
      events.push({ type: TicketEventType.TICKET_CLAIMED, payload: { changes: [{ field: 'assigneeId', from: null, to: t.assigneeId }] } });
    });
  }

  changeStatus(ctx: Ctx, id: string, status: TicketStatus, expectedVersion?: number | null): Promise<Ticket> {
    return this.change(ctx, id, expectedVersion, async (tx, t, events) => {
      assertCanTransition(ctx.principal, t, status);
      const from = t.status;
      events.push(applyStatus(t, status));
      await this.sla.statusChanged(tx, t, from, status);
    });
  }

  /** Soft delete: the ticket disappears from every query; its events remain. */
  delete(ctx: Ctx, id: string): Promise<Ticket> {
    return this.change(ctx, id, null, (_tx, t, events) => {
      t.deletedAt = new Date();
      events.push({ type: TicketEventType.TICKET_DELETED });
    });
  }

  /**
   * Runs one change in a transaction: lock, version check, mutate, bump version and record
   * events; publishes the events after commit.
   */
  async change(ctx: Ctx, id: string, expectedVersion: number | null | undefined, apply: Change): Promise<Ticket> {
    const recorded: TicketEvent[] = [];
    const ticket = await ctx.em.transactional(async (tx) => {
      const t = await this.lockForChange(tx, ctx.principal, id);
      if (expectedVersion !== null && expectedVersion !== undefined && t.version !== expectedVersion) {
        throw conflict(`Ticket #${t.number} was changed by someone else (version ${t.version}, expected ${expectedVersion})`, {
          currentVersion: t.version,
        });
      }
      const events: Array<Omit<RecordInput, 'ticket' | 'actorId'>> = [];
      await apply(tx, t, events);
      if (!events.length) return t;
      t.version += 1;
      t.updatedAt = new Date();
      for (const e of events) recorded.push(await this.activity.record(tx, { ...e, ticket: t, actorId: ctx.principal.userId }));
      return t;
    });
    await this.activity.committed(recorded);
    return ticket;
  }

  private async replaceTags(tx: EntityManager, t: Ticket, next: string[], events: Array<Omit<RecordInput, 'ticket' | 'actorId'>>) {
    const added = next.filter((tag) => !t.tags.includes(tag));
    const removed = t.tags.filter((tag) => !next.includes(tag));
    if (removed.length) await tx.nativeDelete(TicketTag, { ticketId: t.id, tag: { $in: removed } });
    for (const tag of added) tx.create(TicketTag, { ticketId: t.id, tag });
    t.tags = next;
    for (const tag of added) events.push({ type: TicketEventType.TAG_ADDED, payload: { tag } });
    for (const tag of removed) events.push({ type: TicketEventType.TAG_REMOVED, payload: { tag } });
  }

  private async customerFor(ctx: Ctx, requested: string | undefined): Promise<string> {
    const p = ctx.principal;
    if (p.role === Role.CUSTOMER) {
      if (requested && requested !== p.userId) throw forbidden('Customers can only open tickets for themselves');
      return p.userId;
    }
    if (!opensForCustomers(p)) throw forbidden('Only staff may open tickets on behalf of customers');
    if (!requested) throw badInput({ customerId: [`is required when ${p.role === Role.PARTNER ? 'an API key opens' : 'staff open'} a ticket`] });
    if ((await activeRoleOf(ctx.em, requested)) !== Role.CUSTOMER) {
      throw badInput({ customerId: ['is not an active customer of this tenant'] });
    }
    return requested;
  }
}

function assertMayAddCustomer(p: Principal, input: CreateTicketInput): void {
  if (!canAddCustomers(p)) throw forbidden('Only staff may add a customer while opening a ticket');
  if (input.customerId) throw badInput({ newCustomer: ['give either customerId or newCustomer, not both'] });
}

/** Tickets opened through an API key are API-channel tickets; users default to WEB. */
function channelFor(p: Principal, requested: TicketChannel | undefined): TicketChannel {
  if (p.role !== Role.PARTNER) return requested ?? TicketChannel.WEB;
  if (requested && requested !== TicketChannel.API) throw badInput({ channel: ['must be API for tickets opened with an API key'] });
  return TicketChannel.API;
}

/** Applies a (checked) status change with its timestamps and returns the event to record. */
export function applyStatus(t: Ticket, status: TicketStatus): Omit<RecordInput, 'ticket' | 'actorId'> {
  const change = { field: 'status', from: t.status, to: status };
  const now = new Date();
  if (status === TicketStatus.RESOLVED) t.resolvedAt = now;
  if (status === TicketStatus.IN_PROGRESS && t.status === TicketStatus.RESOLVED) t.resolvedAt = null;
  if (status === TicketStatus.CLOSED) t.closedAt = now;
  t.status = status;
  return { type: TicketEventType.STATUS_CHANGED, payload: { changes: [change] } };
}
