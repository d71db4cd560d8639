import { Role, type Principal } from '../../platform/auth/principal.js';
import type { AppPubSub } from '../../platform/pubsub/pubsub.js';
import { mapFilter } from '../../platform/realtime/iterators.js';
import { PushQueue } from '../../platform/realtime/push-queue.js';
import { ticketFromSnapshot } from '../activity/ticket-event.format.js';
import { Message, MessageKind } from '../conversation/message.entity.js';
import { customersSeePriority } from '../tenant/tenant.service.js';
import { TicketEventType } from '../ticket/ticket.events.js';
import {
  canReadMessages,
  canSeeInternal,
  changeKinds,
  isStaff,
  isTriageOnly,
  seesAllTickets,
  seesPriority,
  seesTags,
  seesTriageEvent,
  visibleChanges,
} from '../ticket/ticket.policy.js';
import type { RequestScope as Ctx } from '../../platform/graphql/caller.js';
import type { TicketService } from '../ticket/ticket.service.js';
import type { TicketEventConnection, TicketEventFilter, TicketEventNotification, TypingEvent } from './realtime.types.js';
import { listEventFeed, resumableEvents, seqOfCursor } from './event-feed.js';
import type { TicketEventEnvelope, TicketFeed } from './ticket-feed.js';

const typingTopic = (tenantId: string) => `typing:${tenantId}`;

/** Whether a principal may receive an event: the same rules as the ticket and message queries. */
export function mayReceive(p: Principal, e: TicketEventEnvelope): boolean {
  if (e.tenantId !== p.tenantId) return false;
  if (e.internal && !canSeeInternal(p)) return false;
  if (!seesAllTickets(p) && e.data.ticket.customerId !== p.userId) return false;
  return true;
}

/** The GraphQL TicketEvent of a public event (subscription and change feed alike). */
export function toNotification(e: TicketEventEnvelope): TicketEventNotification {
  const m = e.data.message;
  const message = m
    ? Object.assign(new Message(), { ...m, kind: m.kind as MessageKind, ticketId: e.ticketId, tenantId: e.tenantId, createdAt: new Date(m.createdAt) })
    : null;
  return {
    id: e.id,
    seq: e.seq,
    version: e.version,
    cursor: e.cursor,
    type: e.type,
    ticketId: e.ticketId,
    ticket: ticketFromSnapshot(e.data.ticket, e.tenantId),
    actorId: e.actorId,
    changes: e.data.changes,
    tag: e.data.tag,
    message,
    createdAt: new Date(e.createdAt),
  };
}

/** Whether an event carries staff triage data only (rows written before the flag existed: derived). */
const triageOf = (e: TicketEventEnvelope): boolean => e.triage ?? isTriageOnly(e.type, e.data.changes);

/**
 * An event as a principal receives it: API keys without messages:read get no message body;
 * customers get no priority changes unless their workspace shows priority.
 */
export function present(p: Principal, e: TicketEventEnvelope, customersSeePriority = false): TicketEventNotification {
  const notification = toNotification(e);
  if (!canReadMessages(p)) notification.message = null;
  notification.changes = visibleChanges(p, customersSeePriority, notification.changes);
  // A macro is staff tooling: customers see the update it made (as its timeline entry reads to them).
  if (!isStaff(p) && p.role !== Role.PARTNER && notification.type === TicketEventType.MACRO_APPLIED) notification.type = TicketEventType.TICKET_UPDATED;
  return notification;
}

/** Live ticket events, messages and typing, each checked against the subscriber. */
export class RealtimeService {
  constructor(
    readonly feed: TicketFeed,
    private readonly pubSub: AppPubSub,
    private readonly tickets: TicketService,
    private readonly typingTtlMs: number,
  ) {}

  /** Live events; with `after`, first every event after that cursor (replayed from the table). */
  ticketEvents(
    p: Principal,
    filter?: TicketEventFilter | null,
    after?: string | null,
    customersSeePriority: () => Promise<boolean> = async () => false,
  ): AsyncIterableIterator<TicketEventEnvelope> {
    const source = after ? resumableEvents(this.feed, p.tenantId, seqOfCursor(after)) : this.feed.subscribe(p.tenantId);
    return mapFilter(source, (e) => {
      if (!mayReceive(p, e)) return undefined;
      if (filter?.ticketId && e.ticketId !== filter.ticketId) return undefined;
      if (filter?.types?.length && !changeKinds(e.type, e.data.changes).some((k) => filter.types!.includes(k as TicketEventType))) return undefined;
      if (!triageOf(e) || (seesTags(p) && seesPriority(p, false))) return e;
      // Only customers get here: the workspace setting decides about priority-only updates.
      return customersSeePriority().then((sees) => (seesTriageEvent(p, sees, { type: e.type, triage: true, changes: e.data.changes }) ? e : undefined));
    });
  }

  /** The change feed as a page of events after a cursor, with what the principal may see. */
  async eventFeed(ctx: Ctx, after?: string | null, first?: number | null): Promise<TicketEventConnection> {
    const p = ctx.principal;
    const sees = seesPriority(p, false) || (await customersSeePriority(ctx.em, p.tenantId));
    const page = await listEventFeed(ctx.em, p, after, first, { tags: seesTags(p), priority: sees });
    return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: present(p, edge.node, sees) })) };
  }

  async messageAdded(ctx: Ctx, ticketId: string): Promise<AsyncIterableIterator<TicketEventEnvelope>> {
    await this.tickets.get(ctx, { id: ticketId });
    return this.ticketEvents(ctx.principal, { ticketId, types: [TicketEventType.MESSAGE_POSTED] });
  }

  async setTyping(ctx: Ctx, ticketId: string, isTyping: boolean, internal: boolean, name: string): Promise<boolean> {
    await this.tickets.get(ctx, { id: ticketId });
    const event = {
      ticketId,
      userId: ctx.principal.userId,
      name,
      isTyping,
      internal: internal && isStaff(ctx.principal),
      expiresAt: new Date(Date.now() + (isTyping ? this.typingTtlMs : 0)).toISOString(),
    };
    this.pubSub.publish(typingTopic(ctx.principal.tenantId), event);
    return true;
  }

  /** Typing in one ticket. A typist who stops renewing is reported as stopped after the TTL. */
  async typing(ctx: Ctx, ticketId: string): Promise<AsyncIterableIterator<TypingEvent>> {
    await this.tickets.get(ctx, { id: ticketId });
    const p = ctx.principal;
    const timers = new Map<string, NodeJS.Timeout>();
    const source = this.pubSub.subscribe(typingTopic(p.tenantId))[Symbol.asyncIterator]();
    const out: PushQueue<TypingEvent> = new PushQueue(() => {
      for (const timer of timers.values()) clearTimeout(timer);
      void source.return?.();
    });
    void (async () => {
      for (;;) {
        const next = await source.next();
        if (next.done) return out.end();
        const raw = next.value as Omit<TypingEvent, 'expiresAt'> & { expiresAt: string };
        if (raw.ticketId !== ticketId || (raw.internal && !canSeeInternal(p))) continue;
        const event: TypingEvent = { ...raw, expiresAt: new Date(raw.expiresAt) };
        clearTimeout(timers.get(event.userId));
        timers.delete(event.userId);
        if (event.isTyping) {
          timers.set(
            event.userId,
            setTimeout(() => {
              timers.delete(event.userId);
              out.push({ ...event, isTyping: false, expiresAt: new Date() });
            }, Math.max(0, event.expiresAt.getTime() - Date.now())),
          );
        }
        out.push(event);
      }
    })();
    return out;
  }
}
