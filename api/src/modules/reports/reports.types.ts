import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../platform/graphql/pagination.js';

export enum SlaOutcomeType {
  MET = 'MET',
  BREACHED = 'BREACHED',
  PENDING = 'PENDING',
}
registerEnumType(SlaOutcomeType, { name: 'SlaOutcome', description: 'An SLA clock in the metrics: MET, BREACHED, or PENDING (still running).' });

@ObjectType('TicketMetrics', { description: 'One row per ticket: the base of every report. Times are in minutes.' })
export class TicketMetricsType {
  @Field(() => ID)
  ticketId: string;

  @Field(() => Int)
  number: number;

  @Field()
  status: string;

  @Field()
  channel: string;

  @Field()
  category: string;

  @Field()
  priority: string;

  @Field(() => String, { nullable: true })
  department: string | null;

  @Field(() => ID, { nullable: true })
  assigneeId: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  firstResponseAt: Date | null;

  @Field(() => Float, { nullable: true })
  firstResponseMinutes: number | null;

  @Field(() => Float, { nullable: true, description: 'Counting only the business hours of the tenant calendar.' })
  firstResponseBusinessMinutes: number | null;

  @Field(() => Date, { nullable: true })
  resolvedAt: Date | null;

  @Field(() => Float, { nullable: true })
  resolutionMinutes: number | null;

  @Field(() => Float, { nullable: true })
  resolutionBusinessMinutes: number | null;

  @Field(() => Int, { description: 'Public messages (staff and customer), not internal notes.' })
  replies: number;

  @Field(() => Int)
  internalNotes: number;

  @Field(() => Int)
  reopens: number;

  @Field(() => Int, { description: 'Assignments and claims.' })
  assigneeChanges: number;

  @Field(() => SlaOutcomeType, { nullable: true, description: 'Null when no SLA policy applies.' })
  slaFirstResponse: string | null;

  @Field(() => SlaOutcomeType, { nullable: true })
  slaResolution: string | null;

  @Field(() => Int, { nullable: true, description: 'Customer satisfaction 1–5 (live chat).' })
  csatScore: number | null;
}

export const TicketMetricsConnection = ConnectionType('TicketMetrics', TicketMetricsType);

@ObjectType({ description: 'Ticket figures for one bucket (or the whole range). Times in minutes; rates in percent.' })
export class TicketStatsBucket {
  @Field({ description: 'First local day of the bucket ("2026-03-02"), or "total".' })
  bucket: string;

  @Field(() => Int)
  created: number;

  @Field(() => Int)
  resolved: number;

  @Field(() => Int, { description: 'Tickets created and not resolved at the end of the bucket.' })
  backlog: number;

  @Field(() => Float, { nullable: true, description: 'Of tickets created in the bucket.' })
  firstResponseMedian: number | null;

  @Field(() => Float, { nullable: true })
  firstResponseP90: number | null;

  @Field(() => Float, { nullable: true, description: 'Of tickets resolved in the bucket.' })
  resolutionMedian: number | null;

  @Field(() => Float, { nullable: true })
  resolutionP90: number | null;

  @Field(() => Float, { nullable: true, description: 'Met share of decided first-response clocks, tickets created in the bucket.' })
  slaFirstResponseCompliance: number | null;

  @Field(() => Float, { nullable: true })
  slaResolutionCompliance: number | null;

  @Field(() => Float, { nullable: true, description: 'Reopened share of the tickets created in the bucket that were resolved at least once.' })
  reopenRate: number | null;

  @Field(() => Float, { nullable: true })
  csatAverage: number | null;

  @Field(() => Float, { nullable: true, description: 'Rated share of the resolved tickets.' })
  csatResponseRate: number | null;
}

@ObjectType()
export class CountByKey {
  @Field()
  key: string;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class TicketStats {
  @Field({ description: 'The timezone of the buckets (the business calendar\'s).' })
  timezone: string;

  @Field({ description: 'Times count only business hours.' })
  businessHours: boolean;

  @Field(() => [TicketStatsBucket])
  buckets: TicketStatsBucket[];

  @Field(() => TicketStatsBucket)
  totals: TicketStatsBucket;

  @Field(() => [CountByKey], { description: 'Tickets created in the range, by current status.' })
  byStatus: CountByKey[];

  @Field(() => [CountByKey])
  byCategory: CountByKey[];

  @Field(() => [CountByKey])
  byPriority: CountByKey[];

  @Field(() => [CountByKey])
  byChannel: CountByKey[];
}

@ObjectType()
export class AgentStats {
  @Field(() => ID)
  agentId: string;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => Int, { description: 'Tickets assigned to the agent, created in the range.' })
  ticketsHandled: number;

  @Field(() => Int)
  chatsHandled: number;

  @Field(() => Int)
  resolved: number;

  @Field(() => Float, { nullable: true })
  firstResponseMedian: number | null;

  @Field(() => Float, { nullable: true })
  resolutionMedian: number | null;

  @Field(() => Float, { nullable: true, description: 'Met share of the decided SLA clocks (both kinds).' })
  slaCompliance: number | null;

  @Field(() => Float, { nullable: true })
  csatAverage: number | null;

  @Field(() => Float, { nullable: true, description: 'Minutes the agent was ONLINE within the range (from the recorded presence intervals; an open one counts until now), to two decimals.' })
  onlineMinutes: number | null;
}

@ObjectType()
export class HeatmapCell {
  @Field(() => Int, { description: 'ISO weekday, 1 = Monday … 7 = Sunday, in the tenant\'s timezone.' })
  weekday: number;

  @Field(() => Int)
  hour: number;

  @Field(() => Int)
  tickets: number;

  @Field(() => Int, { description: 'Of which live chats (channel CHAT).' })
  chats: number;
}
