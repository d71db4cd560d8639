import { Arg, Mutation, Resolver } from 'type-graphql';
import { Auth } from '../../platform/auth/auth.directive.js';
import { Role } from '../../platform/auth/principal.js';
import { Permission } from '../../platform/auth/permissions.js';
import { Caller } from '../../platform/graphql/caller.js';
import { BulkUpdateTicketsInput } from './bulk.inputs.js';
import type { BulkService } from './bulk.service.js';
import { BulkUpdateResult } from './bulk.types.js';

const { ADMIN, AGENT } = Role;

@Resolver()
export class BulkResolver {
  constructor(private readonly service: BulkService) {}

  @Auth(ADMIN, AGENT, { permission: Permission.TICKETS_UPDATE })
  @Mutation(() => BulkUpdateResult, {
    description:
      'Changes status, assignee, priority and tags of many tickets, each in its own transaction with its own permissions; refused tickets are listed in failures.',
  })
  bulkUpdateTickets(@Arg('input', () => BulkUpdateTicketsInput) input: BulkUpdateTicketsInput, @Caller() caller: Caller) {
    return this.service.update(caller, input);
  }
}
