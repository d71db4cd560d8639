/** The rules of opening a ticket that depend on who opens it (TicketService.create). */
import { Role, type Principal } from '../../platform/auth/principal.js';
import { badInput, forbidden } from '../../platform/errors.js';
import type { RequestScope } from '../../platform/graphql/caller.js';
import { activeRoleOf } from '../user/user.service.js';
import { TicketChannel } from './ticket.enums.js';
import type { CreateTicketInput } from './ticket.inputs.js';
import { canAddCustomers, opensForCustomers } from './ticket.policy.js';

/** Who a new ticket is for: customers open their own; staff and API keys name an active customer. */
export async function customerFor(scope: RequestScope, requested: string | undefined): Promise<string> {
  const p = scope.principal;
  if (p.role === Role.CUSTOMER) {
    if (requested && requested !== p.userId) throw forbidden('Customers can only open tickets for themselves');
    return p.userId;
  }
  if (!opensForCustomers(p)) throw forbidden('Only staff may open tickets on behalf of customers');
  if (!requested) throw badInput({ customerId: [`is required when ${p.role === Role.PARTNER ? 'an API key opens' : 'staff open'} a ticket`] });
  if ((await activeRoleOf(scope.em, requested)) !== Role.CUSTOMER) {
    throw badInput({ customerId: ['is not an active customer of this tenant'] });
  }
  return requested;
}

export function assertMayAddCustomer(p: Principal, input: CreateTicketInput): void {
  if (!canAddCustomers(p)) throw forbidden('Only staff may add a customer while opening a ticket');
  if (input.customerId) throw badInput({ newCustomer: ['give either customerId or newCustomer, not both'] });
}

/** Tickets opened through an API key are API-channel tickets; users default to WEB. */
export function channelFor(p: Principal, requested: TicketChannel | undefined): TicketChannel {
  if (p.role !== Role.PARTNER) return requested ?? TicketChannel.WEB;
  if (requested && requested !== TicketChannel.API) throw badInput({ channel: ['must be API for tickets opened with an API key'] });
  return TicketChannel.API;
}
