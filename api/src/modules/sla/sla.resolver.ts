import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Auth } from '../../platform/auth/auth.directive.js';
import { Role } from '../../platform/auth/principal.js';
import { Permission } from '../../platform/auth/permissions.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { Ticket } from '../ticket/ticket.entity.js';
import type { BusinessCalendar } from './sla.clock.js';
import { clockView } from './sla.engine.js';
import { SlaPolicy } from './sla.entity.js';
import { BusinessCalendarInput, SlaPolicyInput } from './sla.inputs.js';
import type { SlaService } from './sla.service.js';
import { BusinessCalendarType, TicketSla } from './sla.types.js';

const { ADMIN, AGENT } = Role;

@Resolver(() => Ticket)
export class SlaResolver {
  constructor(private readonly service: SlaService) {}

  @Auth(ADMIN, AGENT, { permission: Permission.TICKETS_READ })
  @Query(() => [SlaPolicy])
  slaPolicies(@Ctx() ctx: GraphQLContext) {
    return this.service.policies(ctx.em);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.SLA_MANAGE })
  @Mutation(() => SlaPolicy, { description: 'Creates or replaces the policy for a category (and priority); open tickets are recomputed.' })
  setSlaPolicy(@Arg('input', () => SlaPolicyInput) input: SlaPolicyInput, @Ctx() ctx: GraphQLContext) {
    return this.service.setPolicy(ctx.em, input);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.SLA_MANAGE })
  @Mutation(() => Boolean)
  deleteSlaPolicy(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.service.deletePolicy(ctx.em, id);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.TICKETS_READ })
  @Query(() => BusinessCalendarType, { description: 'Business hours; Monday–Friday 09:00–17:00 UTC until set.' })
  businessCalendar(@Ctx() ctx: GraphQLContext) {
    return this.service.calendar(ctx.em);
  }

  @Auth(ADMIN, AGENT, { permission: Permission.SLA_MANAGE })
  @Mutation(() => BusinessCalendarType)
  setBusinessCalendar(@Arg('input', () => BusinessCalendarInput) input: BusinessCalendarInput, @Ctx() ctx: GraphQLContext) {
    return this.service.setCalendar(ctx.em, input);
  }

  @FieldResolver(() => TicketSla, { nullable: true, description: 'Null when no SLA policy applies.' })
  async sla(@Root() t: Ticket, @Ctx() ctx: GraphQLContext): Promise<TicketSla | null> {
    if (!t.slaPolicyId && !t.firstResponseDueAt) return null;
    const cal = await ctx.loaders.get<string, BusinessCalendar>('calendar', async (keys) => {
      const c = await this.service.calendar(ctx.em);
      return keys.map(() => c);
    }).load('tenant');
    const now = new Date();
    return {
      firstResponse: clockView(t, 'FIRST_RESPONSE', cal, now),
      resolution: clockView(t, 'RESOLUTION', cal, now),
      businessHours: t.slaBusinessHours,
    };
  }
}
