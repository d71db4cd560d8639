import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { Principal } from '../../platform/auth/principal.js';
import { badInput, notFound } from '../../platform/errors.js';
import { cursorDate, cursorString, decodeCursor, encodeCursor, forwardPage, pageSize, type Connection } from '../../platform/graphql/pagination.js';
import type { ActivityService } from '../activity/activity.service.js';
import { TicketEventType, type TicketEvent } from '../activity/ticket-event.entity.js';
import { Attachment } from '../attachment/attachment.entity.js';
import type { IdempotencyService } from '../idempotency/idempotency.service.js';
import type { SlaService } from '../sla/sla.service.js';
import { TicketStatus } from '../ticket/ticket.enums.js';
import type { Ticket } from '../ticket/ticket.entity.js';
import { assertCanPostMessage, assertCanReadMessages, assertCanView, canSeeInternal, isStaff } from '../ticket/ticket.policy.js';
import { applyStatus, type Ctx, type TicketService } from '../ticket/ticket.service.js';
import { Message } from './message.entity.js';
import type { PostMessageInput } from './message.inputs.js';

/** Conversation rules: who may post, first response, reopening, and internal-note visibility. */
export class MessageService {
  constructor(
    private readonly tickets: TicketService,
    private readonly activity: ActivityService,
    private readonly idempotency: IdempotencyService,
    private readonly sla: SlaService,
  ) {}

  /** What a principal may read of a ticket's messages. */
  static visible(p: Principal): { internal?: boolean } {
    return canSeeInternal(p) ? {} : { internal: false };
  }

  async post(ctx: Ctx, input: PostMessageInput): Promise<Message> {
    const p = ctx.principal;
    const request = { principalId: p.userId, operation: 'postMessage', key: input.idempotencyKey };
    return this.idempotency.run(
      ctx.em,
      request,
      async () => {
        const recorded: TicketEvent[] = [];
        const message = await ctx.em.transactional(async (tx) => {
          const ticket = await this.tickets.lockForChange(tx, p, input.ticketId);
          assertCanPostMessage(p, ticket, input.internal);
          const m = tx.create(Message, { ticketId: ticket.id, authorId: p.userId, body: input.body.trim(), internal: input.internal });
          await this.attach(tx, p, ticket, m, input.attachmentIds ?? []);
          const now = new Date();
          const statusEvent = await this.sideEffects(tx, p, ticket, input.internal, now);
          ticket.updatedAt = now;
          recorded.push(
            await this.activity.record(tx, {
              ticket,
              type: TicketEventType.MESSAGE_POSTED,
              actorId: p.userId,
              internal: input.internal,
              payload: {
                messageId: m.id,
                message: { id: m.id, body: m.body, internal: m.internal, kind: m.kind, authorId: m.authorId, createdAt: m.createdAt.toISOString() },
              },
            }),
          );
          if (statusEvent) recorded.push(await this.activity.record(tx, { ...statusEvent, ticket, actorId: p.userId }));
          await this.idempotency.remember(tx, request, m.id);
          return m;
        });
        await this.activity.committed(recorded);
        return message;
      },
      (id) => this.byId(ctx, id),
    );
  }

  async byId(ctx: Ctx, id: string): Promise<Message> {
    const message = await ctx.em.findOne(Message, { id, ...MessageService.visible(ctx.principal) });
    if (!message) throw notFound('Message');
    await this.tickets.get(ctx, { id: message.ticketId });
    return message;
  }

  async list(ctx: Ctx, ticket: Ticket, first?: number | null, after?: string | null): Promise<Connection<Message>> {
    assertCanView(ctx.principal, ticket);
    assertCanReadMessages(ctx.principal);
    const limit = pageSize(first, 50);
    const where: FilterQuery<Message> = { ticketId: ticket.id, ...MessageService.visible(ctx.principal) };
    const and: FilterQuery<Message>[] = [where];
    if (after) {
      const [createdAt, rawId] = decodeCursor(after, 'after', 2);
      const at = cursorDate(createdAt);
      const id = cursorString(rawId);
      and.push({ $or: [{ createdAt: { $gt: at } }, { createdAt: at, id: { $gt: id } }] });
    }
    const [rows, totalCount] = await Promise.all([
      ctx.em.find(Message, { $and: and }, { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], limit: limit + 1 }),
      ctx.em.count(Message, where),
    ]);
    return { ...forwardPage(rows, limit, !!after, (node) => ({ node, cursor: encodeCursor([node.createdAt.toISOString(), node.id]) })), totalCount };
  }

  /** First public staff reply stamps firstResponseAt; a customer reply reopens a resolved ticket. */
  private async sideEffects(tx: EntityManager, p: Principal, ticket: Ticket, internal: boolean, now: Date) {
    if (isStaff(p) && !internal && !ticket.firstResponseAt) {
      ticket.firstResponseAt = now;
      await this.sla.firstResponded(tx, ticket, now);
    }
    if (!isStaff(p) && ticket.status === TicketStatus.RESOLVED) {
      const event = applyStatus(ticket, TicketStatus.IN_PROGRESS);
      ticket.version += 1;
      await this.sla.statusChanged(tx, ticket, TicketStatus.RESOLVED, TicketStatus.IN_PROGRESS, now);
      return event;
    }
    return null;
  }

  private async attach(tx: EntityManager, p: Principal, ticket: Ticket, message: Message, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const unique = [...new Set(ids)];
    // One conditional UPDATE claims the files: a concurrent post that linked one of them
    // first (and committed) makes this match fewer rows, so a file never ends up on two messages.
    const linked = await tx.nativeUpdate(
      Attachment,
      { id: { $in: unique }, tenantId: p.tenantId, uploaderId: p.userId, messageId: null },
      { messageId: message.id, ticketId: ticket.id },
    );
    if (linked !== unique.length) {
      throw badInput({ attachmentIds: ['unknown, already used, or not uploaded by you'] });
    }
  }
}
