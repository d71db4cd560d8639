import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Auth, type AuthOptions } from '../../platform/auth/auth.directive.js';
import { hasScope, isStaff, Role } from '../../platform/auth/principal.js';
import { Permission } from '../../platform/auth/permissions.js';
import { Scope } from '../../platform/auth/scopes.js';
import { Caller } from '../../platform/graphql/caller.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { Ticket } from '../ticket/ticket.entity.js';
import { ReportFilterInput, ReportGroupBy, ReportRangeInput, TicketMetricsFilterInput } from './reports.inputs.js';
import { toMetricsNode, type ReportsService } from './reports.service.js';
import { AgentStats, HeatmapCell, TicketMetricsConnection, TicketMetricsType, TicketStats } from './reports.types.js';
import { TicketMetrics } from './ticket-metrics.entity.js';

const { ADMIN, AGENT, PARTNER } = Role;
const REPORTS = { scopes: [Scope.REPORTS_READ] } as AuthOptions;

/** Reports: per-ticket metrics and the dashboard aggregates. Agents see their own tickets only. */
@Resolver(() => Ticket)
export class ReportsResolver {
  constructor(private readonly reports: ReportsService) {}

  @Auth(ADMIN, AGENT, PARTNER, { ...REPORTS, permission: Permission.REPORTS_VIEW })
  @Query(() => TicketMetricsConnection, { description: 'One row per ticket, oldest first.' })
  ticketMetrics(
    @Caller() caller: Caller,
    @Arg('filter', () => TicketMetricsFilterInput, { nullable: true }) filter?: TicketMetricsFilterInput,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return this.reports.metrics(caller, filter, first, after);
  }

  @Auth(ADMIN, AGENT, PARTNER, { ...REPORTS, permission: Permission.STATS_VIEW })
  @Query(() => TicketStats, { description: 'Created, resolved, backlog, times and rates per bucket. Agents: their own tickets.' })
  ticketStats(
    @Caller() caller: Caller,
    @Arg('range', () => ReportRangeInput) range: ReportRangeInput,
    @Arg('groupBy', () => ReportGroupBy, { defaultValue: ReportGroupBy.DAY }) groupBy: ReportGroupBy,
    @Arg('filter', () => ReportFilterInput, { nullable: true }) filter?: ReportFilterInput,
    @Arg('businessHours', { defaultValue: false }) businessHours?: boolean,
  ) {
    return this.reports.ticketStats(caller, range, groupBy, filter, !!businessHours);
  }

  @Auth(ADMIN, AGENT, PARTNER, { ...REPORTS, permission: Permission.STATS_VIEW })
  @Query(() => [AgentStats], { description: 'Per assigned agent, tickets created in the range. Agents: only their own row.' })
  agentStats(
    @Caller() caller: Caller,
    @Arg('range', () => ReportRangeInput) range: ReportRangeInput,
    @Arg('businessHours', { defaultValue: false }) businessHours?: boolean,
  ) {
    return this.reports.agentStats(caller, range, !!businessHours);
  }

  @Auth(ADMIN, AGENT, PARTNER, { ...REPORTS, permission: Permission.STATS_VIEW })
  @Query(() => [HeatmapCell], { description: 'Tickets created per weekday and hour in the tenant\'s timezone (empty cells left out).' })
  trafficHeatmap(
    @Caller() caller: Caller,
    @Arg('range', () => ReportRangeInput) range: ReportRangeInput,
    @Arg('filter', () => ReportFilterInput, { nullable: true }) filter?: ReportFilterInput,
  ) {
    return this.reports.trafficHeatmap(caller, range, filter);
  }

  @Auth(ADMIN, AGENT, PARTNER, { ...REPORTS, permission: Permission.STATS_VIEW })
  @Query(() => TicketMetricsConnection, { description: 'Tickets created in the range whose first response or resolution SLA was breached.' })
  slaBreaches(
    @Caller() caller: Caller,
    @Arg('range', () => ReportRangeInput) range: ReportRangeInput,
    @Arg('filter', () => ReportFilterInput, { nullable: true }) filter?: ReportFilterInput,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return this.reports.metrics(caller, { ...filter, range }, first, after, true);
  }

  @FieldResolver(() => TicketMetricsType, { nullable: true, description: 'Staff and keys with reports:read; null for customers.' })
  async metrics(@Root() t: Ticket, @Ctx() ctx: GraphQLContext): Promise<TicketMetricsType | null> {
    const p = ctx.principal;
    if (!p || !(isStaff(p) || (p.role === PARTNER && hasScope(p, Scope.REPORTS_READ)))) return null;
    const row = await ctx.loaders
      .get<string, TicketMetrics | null>('ticketMetrics', async (ids) => {
        const rows = await ctx.em.find(TicketMetrics, { id: { $in: [...ids] } });
        const byId = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => byId.get(id) ?? null);
      })
      .load(t.id);
    return row ? toMetricsNode(row) : null;
  }
}
