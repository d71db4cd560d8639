import type { EntityManager } from '@mikro-orm/core';
import { User } from '../user/user.entity.js';
import { Message, MessageKind } from '../conversation/message.entity.js';
import type { Ticket } from '../ticket/ticket.entity.js';
import { TicketStatus } from '../ticket/ticket.enums.js';
import { TicketEventType, type TicketChange } from '../ticket/ticket.events.js';
import type { Chat } from './chat.entity.js';
import { ChatState, type ChatMessage } from './chat.types.js';

/** A chat's state from its ticket (and whether it became an offline ticket). */
export function chatState(chat: Chat, ticket: Pick<Ticket, 'status' | 'assigneeId'>): ChatState {
  if (ticket.status === TicketStatus.CLOSED || ticket.status === TicketStatus.RESOLVED) return ChatState.CLOSED;
  if (chat.offline) return ChatState.OFFLINE;
  return ticket.assigneeId && ticket.status === TicketStatus.IN_PROGRESS ? ChatState.ACTIVE : ChatState.WAITING;
}

/**
 * Writes a visible system line (joined, transferred, closed …) into the chat's thread, as
 * part of a ticket change: call inside TicketService.write with its change list.
 */
export function systemLine(tx: EntityManager, t: Ticket, body: string, changes: TicketChange[]): void {
  const m = tx.create(Message, { ticketId: t.id, authorId: null, kind: MessageKind.SYSTEM, internal: false, body });
  const message = { id: m.id, body, internal: false, kind: m.kind, authorId: null, createdAt: m.createdAt.toISOString() };
  changes.push({ type: TicketEventType.MESSAGE_POSTED, payload: { messageId: m.id, message } });
}

/** The CHAT_ASSIGNED change: the new assignee and why routing chose them. */
export function assignedChange(from: string | null, to: string, reason: string): TicketChange {
  return {
    type: TicketEventType.CHAT_ASSIGNED,
    payload: {
      changes: [
        { field: 'assigneeId', from, to },
        { field: 'routingReason', from: null, to: reason },
      ],
    },
  };
}

/** Names of users by id (agents, in a chat's thread). */
export async function namesOf(em: EntityManager, ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map();
  return new Map((await em.find(User, { id: { $in: wanted } }, { fields: ['id', 'name'] })).map((u) => [u.id, u.name] as const));
}

export function toChatMessage(
  chat: Chat,
  m: Pick<Message, 'id' | 'body' | 'kind' | 'authorId' | 'createdAt'>,
  names: Map<string, string>,
  attachmentNames: string[] = [],
): ChatMessage {
  const fromVisitor = m.authorId === chat.customerId;
  return {
    id: m.id,
    body: m.body,
    kind: m.kind,
    fromVisitor,
    attachmentNames,
    authorName: fromVisitor ? chat.visitorName : m.authorId ? (names.get(m.authorId) ?? null) : null,
    createdAt: new Date(m.createdAt),
  };
}
