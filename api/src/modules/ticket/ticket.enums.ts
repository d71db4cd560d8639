import { registerEnumType } from 'type-graphql';

export enum TicketStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
}

export enum TicketPriority {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  /** Needs attention now (a live chat escalated, an outage). */
  URGENT = 'URGENT',
}

export enum TicketCategory {
  BILLING = 'BILLING',
  TECHNICAL = 'TECHNICAL',
  ACCOUNT = 'ACCOUNT',
  SERVICE = 'SERVICE',
}

export enum TicketChannel {
  WEB = 'WEB',
  CHAT = 'CHAT',
  API = 'API',
  EMAIL = 'EMAIL',
  /** Opened by staff for a customer who phoned. */
  PHONE = 'PHONE',
}

export enum TicketOrderField {
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
  PRIORITY = 'PRIORITY',
  NUMBER = 'NUMBER',
  /** The earliest pending SLA due time; tickets without one come last. */
  SLA_DUE = 'SLA_DUE',
}

/** Live SLA states a list can filter by. */
export enum SlaFilterState {
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  BREACHED = 'BREACHED',
}

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

/** Numeric rank stored alongside priority so it sorts LOW < MEDIUM < HIGH < URGENT. */
export const PRIORITY_RANK: Record<TicketPriority, number> = { LOW: 1, MEDIUM: 2, HIGH: 3, URGENT: 4 };

registerEnumType(TicketStatus, { name: 'TicketStatus' });
registerEnumType(TicketPriority, { name: 'TicketPriority' });
registerEnumType(TicketCategory, { name: 'TicketCategory' });
registerEnumType(TicketChannel, { name: 'TicketChannel' });
registerEnumType(TicketOrderField, { name: 'TicketOrderField' });
registerEnumType(OrderDirection, { name: 'OrderDirection' });
registerEnumType(SlaFilterState, { name: 'SlaFilterState', description: 'SLA state of the pending clocks at query time.' });
