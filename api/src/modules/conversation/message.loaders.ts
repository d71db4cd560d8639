import type { EntityManager } from '@mikro-orm/core';
import type { Principal } from '../../platform/auth/principal.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { byKeys } from '../../platform/graphql/loaders.js';
import { Attachment } from '../attachment/attachment.entity.js';
import { canSeeInternal } from '../ticket/ticket.policy.js';
import { Message } from './message.entity.js';

/**
 * Batched reads for ticket lists: one statement per kind, whatever the page size.
 * Raw SQL here: each statement carries the tenant predicate explicitly.
 */
async function lastMessages(em: EntityManager, tenantId: string, ticketIds: readonly string[], withInternal: boolean) {
  const marks = ticketIds.map(() => '?').join(', ');
  const visible = (alias: string) => (withInternal ? '' : ` and ${alias}.internal = 0`);
  const rows = await em.getConnection().execute(
    `select m.* from messages m
      where m.tenant_id = ? and m.ticket_id in (${marks})${visible('m')}
        and not exists (
          select 1 from messages n
           where n.tenant_id = m.tenant_id and n.ticket_id = m.ticket_id${visible('n')}
             and (n.created_at > m.created_at or (n.created_at = m.created_at and n.id > m.id)))`,
    [tenantId, ...ticketIds],
  );
  const messages = (rows as Record<string, unknown>[]).map((row) => em.map(Message, row));
  return byKeys(ticketIds, messages, (m) => m.ticketId);
}

async function messageCounts(em: EntityManager, tenantId: string, ticketIds: readonly string[], withInternal: boolean) {
  const marks = ticketIds.map(() => '?').join(', ');
  const rows = (await em.getConnection().execute(
    `select ticket_id, count(*) as total from messages
      where tenant_id = ? and ticket_id in (${marks})${withInternal ? '' : ' and internal = 0'}
      group by ticket_id`,
    [tenantId, ...ticketIds],
  )) as Array<{ ticket_id: string; total: number | string }>;
  const byTicket = new Map(rows.map((r) => [r.ticket_id, Number(r.total)]));
  return ticketIds.map((id) => byTicket.get(id) ?? 0);
}

export function lastMessageLoader(ctx: Pick<GraphQLContext, 'em' | 'loaders'>, p: Principal) {
  const internal = canSeeInternal(p);
  return ctx.loaders.get<string, Message | null>(`lastMessage:${internal}`, (ids) => lastMessages(ctx.em, p.tenantId, ids, internal));
}

export function messageCountLoader(ctx: Pick<GraphQLContext, 'em' | 'loaders'>, p: Principal) {
  const internal = canSeeInternal(p);
  return ctx.loaders.get<string, number>(`messageCount:${internal}`, (ids) => messageCounts(ctx.em, p.tenantId, ids, internal));
}

export function attachmentsLoader(ctx: Pick<GraphQLContext, 'em' | 'loaders'>) {
  return ctx.loaders.get<string, Attachment[]>('attachmentsByMessage', async (ids) => {
    const rows = await ctx.em.find(Attachment, { messageId: { $in: [...ids] } }, { orderBy: { createdAt: 'asc' } });
    return ids.map((id) => rows.filter((a) => a.messageId === id));
  });
}
