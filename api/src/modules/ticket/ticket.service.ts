import { LockMode, type EntityManager } from '@mikro-orm/core';
import { Role, type Principal } from '../../platform/auth/principal.js';
import { nextCounterValue } from '../../platform/db/counter.entity.js';
import { badInput, conflict } from '../../platform/errors.js';
import type { RequestScope } from '../../platform/graphql/caller.js';
import type { IdempotencyService } from '../idempotency/idempotency.service.js';
import { activeRoleOf, addCustomer } from '../user/user.service.js';
import { Ticket, TicketTag } from './ticket.entity.js';
import { PRIORITY_RANK, TicketChannel, TicketStatus } from './ticket.enums.js';
import {
  TicketEventType,
  type FieldChangeData,
  type PostedMessageData,
  type RecordedChange,
  type TicketChange,
  type TicketEventLog,
  type TicketSlaRules,
} from './ticket.events.js';
import type { CreateTicketInput, TicketFilter, UpdateTicketInput } from './ticket.inputs.js';
import { ticketWhere } from './ticket.query.js';
import { assertMayAddCustomer, channelFor, customerFor } from './ticket-create.policy.js';
import { applyStatus, applyTarget, categoryTarget, resolveStatusTarget } from './ticket-status.policy.js';
import { assertCanAssign, assertCanClaim, assertCanTransition, assertCanView, isStaff, visibleTicketsWhere } from './ticket.policy.js';

/**
 * Staff actions on one ticket, as bulk edits and macros apply them: each is checked with the
 * ticket's own rules (transitions, assignment). `assigneeId: null` sends it back to the queue.
 */
export interface TicketActions {
  status?: TicketStatus | null;
  /** A status key (built-in or the workspace's); with `status` too, both must agree. */
  statusKey?: string | null;
  priority?: Ticket['priority'] | null;
  category?: Ticket['category'] | null;
  assigneeId?: string | null;
  addTags?: string[] | null;
  removeTags?: string[] | null;
}

/** A new ticket's fields, as another module's flow opens it. */
export interface OpenTicketData {
  title: string;
  description: string;
  priority: Ticket['priority'];
  category: Ticket['category'];
  channel: TicketChannel;
  customerId: string;
  tags?: string[] | null;
}

/** Mutates a locked ticket and lists the changes to record. Runs inside TicketService.write. */
export type TicketMutation = (tx: EntityManager, ticket: Ticket, changes: TicketChange[], now: Date) => Promise<void> | void;

export interface TicketServiceDeps {
  events: TicketEventLog;
  sla: TicketSlaRules;
  idempotency: IdempotencyService;
  /** SELECT ... FOR UPDATE where the database has row locks. */
  lockRows: boolean;
}

/** Fields whose change gives the ticket a new `version` (what a stale editor could overwrite). */
const VERSIONED = ['title', 'description', 'status', 'statusKey', 'priority', 'category', 'assigneeId', 'escalationLevel', 'deletedAt'] as const;
const versionedState = (t: Ticket) => JSON.stringify([...VERSIONED.map((f) => t[f]), t.tags]);

const normaliseTags = (tags: string[] | undefined | null): string[] => [...new Set((tags ?? []).map((t) => t.trim().toLowerCase()))].sort();

/**
 * Ticket lifecycle rules, and the only writer of ticket rows. Every change goes through
 * `write`, inside the caller's transaction: status side effects, SLA recomputation,
 * `version`, `updatedAt` and the recorded events. Other modules call it or react to its events.
 */
export class TicketService {
  constructor(private readonly deps: TicketServiceDeps) {}

  async get(scope: RequestScope, where: { id: string } | { number: number }): Promise<Ticket> {
    const ticket = await scope.em.findOne(Ticket, { ...where, ...visibleTicketsWhere(scope.principal) });
    assertCanView(scope.principal, ticket);
    return ticket;
  }

