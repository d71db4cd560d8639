import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { Principal } from '../../platform/auth/principal.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { RequestScope } from '../../platform/graphql/caller.js';
import { cursorDate, cursorString, decodeCursor, encodeCursor, forwardPage, pageSize, type Connection } from '../../platform/graphql/pagination.js';
import type { TicketEvent } from '../activity/ticket-event.entity.js';
import type { AttachmentService } from '../attachment/attachment.service.js';
import type { IdempotencyService } from '../idempotency/idempotency.service.js';
import type { Ticket } from '../ticket/ticket.entity.js';
import { TicketEventType, type RecordedChange } from '../ticket/ticket.events.js';
import { assertCanPostMessage, assertCanReadMessages, assertCanView, canReadMessages, canSeeInternal } from '../ticket/ticket.policy.js';
import type { TicketService } from '../ticket/ticket.service.js';
import { Message, MessageKind } from './message.entity.js';
import type { PostMessageInput } from './message.inputs.js';

const CLOCK_LABEL: Record<string, string> = { RESOLUTION: 'resolution', FIRST_RESPONSE: 'first response' };

/**
 * Conversation rules: who may post and read, and internal-note visibility. What a message
 * does to its ticket (first response, reopening) is TicketService's: it is asked, in the
 * same transaction.
 */
export class MessageService {
  constructor(
    private readonly tickets: TicketService,
    private readonly attachments: AttachmentService,
    private readonly idempotency: IdempotencyService,
  ) {}

  /** What a principal may read of a ticket's messages. */
  static visible(p: Principal): { internal?: boolean } {
    return canSeeInternal(p) ? {} : { internal: false };
  }

  async post(scope: RequestScope, input: PostMessageInput): Promise<Message> {
    const p = scope.principal;
    const request = { principalId: p.userId, operation: 'postMessage', key: input.idempotencyKey };
    return this.idempotency.run(
      scope.em,
      request,
      async () => {
        const recorded: RecordedChange[] = [];
        const message = await scope.em.transactional(async (tx) => {
          const ticket = await this.tickets.lockForChange(tx, p, input.ticketId);
          const m = await this.postWithin(tx, p, ticket, input, recorded);
          await this.idempotency.remember(tx, request, m.id);
          return m;
        });
        await this.tickets.committed(recorded);
        return message;
      },
      (id) => this.byId(scope, id),
    );
  }

  /**
   * Posts a message on a ticket locked in `tx` (a reply, or a macro's reply or note), adding
   * what it records to `recorded`; publish them after the transaction commits.
   */
  async postWithin(
    tx: EntityManager,
    p: Principal,
    ticket: Ticket,
    input: { body: string; internal: boolean; attachmentIds?: string[] | null },
    recorded: RecordedChange[],
  ): Promise<Message> {
    assertCanPostMessage(p, ticket, input.internal);
    const m = tx.create(Message, { ticketId: ticket.id, authorId: p.userId, body: input.body.trim(), internal: input.internal });
    await this.attachments.linkToMessage(tx, p, input.attachmentIds ?? [], { messageId: m.id, ticketId: ticket.id });
    const posted = { id: m.id, body: m.body, internal: m.internal, kind: m.kind, authorId: m.authorId, createdAt: m.createdAt.toISOString() };
    recorded.push(...(await this.tickets.messagePosted(tx, p, ticket, posted)));
    return m;
  }

  async byId(scope: RequestScope, id: string): Promise<Message> {
    const message = await scope.em.findOne(Message, { id, ...MessageService.visible(scope.principal) });
    if (!message) throw notFound('Message');
    await this.tickets.get(scope, { id: message.ticketId });
    return message;
  }

  /** Whether the principal may read a message (and so its attachments): the ticket and message rules. */
  async mayRead(scope: RequestScope, messageId: string): Promise<boolean> {
    if (!canReadMessages(scope.principal)) return false;
    try {
      await this.byId(scope, messageId);
      return true;
    } catch (error) {
      if (error instanceof AppError && error.extensions.code === 'NOT_FOUND') return false;
      throw error;
    }
  }

  async list(scope: RequestScope, ticket: Ticket, first?: number | null, after?: string | null): Promise<Connection<Message>> {
    assertCanView(scope.principal, ticket);
    assertCanReadMessages(scope.principal);
    const limit = pageSize(first, 50);
    const where: FilterQuery<Message> = { ticketId: ticket.id, ...MessageService.visible(scope.principal) };
    const and: FilterQuery<Message>[] = [where];
    if (after) {
      const [createdAt, rawId] = decodeCursor(after, 'after', 2);
      const at = cursorDate(createdAt);
      const id = cursorString(rawId);
      and.push({ $or: [{ createdAt: { $gt: at } }, { createdAt: at, id: { $gt: id } }] });
    }
    const [rows, totalCount] = await Promise.all([
      scope.em.find(Message, { $and: and }, { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], limit: limit + 1 }),
      scope.em.count(Message, where),
    ]);
    return { ...forwardPage(rows, limit, !!after, (node) => ({ node, cursor: encodeCursor([node.createdAt.toISOString(), node.id]) })), totalCount };
  }
}

/**
 * The conversation's reaction to an SLA escalation: an internal system note in the thread,
 * written in the escalation's transaction (a hook on the ticket's event log).
 */
export async function systemNoteOnEscalation(tx: EntityManager, event: TicketEvent): Promise<void> {
  if (event.type !== TicketEventType.SLA_ESCALATED) return;
  const step = event.payload.changes?.find((c) => c.field === 'escalationLevel');
  const label = CLOCK_LABEL[event.payload.sla ?? ''] ?? 'SLA';
  tx.create(Message, {
    ticketId: event.ticketId,
    authorId: null,
    kind: MessageKind.SYSTEM,
    internal: true,
    body: `SLA ${label} target breached: escalation level ${step?.from ?? '?'} → ${step?.to ?? '?'}.`,
  });
}
