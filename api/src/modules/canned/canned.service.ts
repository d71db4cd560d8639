import type { EntityManager } from '@mikro-orm/core';
import { Role, type Principal } from '../../platform/auth/principal.js';
import { forbidden, notFound } from '../../platform/errors.js';
import type { RequestScope } from '../../platform/graphql/caller.js';
import type { Ticket } from '../ticket/ticket.entity.js';
import { membersByIds } from '../user/user.service.js';
import { CannedResponse } from './canned-response.entity.js';
import type { CreateCannedResponseInput, UpdateCannedResponseInput } from './canned.inputs.js';

/** What a viewer may see: the tenant's shared responses and their own private ones. */
export const visibleCannedWhere = (p: Principal) => ({ $or: [{ shared: true }, { ownerId: p.userId }] });

/** Shared responses are managed by admins; private ones by their author only. */
export const canManageCanned = (p: Principal, item: { shared: boolean; ownerId: string }): boolean =>
  item.shared ? p.role === Role.ADMIN : item.ownerId === p.userId;

function assertMayManage(p: Principal, item: { shared: boolean; ownerId: string }): void {
  if (canManageCanned(p, item)) return;
  throw forbidden(item.shared ? 'Only admins manage shared canned responses' : 'Only its author manages a private canned response');
}

const VARIABLE = /\{\{\s*(customer\.name|ticket\.number|agent\.name)\s*\}\}/g;

/** Fills the variables of a body. Unknown `{{…}}` stay as written. */
export function fillVariables(body: string, values: { customerName: string; ticketNumber: number; agentName: string }): string {
  return body.replace(VARIABLE, (_all, name: string) => {
    if (name === 'customer.name') return values.customerName;
    if (name === 'ticket.number') return String(values.ticketNumber);
    return values.agentName;
  });
}

/** Canned responses: who sees and manages which, and rendering them for a ticket. */
export class CannedResponseService {
  list(scope: RequestScope): Promise<CannedResponse[]> {
    return scope.em.find(CannedResponse, visibleCannedWhere(scope.principal), { orderBy: { title: 'asc', id: 'asc' } });
  }

  /** A response the caller may see; anything else (another agent's private one, another tenant's) is NOT_FOUND. */
  async get(em: EntityManager, p: Principal, id: string): Promise<CannedResponse> {
    const found = await em.findOne(CannedResponse, { id, ...visibleCannedWhere(p) });
    if (!found) throw notFound('Canned response');
    return found;
  }

  async create(scope: RequestScope, input: CreateCannedResponseInput): Promise<CannedResponse> {
    const p = scope.principal;
    const draft = { title: input.title.trim(), body: input.body, shared: input.shared, ownerId: p.userId };
    assertMayManage(p, draft);
    return scope.em.transactional(async (tx) => {
      const item = tx.create(CannedResponse, draft);
      await tx.flush();
      return item;
    });
  }

  update(scope: RequestScope, id: string, input: UpdateCannedResponseInput): Promise<CannedResponse> {
    const p = scope.principal;
    return scope.em.transactional(async (tx) => {
      const item = await this.get(tx, p, id);
      assertMayManage(p, item);
      if (input.shared !== undefined && input.shared !== null) {
        assertMayManage(p, { shared: input.shared, ownerId: item.ownerId });
        item.shared = input.shared;
      }
      if (input.title) item.title = input.title.trim();
      if (input.body) item.body = input.body;
      await tx.flush();
      return item;
    });
  }

  delete(scope: RequestScope, id: string): Promise<boolean> {
    const p = scope.principal;
    return scope.em.transactional(async (tx) => {
      const item = await this.get(tx, p, id);
      assertMayManage(p, item);
      tx.remove(item);
      await tx.flush();
      return true;
    });
  }

  /** The body with its variables filled for a ticket the caller may see, by the caller as the agent. */
  async render(em: EntityManager, p: Principal, id: string, ticket: Ticket): Promise<string> {
    const item = await this.get(em, p, id);
    return this.renderBody(em, p, item.body, ticket);
  }

  async renderBody(em: EntityManager, p: Principal, body: string, ticket: Ticket): Promise<string> {
    const [customer, agent] = await membersByIds(em, [ticket.customerId, p.userId]);
    return fillVariables(body, { customerName: customer?.name ?? '', ticketNumber: ticket.number, agentName: agent?.name ?? '' });
  }
}