  /** How many tickets the caller may see match a filter (saved views' counts). */
  async count(scope: RequestScope, filter: TicketFilter): Promise<number> {
    return scope.em.count(Ticket, await ticketWhere(scope, scope.principal, filter));
  }

  /** Loads a visible ticket inside a transaction, locking its row where the database supports it. */
  async lockForChange(tx: EntityManager, principal: Principal, id: string): Promise<Ticket> {
    const ticket = await tx.findOne(Ticket, { id, ...visibleTicketsWhere(principal) }, this.deps.lockRows ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    assertCanView(principal, ticket);
    return ticket;
  }

  async create(scope: RequestScope, input: CreateTicketInput): Promise<Ticket> {
    const p = scope.principal;
    const existingCustomerId = input.newCustomer ? null : await customerFor(scope, input.customerId);
    if (input.newCustomer) assertMayAddCustomer(p, input);
    const priority = input.priority;
    const request = { principalId: p.userId, operation: 'createTicket', key: input.idempotencyKey };
    return this.deps.idempotency.run(
      scope.em,
      request,
      async () => {
        const recorded: RecordedChange[] = [];
        const ticket = await scope.em.transactional(async (tx) => {
          const customerId = existingCustomerId ?? (await addCustomer(tx, input.newCustomer!)).id;
          const opened = await this.openInTransaction(tx, p.userId, {
            title: input.title,
            description: input.description,
            priority,
            category: input.category,
            channel: channelFor(p, input.channel),
            customerId,
            tags: input.tags,
          });
          recorded.push(...opened.recorded);
          await this.deps.idempotency.remember(tx, request, opened.ticket.id);
          return opened.ticket;
        });
        await this.deps.events.committed(recorded);
        return ticket;
      },
      (id) => this.get(scope, { id }),
    );
  }

  /**
   * Opens a ticket for a customer inside the caller's transaction (checked by the caller,
   * such as a live chat opened from a website). Publish `recorded` with `committed` after commit.
   */
  async openInTransaction(tx: EntityManager, actorId: string | null, input: OpenTicketData): Promise<{ ticket: Ticket; recorded: RecordedChange[] }> {
    const tags = normaliseTags(input.tags);
    const t = tx.create(Ticket, {
      number: await nextCounterValue(tx, 'ticket_number', 1001),
      title: input.title.trim(),
      description: input.description.trim(),
      priority: input.priority,
      priorityRank: PRIORITY_RANK[input.priority],
      category: input.category,
      channel: input.channel,
      customerId: input.customerId,
      tags,
    });
    for (const tag of tags) tx.create(TicketTag, { ticketId: t.id, tag });
    await this.deps.sla.retarget(tx, t, t.createdAt);
    const recorded = [await this.deps.events.record(tx, t, actorId, { type: TicketEventType.TICKET_CREATED })];
    return { ticket: t, recorded };
  }

  update(scope: RequestScope, id: string, input: UpdateTicketInput, expectedVersion?: number | null): Promise<Ticket> {
    return this.change(scope, id, expectedVersion, async (tx, t, events) => {
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
      if (changes.length) events.push({ type: TicketEventType.TICKET_UPDATED, payload: { changes } });
      if (input.tags) await this.replaceTags(tx, t, normaliseTags(input.tags), events);
    });
  }

  assign(scope: RequestScope, id: string, agentId: string | null): Promise<Ticket> {
    return this.change(scope, id, null, async (tx, t, events) => {
      assertCanAssign(scope.principal, t);
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

  claim(scope: RequestScope, id: string): Promise<Ticket> {
    return this.change(scope, id, null, (_tx, t, events) => {
      assertCanClaim(scope.principal, t);
      if (t.assigneeId === scope.principal.userId) return;
      t.assigneeId = scope.principal.userId;
      events.push({ type: TicketEventType.TICKET_CLAIMED, payload: { changes: [{ field: 'assigneeId', from: null, to: t.assigneeId }] } });
    });
  }

  /** To a category (`status`), a status key, or both when they agree. */
  async changeStatus(scope: RequestScope, id: string, request: { status?: TicketStatus | null; statusKey?: string | null }, expectedVersion?: number | null): Promise<Ticket> {
    const target = await resolveStatusTarget(scope.em, request);
    if (!target) throw badInput({ statusKey: ['give a status or a statusKey'] });
    return this.change(scope, id, expectedVersion, (_tx, t, events, now) => {
      // Asking for the status the ticket is already in is an illegal transition (e.g. OPEN → OPEN), as it always was.
      if (target.key === t.statusKey) assertCanTransition(scope.principal, t, target.status);
      const change = applyTarget(scope.principal, t, target, now);
      if (change) events.push(change);
    });
  }

  /**
   * A status's SLA pause flag changed: the tickets in it pause or resume their resolution
   * clock as of `now`, after the caller's transaction commits (in batches, with an event per
   * ticket); call `slaRecomputeCommitted` then.
   */
  statusPauseChanged(tx: EntityManager, key: string, now = new Date()): Promise<void> {
    return this.deps.sla.statusPauseChanged(tx, key, now);
  }

  slaRecomputeCommitted(): void {
    this.deps.sla.recomputeCommitted();
  }

  /** Soft delete: the ticket disappears from every query; its events remain. */
  delete(scope: RequestScope, id: string): Promise<Ticket> {
    return this.change(scope, id, null, (_tx, t, events, now) => {
      t.deletedAt = now;
      events.push({ type: TicketEventType.TICKET_DELETED });
    });
  }

  /**
   * Applies staff actions to a ticket locked in `tx` (call from inside `write`), checking each
   * with the ticket's rules, and returns the changes made, one per kind.
   */
  async applyActions(tx: EntityManager, p: Principal, t: Ticket, actions: TicketActions, now: Date): Promise<TicketChange[]> {
    const events: TicketChange[] = [];
    const target = await resolveStatusTarget(tx, actions);
    const statusChange = target && applyTarget(p, t, target, now);
    if (statusChange) events.push(statusChange);
    const updates: FieldChangeData[] = [];
    for (const field of ['priority', 'category'] as const) {
      const value = actions[field];
      if (!value || value === t[field]) continue;
      updates.push({ field, from: t[field], to: value });
      (t as Record<typeof field, string>)[field] = value;
    }
    if (updates.length) events.push({ type: TicketEventType.TICKET_UPDATED, payload: { changes: updates } });
    if (actions.assigneeId !== undefined && actions.assigneeId !== t.assigneeId) {
      assertCanAssign(p, t);
      const role = actions.assigneeId ? await activeRoleOf(tx, actions.assigneeId) : null;
      if (actions.assigneeId && role !== Role.AGENT && role !== Role.ADMIN) throw badInput({ assigneeId: ['is not an active agent of this tenant'] });
      events.push({ type: TicketEventType.TICKET_ASSIGNED, payload: { changes: [{ field: 'assigneeId', from: t.assigneeId, to: actions.assigneeId }] } });
      t.assigneeId = actions.assigneeId;
    }
    const removed = new Set(normaliseTags(actions.removeTags));
    const next = normaliseTags([...t.tags, ...normaliseTags(actions.addTags)]).filter((tag) => !removed.has(tag));
    if (next.length > 20) throw badInput({ addTags: ['a ticket has at most 20 tags'] });
    if (next.join(',') !== t.tags.join(',')) await this.replaceTags(tx, t, next, events);
    return events;
  }

  /**
   * A message was posted on a ticket locked in `tx`: records MESSAGE_POSTED; the first public
   * staff reply stamps `firstResponseAt`; a customer reply reopens a resolved ticket, and
   * takes a ticket out of a status that pauses the SLA ("Waiting on customer").
   */
  messagePosted(tx: EntityManager, p: Principal, t: Ticket, message: PostedMessageData): Promise<RecordedChange[]> {
    return this.write(tx, t, p.userId, (_tx, ticket, events, now) => {
      events.push({ type: TicketEventType.MESSAGE_POSTED, internal: message.internal, payload: { messageId: message.id, message } });
      if (isStaff(p) && !message.internal && !ticket.firstResponseAt) ticket.firstResponseAt = now;
      if (!isStaff(p) && ticket.status === TicketStatus.RESOLVED) events.push(applyStatus(ticket, TicketStatus.IN_PROGRESS, now));
      // The customer answered a ticket waiting on them (a status that pauses the SLA): back to its category's own status, the clock running.
      else if (!isStaff(p) && ticket.statusPausesSla && ticket.status !== TicketStatus.CLOSED) events.push(applyStatus(ticket, ticket.status, now, categoryTarget(ticket.status)));
    });
  }

  /**
   * Runs one change in a transaction: lock, version check, then `write`; publishes the
   * recorded events after commit.
   */
  async change(scope: RequestScope, id: string, expectedVersion: number | null | undefined, apply: TicketMutation): Promise<Ticket> {
    const recorded: RecordedChange[] = [];
    const ticket = await scope.em.transactional(async (tx) => {
      const t = await this.lockForChange(tx, scope.principal, id);
      if (expectedVersion !== null && expectedVersion !== undefined && t.version !== expectedVersion) {
        throw conflict(`Ticket #${t.number} was changed by someone else (version ${t.version}, expected ${expectedVersion})`, {
          currentVersion: t.version,
        });
      }
      recorded.push(...(await this.write(tx, t, scope.principal.userId, apply)));
      return t;
    });
    await this.deps.events.committed(recorded);
    return ticket;
  }

  /**
   * The one place a ticket row changes, inside the caller's transaction (the ticket loaded,
   * and locked where possible, in `tx`). After `apply`: SLA recomputation for what changed,
   * a new `version` when an editable field changed, `updatedAt`, and one event per change.
   * Call `committed` with the result after the transaction commits.
   */
  async write(tx: EntityManager, t: Ticket, actorId: string | null, apply: TicketMutation, now = new Date()): Promise<RecordedChange[]> {
    const before = { state: versionedState(t), status: t.status, paused: t.statusPausesSla, priority: t.priority, category: t.category, firstResponseAt: t.firstResponseAt };
    const changes: TicketChange[] = [];
    await apply(tx, t, changes, now);
    if (!changes.length) return [];
    t.priorityRank = PRIORITY_RANK[t.priority];
    if (t.priority !== before.priority || t.category !== before.category) await this.deps.sla.retarget(tx, t, now);
    if (t.status !== before.status || t.statusPausesSla !== before.paused) await this.deps.sla.statusChanged(tx, t, now);
    if (t.firstResponseAt && !before.firstResponseAt) await this.deps.sla.firstResponded(tx, t, now);
    if (versionedState(t) !== before.state) t.version += 1;
    t.updatedAt = now;
    const recorded: RecordedChange[] = [];
    for (const change of changes) recorded.push(await this.deps.events.record(tx, t, actorId, change));
    return recorded;
  }

  /** Publishes what a transaction recorded through `write`; call after it commits. */
  committed(recorded: RecordedChange[]): Promise<void> {
    return this.deps.events.committed(recorded);
  }

  private async replaceTags(tx: EntityManager, t: Ticket, next: string[], events: TicketChange[]) {
    const added = next.filter((tag) => !t.tags.includes(tag));
    const removed = t.tags.filter((tag) => !next.includes(tag));
    if (removed.length) await tx.nativeDelete(TicketTag, { ticketId: t.id, tag: { $in: removed } });
    for (const tag of added) tx.create(TicketTag, { ticketId: t.id, tag });
    t.tags = next;
    for (const tag of added) events.push({ type: TicketEventType.TAG_ADDED, payload: { tag } });
    for (const tag of removed) events.push({ type: TicketEventType.TAG_REMOVED, payload: { tag } });
  }
}
