// @ts-nocheck
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { gql } from '@apollo/client';
import * as ApolloReactCommon from '@apollo/client/react';
import * as ApolloReactHooks from '@apollo/client/react';
const defaultOptions = {} as const;
/** What an API key may do. Each stands for the scope the `@auth` directive names, e.g. TICKETS_READ for tickets:read. */
export const ApiKeyScope = {
  /** events:read: ticketEventFeed and the ticketEvents subscription. */
  EventsRead: 'EVENTS_READ',
  /** messages:read: the messages of tickets (never internal notes). */
  MessagesRead: 'MESSAGES_READ',
  /** messages:write: postMessage and uploads (never internal notes). */
  MessagesWrite: 'MESSAGES_WRITE',
  /** tickets:read: tickets, ticket, ticketByNumber (every ticket of the tenant) and the timeline. */
  TicketsRead: 'TICKETS_READ',
  /** tickets:write: createTicket (channel API), updateTicket, changeTicketStatus. */
  TicketsWrite: 'TICKETS_WRITE'
} as const;

export type ApiKeyScope = typeof ApiKeyScope[keyof typeof ApiKeyScope];
export type BusinessCalendarInput = {
  /** Local dates without business hours, "2026-12-25". */
  holidays: Array<string>;
  hours: Array<OpeningHoursInput>;
  /** IANA timezone, e.g. "Asia/Jakarta". */
  timezone: string;
};

export type ChangePasswordInput = {
  currentPassword: string;
  newPassword: string;
};

export type CreateApiKeyInput = {
  /** The key stops working at this time. Leave out for no expiry. */
  expiresAt?: string | null | undefined;
  name: string;
  scopes: Array<ApiKeyScope>;
};

export type CreateTicketInput = {
  category: TicketCategory;
  /** Defaults to WEB. */
  channel?: TicketChannel | null | undefined;
  /** Admins only: open the ticket on behalf of this customer. */
  customerId?: string | number | null | undefined;
  description: string;
  /** Repeating a key within 24 hours returns the first result. */
  idempotencyKey?: string | null | undefined;
  priority?: TicketPriority;
  tags?: Array<string> | null | undefined;
  title: string;
};

export type CreateWebhookEndpointInput = {
  /** Leave out (or empty) for every event type. */
  eventTypes?: Array<TicketEventType> | null | undefined;
  /** An http(s) URL on a public address. */
  url: string;
};

export type LoginInput = {
  email: string;
  password: string;
  /** Required when the user belongs to several tenants. */
  tenantSlug?: string | null | undefined;
};

export const MessageKind = {
  System: 'SYSTEM',
  Text: 'TEXT'
} as const;

export type MessageKind = typeof MessageKind[keyof typeof MessageKind];
export const NotificationType = {
  MessagePosted: 'MESSAGE_POSTED',
  SlaAtRisk: 'SLA_AT_RISK',
  SlaBreached: 'SLA_BREACHED',
  StatusChanged: 'STATUS_CHANGED',
  TicketAssigned: 'TICKET_ASSIGNED',
  TicketCreated: 'TICKET_CREATED'
} as const;

export type NotificationType = typeof NotificationType[keyof typeof NotificationType];
export type OpeningHoursInput = {
  /** "17:00" */
  close: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  day: number;
  /** "09:00" */
  open: string;
};

export const OrderDirection = {
  Asc: 'ASC',
  Desc: 'DESC'
} as const;

export type OrderDirection = typeof OrderDirection[keyof typeof OrderDirection];
export type PostMessageInput = {
  /** Ids returned by POST /uploads. */
  attachmentIds?: Array<string | number> | null | undefined;
  body: string;
  /** Repeating a key within 24 hours returns the first result. */
  idempotencyKey?: string | null | undefined;
  /** An internal note, visible to staff only. */
  internal?: boolean;
  ticketId: string | number;
};

export const PresenceStatus = {
  Away: 'AWAY',
  Busy: 'BUSY',
  Offline: 'OFFLINE',
  Online: 'ONLINE'
} as const;

export type PresenceStatus = typeof PresenceStatus[keyof typeof PresenceStatus];
/** What a member may do in a tenant. */
export const Role = {
  Admin: 'ADMIN',
  Agent: 'AGENT',
  Customer: 'CUSTOMER',
  Partner: 'PARTNER'
} as const;

export type Role = typeof Role[keyof typeof Role];
export const SlaClockName = {
  FirstResponse: 'FIRST_RESPONSE',
  Resolution: 'RESOLUTION'
} as const;

export type SlaClockName = typeof SlaClockName[keyof typeof SlaClockName];
/** SLA state of the pending clocks at query time. */
export const SlaFilterState = {
  AtRisk: 'AT_RISK',
  Breached: 'BREACHED',
  OnTrack: 'ON_TRACK'
} as const;

export type SlaFilterState = typeof SlaFilterState[keyof typeof SlaFilterState];
export type SlaPolicyInput = {
  /** Count business hours only (true) or all hours (false). */
  businessHours?: boolean;
  category: TicketCategory;
  firstResponseMinutes: number;
  /** Leave out for a policy covering every priority of the category. */
  priority?: TicketPriority | null | undefined;
  resolutionMinutes: number;
};

/** AT_RISK: 80% of the time is used. */
export const SlaState = {
  AtRisk: 'AT_RISK',
  Breached: 'BREACHED',
  Met: 'MET',
  OnTrack: 'ON_TRACK',
  Paused: 'PAUSED'
} as const;

export type SlaState = typeof SlaState[keyof typeof SlaState];
export const TicketCategory = {
  Account: 'ACCOUNT',
  Billing: 'BILLING',
  Service: 'SERVICE',
  Technical: 'TECHNICAL'
} as const;

export type TicketCategory = typeof TicketCategory[keyof typeof TicketCategory];
export const TicketChannel = {
  Api: 'API',
  Chat: 'CHAT',
  Email: 'EMAIL',
  Web: 'WEB'
} as const;

export type TicketChannel = typeof TicketChannel[keyof typeof TicketChannel];
export type TicketEventFilter = {
  ticketId?: string | number | null | undefined;
  types?: Array<TicketEventType> | null | undefined;
};

/** Every kind of ticket change, in the order a partner may want to handle them. */
export const TicketEventType = {
  MessagePosted: 'MESSAGE_POSTED',
  SlaAtRisk: 'SLA_AT_RISK',
  SlaEscalated: 'SLA_ESCALATED',
  StatusChanged: 'STATUS_CHANGED',
  TagAdded: 'TAG_ADDED',
  TagRemoved: 'TAG_REMOVED',
  TicketAssigned: 'TICKET_ASSIGNED',
  TicketClaimed: 'TICKET_CLAIMED',
  TicketCreated: 'TICKET_CREATED',
  TicketDeleted: 'TICKET_DELETED',
  TicketUpdated: 'TICKET_UPDATED'
} as const;

export type TicketEventType = typeof TicketEventType[keyof typeof TicketEventType];
export type TicketFilter = {
  assigneeId?: string | number | null | undefined;
  category?: TicketCategory | null | undefined;
  createdAfter?: string | null | undefined;
  createdBefore?: string | null | undefined;
  customerId?: string | number | null | undefined;
  priority?: TicketPriority | null | undefined;
  /** Only tickets with a pending SLA deadline before this time. */
  slaDueBefore?: string | null | undefined;
  /** SLA state of the pending clocks, evaluated now. */
  slaState?: Array<SlaFilterState> | null | undefined;
  status?: Array<TicketStatus> | null | undefined;
  tag?: string | null | undefined;
  /** Searches title and description. */
  text?: string | null | undefined;
  /** Only tickets with no assignee. */
  unassigned?: boolean | null | undefined;
};

export type TicketOrder = {
  direction?: OrderDirection;
  field?: TicketOrderField;
};

export const TicketOrderField = {
  CreatedAt: 'CREATED_AT',
  Number: 'NUMBER',
  Priority: 'PRIORITY',
  SlaDue: 'SLA_DUE',
  UpdatedAt: 'UPDATED_AT'
} as const;

export type TicketOrderField = typeof TicketOrderField[keyof typeof TicketOrderField];
export const TicketPriority = {
  High: 'HIGH',
  Low: 'LOW',
  Medium: 'MEDIUM'
} as const;

export type TicketPriority = typeof TicketPriority[keyof typeof TicketPriority];
export const TicketStatus = {
  Closed: 'CLOSED',
  InProgress: 'IN_PROGRESS',
  Open: 'OPEN',
  Resolved: 'RESOLVED'
} as const;

export type TicketStatus = typeof TicketStatus[keyof typeof TicketStatus];
export type UpdateTicketInput = {
  category?: TicketCategory | null | undefined;
  description?: string | null | undefined;
  priority?: TicketPriority | null | undefined;
  /** Replaces the tag set. */
  tags?: Array<string> | null | undefined;
  title?: string | null | undefined;
};

export const WebhookDeliveryStatus = {
  Failed: 'FAILED',
  Pending: 'PENDING',
  Succeeded: 'SUCCEEDED'
} as const;

export type WebhookDeliveryStatus = typeof WebhookDeliveryStatus[keyof typeof WebhookDeliveryStatus];
export type ApiKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiKeysQuery = { apiKeys: Array<{ __typename: 'ApiKey', id: string, name: string, prefix: string, scopes: Array<ApiKeyScope>, createdAt: string, expiresAt: string | null, lastUsedAt: string | null, revokedAt: string | null }> };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { createApiKey: { secret: string, apiKey: { __typename: 'ApiKey', id: string, name: string, prefix: string, scopes: Array<ApiKeyScope>, createdAt: string, expiresAt: string | null, lastUsedAt: string | null, revokedAt: string | null } } };

export type RevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { __typename: 'ApiKey', id: string, name: string, prefix: string, scopes: Array<ApiKeyScope>, createdAt: string, expiresAt: string | null, lastUsedAt: string | null, revokedAt: string | null } };

export type ApiKeyFieldsFragment = { __typename: 'ApiKey', id: string, name: string, prefix: string, scopes: Array<ApiKeyScope>, createdAt: string, expiresAt: string | null, lastUsedAt: string | null, revokedAt: string | null };

export type ChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type ChangePasswordMutation = { changePassword: { accessToken: string, refreshToken: string, expiresAt: string, role: Role, mustChangePassword: boolean, user: { id: string, email: string, name: string, role: Role, active: boolean }, tenant: { id: string, slug: string, name: string }, memberships: Array<{ role: Role, tenant: { id: string, slug: string, name: string } }> } };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { accessToken: string, refreshToken: string, expiresAt: string, role: Role, mustChangePassword: boolean, user: { id: string, email: string, name: string, role: Role, active: boolean }, tenant: { id: string, slug: string, name: string }, memberships: Array<{ role: Role, tenant: { id: string, slug: string, name: string } }> } };

export type LogoutMutationVariables = Exact<{
  refreshToken?: string | null | undefined;
}>;


export type LogoutMutation = { logout: boolean };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { role: Role, mustChangePassword: boolean, user: { createdAt: string, id: string, email: string, name: string, role: Role, active: boolean }, tenant: { id: string, slug: string, name: string }, memberships: Array<{ role: Role, tenant: { id: string, slug: string, name: string } }> } };

export type RefreshSessionMutationVariables = Exact<{
  refreshToken: string;
}>;


export type RefreshSessionMutation = { refreshSession: { accessToken: string, refreshToken: string, expiresAt: string, mustChangePassword: boolean, user: { id: string }, tenant: { id: string, slug: string } } };

export type SwitchTenantMutationVariables = Exact<{
  tenantSlug: string;
}>;


export type SwitchTenantMutation = { switchTenant: { accessToken: string, refreshToken: string, expiresAt: string, role: Role, mustChangePassword: boolean, user: { id: string, email: string, name: string, role: Role, active: boolean }, tenant: { id: string, slug: string, name: string }, memberships: Array<{ role: Role, tenant: { id: string, slug: string, name: string } }> } };

export type ViewerUserFragment = { id: string, email: string, name: string, role: Role, active: boolean };

export type TenantSummaryFragment = { id: string, slug: string, name: string };

export type MembershipSummaryFragment = { role: Role, tenant: { id: string, slug: string, name: string } };

export type AuthSessionFragment = { accessToken: string, refreshToken: string, expiresAt: string, role: Role, mustChangePassword: boolean, user: { id: string, email: string, name: string, role: Role, active: boolean }, tenant: { id: string, slug: string, name: string }, memberships: Array<{ role: Role, tenant: { id: string, slug: string, name: string } }> };

export type MessageAddedSubscriptionVariables = Exact<{
  ticketId: string | number;
}>;


export type MessageAddedSubscription = { messageAdded: { __typename: 'Message', id: string, ticketId: string, body: string, internal: boolean, kind: MessageKind, createdAt: string, author: { __typename: 'User', id: string, name: string, email: string, role: Role } | null, attachments: Array<{ id: string, filename: string, contentType: string, size: number, url: string }> } };

export type PostMessageMutationVariables = Exact<{
  input: PostMessageInput;
}>;


export type PostMessageMutation = { postMessage: { __typename: 'Message', id: string, ticketId: string, body: string, internal: boolean, kind: MessageKind, createdAt: string, author: { __typename: 'User', id: string, name: string, email: string, role: Role } | null, attachments: Array<{ id: string, filename: string, contentType: string, size: number, url: string }> } };

export type SetTypingMutationVariables = Exact<{
  ticketId: string | number;
  isTyping: boolean;
  internal?: boolean;
}>;


export type SetTypingMutation = { setTyping: boolean };

export type TicketMessagesQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TicketMessagesQuery = { ticket: { id: string, messages: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { __typename: 'Message', id: string, ticketId: string, body: string, internal: boolean, kind: MessageKind, createdAt: string, author: { __typename: 'User', id: string, name: string, email: string, role: Role } | null, attachments: Array<{ id: string, filename: string, contentType: string, size: number, url: string }> } }> } } };

export type TypingSubscriptionVariables = Exact<{
  ticketId: string | number;
}>;


export type TypingSubscription = { typing: { ticketId: string, userId: string, name: string, isTyping: boolean, expiresAt: string } };

export type MessageFieldsFragment = { __typename: 'Message', id: string, ticketId: string, body: string, internal: boolean, kind: MessageKind, createdAt: string, author: { __typename: 'User', id: string, name: string, email: string, role: Role } | null, attachments: Array<{ id: string, filename: string, contentType: string, size: number, url: string }> };

export type MarkNotificationsReadMutationVariables = Exact<{
  ids?: Array<string | number> | string | number | null | undefined;
  all?: boolean;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: number };

export type NotificationAddedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type NotificationAddedSubscription = { notificationAdded: { __typename: 'Notification', id: string, type: NotificationType, ticketId: string, readAt: string | null, createdAt: string, params: { ticketNumber: number, ticketTitle: string, actorName: string | null, status: TicketStatus | null, clock: SlaClockName | null, level: number | null } } };

export type NotificationsQueryVariables = Exact<{
  first: number;
}>;


export type NotificationsQuery = { unreadNotificationCount: number, notifications: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { __typename: 'Notification', id: string, type: NotificationType, ticketId: string, readAt: string | null, createdAt: string, params: { ticketNumber: number, ticketTitle: string, actorName: string | null, status: TicketStatus | null, clock: SlaClockName | null, level: number | null } } }> } };

export type NotificationFieldsFragment = { __typename: 'Notification', id: string, type: NotificationType, ticketId: string, readAt: string | null, createdAt: string, params: { ticketNumber: number, ticketTitle: string, actorName: string | null, status: TicketStatus | null, clock: SlaClockName | null, level: number | null } };

export type AgentsQueryVariables = Exact<{ [key: string]: never; }>;


export type AgentsQuery = { agents: Array<{ __typename: 'AgentPresence', status: PresenceStatus, updatedAt: string, user: { __typename: 'User', id: string, name: string, email: string, role: Role } }> };

export type PresenceChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type PresenceChangedSubscription = { presenceChanged: { __typename: 'AgentPresence', status: PresenceStatus, updatedAt: string, user: { __typename: 'User', id: string, name: string, email: string, role: Role } } | null };

export type SetPresenceMutationVariables = Exact<{
  status: PresenceStatus;
}>;


export type SetPresenceMutation = { setPresence: { __typename: 'AgentPresence', status: PresenceStatus, updatedAt: string, user: { __typename: 'User', id: string, name: string, email: string, role: Role } } };

export type AgentPresenceFieldsFragment = { __typename: 'AgentPresence', status: PresenceStatus, updatedAt: string, user: { __typename: 'User', id: string, name: string, email: string, role: Role } };

export type DeleteSlaPolicyMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteSlaPolicyMutation = { deleteSlaPolicy: boolean };

export type SetBusinessCalendarMutationVariables = Exact<{
  input: BusinessCalendarInput;
}>;


export type SetBusinessCalendarMutation = { setBusinessCalendar: { __typename: 'BusinessCalendar', timezone: string, holidays: Array<string>, hours: Array<{ __typename: 'OpeningHoursType', day: number, open: string, close: string }> } };

export type SetSlaPolicyMutationVariables = Exact<{
  input: SlaPolicyInput;
}>;


export type SetSlaPolicyMutation = { setSlaPolicy: { __typename: 'SlaPolicy', id: string, category: TicketCategory, priority: TicketPriority | null, firstResponseMinutes: number, resolutionMinutes: number, businessHours: boolean, updatedAt: string } };

export type SlaSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type SlaSettingsQuery = { slaPolicies: Array<{ __typename: 'SlaPolicy', id: string, category: TicketCategory, priority: TicketPriority | null, firstResponseMinutes: number, resolutionMinutes: number, businessHours: boolean, updatedAt: string }>, businessCalendar: { __typename: 'BusinessCalendar', timezone: string, holidays: Array<string>, hours: Array<{ __typename: 'OpeningHoursType', day: number, open: string, close: string }> } };

export type SlaClockFieldsFragment = { __typename: 'SlaClock', dueAt: string | null, state: SlaState, remainingMinutes: number | null };

export type TicketSlaFieldsFragment = { escalationLevel: number, firstResponseDueAt: string | null, resolutionDueAt: string | null, sla: { __typename: 'TicketSla', businessHours: boolean, firstResponse: { __typename: 'SlaClock', dueAt: string | null, state: SlaState, remainingMinutes: number | null } | null, resolution: { __typename: 'SlaClock', dueAt: string | null, state: SlaState, remainingMinutes: number | null } | null } | null };

export type SlaPolicyFieldsFragment = { __typename: 'SlaPolicy', id: string, category: TicketCategory, priority: TicketPriority | null, firstResponseMinutes: number, resolutionMinutes: number, businessHours: boolean, updatedAt: string };

export type BusinessCalendarFieldsFragment = { __typename: 'BusinessCalendar', timezone: string, holidays: Array<string>, hours: Array<{ __typename: 'OpeningHoursType', day: number, open: string, close: string }> };

export type AssignTicketMutationVariables = Exact<{
  id: string | number;
  agentId?: string | number | null | undefined;
}>;


export type AssignTicketMutation = { assignTicket: { __typename: 'Ticket', description: string, firstResponseAt: string | null, resolvedAt: string | null, closedAt: string | null, id: string, number: number, title: string, status: TicketStatus, priority: TicketPriority, category: TicketCategory, channel: TicketChannel, tags: Array<string>, version: number, createdAt: string, updatedAt: string, messageCount: number, escalationLevel: number, firstResponseDueAt: string | null, resolutionDueAt: string | null, assignee: { __typename: 'User', id: string, name: string, email: string, role: Role } | null, customer: { __typename: 'User', id: string, name: string, email: string, role: Role } | null, sla: { __typename: 'TicketSla', businessHours: boolean, firstResponse: { __typename: 'SlaClock', dueAt: string | null, state: SlaState, remainingMinutes: number | null } | null, resolution: { __typename: 'SlaClock', dueAt: string | null, state: SlaState, remainingMinutes: number | null } | null } | null } };

export type ChangeTicketStatusMutationVariables = Exact<{
  id: string | number;
  status: TicketStatus;
  expectedVersion?: number | null | undefined;
}>;


export type ChangeTicketStatusMutation = { changeTicketStatus: { __typename: 'Ticket', id: string, number: number, title: string, status: TicketStatus, priority: TicketPriority, category: TicketCategory, channel: TicketChannel, tags: Array<string>, version: number, createdAt: string, updatedAt: string, messageCount: number, escalationLevel: number, firstResponseDueAt: string | null, resolutionDueAt: string | null, assignee: { __typename: 'User', id: string, name: string, email: string, role: Role } | null, customer: { __typename: 'User', id: string, name: string, email: string, role: Role } | null, sla: { __typename: 'TicketSla', businessHours: boolean, firstResponse: { __typename: 'SlaClock', dueAt: string | null, state: SlaState, remainingMinutes: number | null } | null, resolution: { __typename: 'SlaClock', dueAt: string | null, state: SlaState, remainingMinutes: number | null } | null } | null } };

export type ClaimTicketMutationVariables = Exact<{
  id: string | number;
}>;


export type ClaimTicketMutation = { claimTicket: { __typename: 'Ticket', description: string, firstResponseAt: string | null, resolvedAt: string | null, closedAt: string | null, id: string, number: number, title: string, status: TicketStatus, priority: TicketPriority, category: TicketCategory, channel: TicketChannel, tags: Array<string>, version: number, createdAt: string, updatedAt: string, messageCount: number, escalationLevel: number, firstResponseDueAt: string | null, resolutionDueAt: string | null, assignee: { __typename: 'User', id: string, name: string, email: string, role: Role } | null, customer: { __typename: 'User', id: string, name: string, email: string, role: Role } | null, sla: { __typename: 'TicketSla', businessHours: boolean, firstResponse: { __typename: 'SlaClock', dueAt: string | null, state: SlaState, remainingMinutes: number | null } | null, resolution: { __typename: 'SlaClock', dueAt: string | null, state: SlaState, remainingMinutes: number | null } | null } | null } };

export type CreateTicketMutationVariables = Exact<{
  input: CreateTicketInput;
}>;


export type CreateTicketMutation = { createTicket: { __typename: 'Ticket', description: string, firstResponseAt: string | null, resolvedAt: string | null, closedAt: string | null, id: string, number: number, title: string, status: TicketStatus, priority: TicketPriority, category: TicketCategory, channel: TicketChannel, tags: Array<string>, version: number, createdAt: string, updatedAt: string, messageCount: number, escalationLevel: number, firstResponseDueAt: string | null, resolutionDueAt: string | null, assignee: { __typename: 'User', id: string, name: string, email: string, role: Role } | null, customer: { __typename: 'User', id: string, name: string, email: string, role: Role } | null, sla: { __typename: 'TicketSla', businessHours: boolean, firstResponse: { __typename: 'SlaClock', dueAt: string | null, state: SlaState, remainingMinutes: number | null } | null, resolution: { __typename: 'SlaClock', dueAt: string | null, state: SlaState, remainingMinutes: number | null } | null } | null } };

export type DeleteTicketMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteTicketMutation = { deleteTicket: { id: string, number: number } };

export type TicketActivitiesQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TicketActivitiesQuery = { ticket: { id: string, activities: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, seq: number, type: TicketEventType, createdAt: string, summary: string, tag: string | null, changes: Array<{ field: string, from: string | null, to: string | null }>, actor: { id: string, name: string } | null } }> } } };

export type TicketByNumberQueryVariables = Exact<{
  number: number;
}>;


export type TicketByNumberQuery = { ticketByNumber: { __typename: 'Ticket', description: string, firstResponseAt: string | null, resolvedAt: string | null, closedAt: string | null, id: string, number: number, title: string, status: TicketStatus, priority: TicketPriority, category: TicketCategory, channel: TicketChannel, tags: Array<string>, version: number, createdAt: string, updatedAt: string, messageCount: number, escalationLevel: number, firstResponseDueAt: string | null, resolutionDueAt: string | null, assignee: { __typename: 'User', id: string, name: string, email: string, role: Role } | null, customer: { __typename: 'User', id: string, name: string, email: string, role: Role } | null, sla: { __typename: 'TicketSla', businessHours: boolean, firstResponse: { __typename: 'SlaClock', dueAt: string | null, state: SlaState, remainingMinutes: number | null } | null, resolution: { __typename: 'SlaClock', dueAt: string | null, state: SlaState, remainingMinutes: number | null } | null } | null } };

export type TicketEventsSubscriptionVariables = Exact<{
  filter?: TicketEventFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type TicketEventsSubscription = { ticketEvents: { id: string, seq: number, cursor: string, type: TicketEventType, ticketId: string, createdAt: string, tag: string | null, changes: Array<{ field: string, from: string | null, to: string | null }>, ticket: { __typename: 'Ticket', description: string, firstResponseAt: string | null, resolvedAt: string | null, closedAt: string | null, id: string, number: number, title: string, status: TicketStatus, priority: TicketPriority, category: TicketCategory, channel: TicketChannel, tags: Array<string>, version: number, createdAt: string, updatedAt: string, messageCount: number, escalationLevel: number, firstResponseDueAt: string | null, resolutionDueAt: string | null, assignee: { __typename: 'User', id: string, name: string, email: string, role: Role } | null, customer: { __typename: 'User', id: string, name: string, email: string, role: Role } | null, sla: { __typename: 'TicketSla', businessHours: boolean, firstResponse: { __typename: 'SlaClock', dueAt: string | null, state: SlaState, remainingMinutes: number | null } | null, resolution: { __typename: 'SlaClock', dueAt: string | null, state: SlaState, remainingMinutes: number | null } | null } | null }, message: { __typename: 'Message', id: string, ticketId: string, body: string, internal: boolean, kind: MessageKind, createdAt: string, author: { __typename: 'User', id: string, name: string, email: string, role: Role } | null, attachments: Array<{ id: string, filename: string, contentType: string, size: number, url: string }> } | null } };

export type TicketNumberQueryVariables = Exact<{
  id: string | number;
}>;


export type TicketNumberQuery = { ticket: { id: string, number: number } };

export type TicketsQueryVariables = Exact<{
  filter?: TicketFilter | null | undefined;
  orderBy?: TicketOrder | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TicketsQuery = { tickets: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { __typename: 'Ticket', id: string, number: number, title: string, status: TicketStatus, priority: TicketPriority, category: TicketCategory, channel: TicketChannel, tags: Array<string>, version: number, createdAt: string, updatedAt: string, messageCount: number, escalationLevel: number, firstResponseDueAt: string | null, resolutionDueAt: string | null, assignee: { __typename: 'User', id: string, name: string, email: string, role: Role } | null, customer: { __typename: 'User', id: string, name: string, email: string, role: Role } | null, sla: { __typename: 'TicketSla', businessHours: boolean, firstResponse: { __typename: 'SlaClock', dueAt: string | null, state: SlaState, remainingMinutes: number | null } | null, resolution: { __typename: 'SlaClock', dueAt: string | null, state: SlaState, remainingMinutes: number | null } | null } | null } }> } };

export type UpdateTicketMutationVariables = Exact<{
  id: string | number;
  input: UpdateTicketInput;
  expectedVersion?: number | null | undefined;
}>;


export type UpdateTicketMutation = { updateTicket: { __typename: 'Ticket', description: string, firstResponseAt: string | null, resolvedAt: string | null, closedAt: string | null, id: string, number: number, title: string, status: TicketStatus, priority: TicketPriority, category: TicketCategory, channel: TicketChannel, tags: Array<string>, version: number, createdAt: string, updatedAt: string, messageCount: number, escalationLevel: number, firstResponseDueAt: string | null, resolutionDueAt: string | null, assignee: { __typename: 'User', id: string, name: string, email: string, role: Role } | null, customer: { __typename: 'User', id: string, name: string, email: string, role: Role } | null, sla: { __typename: 'TicketSla', businessHours: boolean, firstResponse: { __typename: 'SlaClock', dueAt: string | null, state: SlaState, remainingMinutes: number | null } | null, resolution: { __typename: 'SlaClock', dueAt: string | null, state: SlaState, remainingMinutes: number | null } | null } | null } };

export type PersonSummaryFragment = { __typename: 'User', id: string, name: string, email: string, role: Role };

export type TicketCardFragment = { __typename: 'Ticket', id: string, number: number, title: string, status: TicketStatus, priority: TicketPriority, category: TicketCategory, channel: TicketChannel, tags: Array<string>, version: number, createdAt: string, updatedAt: string, messageCount: number, escalationLevel: number, firstResponseDueAt: string | null, resolutionDueAt: string | null, assignee: { __typename: 'User', id: string, name: string, email: string, role: Role } | null, customer: { __typename: 'User', id: string, name: string, email: string, role: Role } | null, sla: { __typename: 'TicketSla', businessHours: boolean, firstResponse: { __typename: 'SlaClock', dueAt: string | null, state: SlaState, remainingMinutes: number | null } | null, resolution: { __typename: 'SlaClock', dueAt: string | null, state: SlaState, remainingMinutes: number | null } | null } | null };

export type TicketDetailFragment = { __typename: 'Ticket', description: string, firstResponseAt: string | null, resolvedAt: string | null, closedAt: string | null, id: string, number: number, title: string, status: TicketStatus, priority: TicketPriority, category: TicketCategory, channel: TicketChannel, tags: Array<string>, version: number, createdAt: string, updatedAt: string, messageCount: number, escalationLevel: number, firstResponseDueAt: string | null, resolutionDueAt: string | null, assignee: { __typename: 'User', id: string, name: string, email: string, role: Role } | null, customer: { __typename: 'User', id: string, name: string, email: string, role: Role } | null, sla: { __typename: 'TicketSla', businessHours: boolean, firstResponse: { __typename: 'SlaClock', dueAt: string | null, state: SlaState, remainingMinutes: number | null } | null, resolution: { __typename: 'SlaClock', dueAt: string | null, state: SlaState, remainingMinutes: number | null } | null } | null };

export type CustomersQueryVariables = Exact<{
  search?: string | null | undefined;
}>;


export type CustomersQuery = { users: { totalCount: number, edges: Array<{ node: { __typename: 'User', id: string, name: string, email: string, role: Role } }> } };

export type CreateWebhookEndpointMutationVariables = Exact<{
  input: CreateWebhookEndpointInput;
}>;


export type CreateWebhookEndpointMutation = { createWebhookEndpoint: { secret: string, endpoint: { __typename: 'WebhookEndpoint', id: string, url: string, eventTypes: Array<TicketEventType>, enabled: boolean, disabledAt: string | null, disabledReason: string | null, failingSince: string | null, createdAt: string } } };

export type DeleteWebhookEndpointMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteWebhookEndpointMutation = { deleteWebhookEndpoint: boolean };

export type EnableWebhookEndpointMutationVariables = Exact<{
  id: string | number;
}>;


export type EnableWebhookEndpointMutation = { enableWebhookEndpoint: { __typename: 'WebhookEndpoint', id: string, url: string, eventTypes: Array<TicketEventType>, enabled: boolean, disabledAt: string | null, disabledReason: string | null, failingSince: string | null, createdAt: string } };

export type RedeliverWebhookMutationVariables = Exact<{
  deliveryId: string | number;
}>;


export type RedeliverWebhookMutation = { redeliverWebhook: { __typename: 'WebhookDelivery', id: string, endpointId: string, eventId: string, eventSeq: number, eventType: TicketEventType, status: WebhookDeliveryStatus, attempts: number, nextAttemptAt: string | null, lastAttemptAt: string | null, responseStatus: number | null, latencyMs: number | null, error: string | null, deliveredAt: string | null, createdAt: string } };

export type WebhookDeliveriesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  status?: WebhookDeliveryStatus | null | undefined;
  endpointId?: string | number | null | undefined;
}>;


export type WebhookDeliveriesQuery = { webhookDeliveries: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { __typename: 'WebhookDelivery', id: string, endpointId: string, eventId: string, eventSeq: number, eventType: TicketEventType, status: WebhookDeliveryStatus, attempts: number, nextAttemptAt: string | null, lastAttemptAt: string | null, responseStatus: number | null, latencyMs: number | null, error: string | null, deliveredAt: string | null, createdAt: string } }> } };

export type WebhookEndpointsQueryVariables = Exact<{ [key: string]: never; }>;


export type WebhookEndpointsQuery = { webhookEndpoints: Array<{ __typename: 'WebhookEndpoint', id: string, url: string, eventTypes: Array<TicketEventType>, enabled: boolean, disabledAt: string | null, disabledReason: string | null, failingSince: string | null, createdAt: string }> };

export type WebhookEndpointFieldsFragment = { __typename: 'WebhookEndpoint', id: string, url: string, eventTypes: Array<TicketEventType>, enabled: boolean, disabledAt: string | null, disabledReason: string | null, failingSince: string | null, createdAt: string };

export type WebhookDeliveryFieldsFragment = { __typename: 'WebhookDelivery', id: string, endpointId: string, eventId: string, eventSeq: number, eventType: TicketEventType, status: WebhookDeliveryStatus, attempts: number, nextAttemptAt: string | null, lastAttemptAt: string | null, responseStatus: number | null, latencyMs: number | null, error: string | null, deliveredAt: string | null, createdAt: string };

export const ApiKeyFieldsFragmentDoc = gql`
    fragment ApiKeyFields on ApiKey {
  __typename
  id
  name
  prefix
  scopes
  createdAt
  expiresAt
  lastUsedAt
  revokedAt
}
    `;
export const ViewerUserFragmentDoc = gql`
    fragment ViewerUser on User {
  id
  email
  name
  role
  active
}
    `;
export const TenantSummaryFragmentDoc = gql`
    fragment TenantSummary on Tenant {
  id
  slug
  name
}
    `;
export const MembershipSummaryFragmentDoc = gql`
    fragment MembershipSummary on TenantMembership {
  role
  tenant {
    ...TenantSummary
  }
}
    `;
export const AuthSessionFragmentDoc = gql`
    fragment AuthSession on AuthPayload {
  accessToken
  refreshToken
  expiresAt
  role
  mustChangePassword
  user {
    ...ViewerUser
  }
  tenant {
    ...TenantSummary
  }
  memberships {
    ...MembershipSummary
  }
}
    `;
export const PersonSummaryFragmentDoc = gql`
    fragment PersonSummary on User {
  __typename
  id
  name
  email
  role
}
    `;
export const MessageFieldsFragmentDoc = gql`
    fragment MessageFields on Message {
  __typename
  id
  ticketId
  body
  internal
  kind
  createdAt
  author {
    ...PersonSummary
  }
  attachments {
    id
    filename
    contentType
    size
    url
  }
}
    `;
export const NotificationFieldsFragmentDoc = gql`
    fragment NotificationFields on Notification {
  __typename
  id
  type
  ticketId
  params {
    ticketNumber
    ticketTitle
    actorName
    status
    clock
    level
  }
  readAt
  createdAt
}
    `;
export const AgentPresenceFieldsFragmentDoc = gql`
    fragment AgentPresenceFields on AgentPresence {
  __typename
  status
  updatedAt
  user {
    ...PersonSummary
  }
}
    `;
export const SlaPolicyFieldsFragmentDoc = gql`
    fragment SlaPolicyFields on SlaPolicy {
  __typename
  id
  category
  priority
  firstResponseMinutes
  resolutionMinutes
  businessHours
  updatedAt
}
    `;
export const BusinessCalendarFieldsFragmentDoc = gql`
    fragment BusinessCalendarFields on BusinessCalendar {
  __typename
  timezone
  hours {
    __typename
    day
    open
    close
  }
  holidays
}
    `;
export const SlaClockFieldsFragmentDoc = gql`
    fragment SlaClockFields on SlaClock {
  __typename
  dueAt
  state
  remainingMinutes
}
    `;
export const TicketSlaFieldsFragmentDoc = gql`
    fragment TicketSlaFields on Ticket {
  escalationLevel
  firstResponseDueAt
  resolutionDueAt
  sla {
    __typename
    businessHours
    firstResponse {
      ...SlaClockFields
    }
    resolution {
      ...SlaClockFields
    }
  }
}
    `;
export const TicketCardFragmentDoc = gql`
    fragment TicketCard on Ticket {
  __typename
  id
  number
  title
  status
  priority
  category
  channel
  tags
  version
  createdAt
  updatedAt
  messageCount
  ...TicketSlaFields
  assignee {
    ...PersonSummary
  }
  customer {
    ...PersonSummary
  }
}
    `;
export const TicketDetailFragmentDoc = gql`
    fragment TicketDetail on Ticket {
  ...TicketCard
  description
  firstResponseAt
  resolvedAt
  closedAt
}
    `;
export const WebhookEndpointFieldsFragmentDoc = gql`
    fragment WebhookEndpointFields on WebhookEndpoint {
  __typename
  id
  url
  eventTypes
  enabled
  disabledAt
  disabledReason
  failingSince
  createdAt
}
    `;
export const WebhookDeliveryFieldsFragmentDoc = gql`
    fragment WebhookDeliveryFields on WebhookDelivery {
  __typename
  id
  endpointId
  eventId
  eventSeq
  eventType
  status
  attempts
  nextAttemptAt
  lastAttemptAt
  responseStatus
  latencyMs
  error
  deliveredAt
  createdAt
}
    `;
export const ApiKeysDocument = gql`
    query ApiKeys {
  apiKeys {
    ...ApiKeyFields
  }
}
    ${ApiKeyFieldsFragmentDoc}`;

/**
 * __useApiKeysQuery__
 *
 * To run a query within a React component, call `useApiKeysQuery` and pass it any options that fit your needs.
 * When your component renders, `useApiKeysQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useApiKeysQuery({
 *   variables: {
 *   },
 * });
 */
export function useApiKeysQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<ApiKeysQuery, ApiKeysQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<ApiKeysQuery, ApiKeysQueryVariables>(ApiKeysDocument, options);
      }
export function useApiKeysLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<ApiKeysQuery, ApiKeysQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<ApiKeysQuery, ApiKeysQueryVariables>(ApiKeysDocument, options);
        }
// @ts-ignore
export function useApiKeysSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<ApiKeysQuery, ApiKeysQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<ApiKeysQuery, ApiKeysQueryVariables>;
export function useApiKeysSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<ApiKeysQuery, ApiKeysQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<ApiKeysQuery | undefined, ApiKeysQueryVariables>;
export function useApiKeysSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<ApiKeysQuery, ApiKeysQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<ApiKeysQuery, ApiKeysQueryVariables>(ApiKeysDocument, options);
        }
export type ApiKeysQueryHookResult = ReturnType<typeof useApiKeysQuery>;
export type ApiKeysLazyQueryHookResult = ReturnType<typeof useApiKeysLazyQuery>;
export type ApiKeysSuspenseQueryHookResult = ReturnType<typeof useApiKeysSuspenseQuery>;
export type ApiKeysQueryResult = ApolloReactCommon.QueryResult<ApiKeysQuery, ApiKeysQueryVariables>;
export const CreateApiKeyDocument = gql`
    mutation CreateApiKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    apiKey {
      ...ApiKeyFields
    }
    secret
  }
}
    ${ApiKeyFieldsFragmentDoc}`;

/**
 * __useCreateApiKeyMutation__
 *
 * To run a mutation, you first call `useCreateApiKeyMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useCreateApiKeyMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [createApiKeyMutation, { data, loading, error }] = useCreateApiKeyMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useCreateApiKeyMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<CreateApiKeyMutation, CreateApiKeyMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<CreateApiKeyMutation, CreateApiKeyMutationVariables>(CreateApiKeyDocument, options);
      }
export type CreateApiKeyMutationHookResult = ReturnType<typeof useCreateApiKeyMutation>;
export type CreateApiKeyMutationResult = ApolloReactCommon.MutationResult<CreateApiKeyMutation>;
export const RevokeApiKeyDocument = gql`
    mutation RevokeApiKey($id: ID!) {
  revokeApiKey(id: $id) {
    ...ApiKeyFields
  }
}
    ${ApiKeyFieldsFragmentDoc}`;

/**
 * __useRevokeApiKeyMutation__
 *
 * To run a mutation, you first call `useRevokeApiKeyMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useRevokeApiKeyMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [revokeApiKeyMutation, { data, loading, error }] = useRevokeApiKeyMutation({
 *   variables: {
 *      id: // value for 'id'
 *   },
 * });
 */
export function useRevokeApiKeyMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>(RevokeApiKeyDocument, options);
      }
export type RevokeApiKeyMutationHookResult = ReturnType<typeof useRevokeApiKeyMutation>;
export type RevokeApiKeyMutationResult = ApolloReactCommon.MutationResult<RevokeApiKeyMutation>;
export const ChangePasswordDocument = gql`
    mutation ChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input) {
    ...AuthSession
  }
}
    ${AuthSessionFragmentDoc}
${ViewerUserFragmentDoc}
${TenantSummaryFragmentDoc}
${MembershipSummaryFragmentDoc}`;

/**
 * __useChangePasswordMutation__
 *
 * To run a mutation, you first call `useChangePasswordMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useChangePasswordMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [changePasswordMutation, { data, loading, error }] = useChangePasswordMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useChangePasswordMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<ChangePasswordMutation, ChangePasswordMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<ChangePasswordMutation, ChangePasswordMutationVariables>(ChangePasswordDocument, options);
      }
export type ChangePasswordMutationHookResult = ReturnType<typeof useChangePasswordMutation>;
export type ChangePasswordMutationResult = ApolloReactCommon.MutationResult<ChangePasswordMutation>;
export const LoginDocument = gql`
    mutation Login($input: LoginInput!) {
  login(input: $input) {
    ...AuthSession
  }
}
    ${AuthSessionFragmentDoc}
${ViewerUserFragmentDoc}
${TenantSummaryFragmentDoc}
${MembershipSummaryFragmentDoc}`;

/**
 * __useLoginMutation__
 *
 * To run a mutation, you first call `useLoginMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useLoginMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [loginMutation, { data, loading, error }] = useLoginMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useLoginMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<LoginMutation, LoginMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<LoginMutation, LoginMutationVariables>(LoginDocument, options);
      }
export type LoginMutationHookResult = ReturnType<typeof useLoginMutation>;
export type LoginMutationResult = ApolloReactCommon.MutationResult<LoginMutation>;
export const LogoutDocument = gql`
    mutation Logout($refreshToken: String) {
  logout(refreshToken: $refreshToken)
}
    `;

/**
 * __useLogoutMutation__
 *
 * To run a mutation, you first call `useLogoutMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useLogoutMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [logoutMutation, { data, loading, error }] = useLogoutMutation({
 *   variables: {
 *      refreshToken: // value for 'refreshToken'
 *   },
 * });
 */
export function useLogoutMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<LogoutMutation, LogoutMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<LogoutMutation, LogoutMutationVariables>(LogoutDocument, options);
      }
export type LogoutMutationHookResult = ReturnType<typeof useLogoutMutation>;
export type LogoutMutationResult = ApolloReactCommon.MutationResult<LogoutMutation>;
export const MeDocument = gql`
    query Me {
  me {
    role
    mustChangePassword
    user {
      ...ViewerUser
      createdAt
    }
    tenant {
      ...TenantSummary
    }
    memberships {
      ...MembershipSummary
    }
  }
}
    ${ViewerUserFragmentDoc}
${TenantSummaryFragmentDoc}
${MembershipSummaryFragmentDoc}`;

/**
 * __useMeQuery__
 *
 * To run a query within a React component, call `useMeQuery` and pass it any options that fit your needs.
 * When your component renders, `useMeQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useMeQuery({
 *   variables: {
 *   },
 * });
 */
export function useMeQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<MeQuery, MeQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<MeQuery, MeQueryVariables>(MeDocument, options);
      }
export function useMeLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<MeQuery, MeQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<MeQuery, MeQueryVariables>(MeDocument, options);
        }
// @ts-ignore
export function useMeSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<MeQuery, MeQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<MeQuery, MeQueryVariables>;
export function useMeSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<MeQuery, MeQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<MeQuery | undefined, MeQueryVariables>;
export function useMeSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<MeQuery, MeQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<MeQuery, MeQueryVariables>(MeDocument, options);
        }
export type MeQueryHookResult = ReturnType<typeof useMeQuery>;
export type MeLazyQueryHookResult = ReturnType<typeof useMeLazyQuery>;
export type MeSuspenseQueryHookResult = ReturnType<typeof useMeSuspenseQuery>;
export type MeQueryResult = ApolloReactCommon.QueryResult<MeQuery, MeQueryVariables>;
export const RefreshSessionDocument = gql`
    mutation RefreshSession($refreshToken: String!) {
  refreshSession(refreshToken: $refreshToken) {
    accessToken
    refreshToken
    expiresAt
    mustChangePassword
    user {
      id
    }
    tenant {
      id
      slug
    }
  }
}
    `;

/**
 * __useRefreshSessionMutation__
 *
 * To run a mutation, you first call `useRefreshSessionMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useRefreshSessionMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [refreshSessionMutation, { data, loading, error }] = useRefreshSessionMutation({
 *   variables: {
 *      refreshToken: // value for 'refreshToken'
 *   },
 * });
 */
export function useRefreshSessionMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<RefreshSessionMutation, RefreshSessionMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<RefreshSessionMutation, RefreshSessionMutationVariables>(RefreshSessionDocument, options);
      }
export type RefreshSessionMutationHookResult = ReturnType<typeof useRefreshSessionMutation>;
export type RefreshSessionMutationResult = ApolloReactCommon.MutationResult<RefreshSessionMutation>;
export const SwitchTenantDocument = gql`
    mutation SwitchTenant($tenantSlug: String!) {
  switchTenant(tenantSlug: $tenantSlug) {
    ...AuthSession
  }
}
    ${AuthSessionFragmentDoc}
${ViewerUserFragmentDoc}
${TenantSummaryFragmentDoc}
${MembershipSummaryFragmentDoc}`;

/**
 * __useSwitchTenantMutation__
 *
 * To run a mutation, you first call `useSwitchTenantMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useSwitchTenantMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [switchTenantMutation, { data, loading, error }] = useSwitchTenantMutation({
 *   variables: {
 *      tenantSlug: // value for 'tenantSlug'
 *   },
 * });
 */
export function useSwitchTenantMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<SwitchTenantMutation, SwitchTenantMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<SwitchTenantMutation, SwitchTenantMutationVariables>(SwitchTenantDocument, options);
      }
export type SwitchTenantMutationHookResult = ReturnType<typeof useSwitchTenantMutation>;
export type SwitchTenantMutationResult = ApolloReactCommon.MutationResult<SwitchTenantMutation>;
export const MessageAddedDocument = gql`
    subscription MessageAdded($ticketId: ID!) {
  messageAdded(ticketId: $ticketId) {
    ...MessageFields
  }
}
    ${MessageFieldsFragmentDoc}
${PersonSummaryFragmentDoc}`;

/**
 * __useMessageAddedSubscription__
 *
 * To run a query within a React component, call `useMessageAddedSubscription` and pass it any options that fit your needs.
 * When your component renders, `useMessageAddedSubscription` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the subscription, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useMessageAddedSubscription({
 *   variables: {
 *      ticketId: // value for 'ticketId'
 *   },
 * });
 */
export function useMessageAddedSubscription(baseOptions: ApolloReactHooks.SubscriptionHookOptions<MessageAddedSubscription, MessageAddedSubscriptionVariables> & ({ variables: MessageAddedSubscriptionVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useSubscription<MessageAddedSubscription, MessageAddedSubscriptionVariables>(MessageAddedDocument, options);
      }
export type MessageAddedSubscriptionHookResult = ReturnType<typeof useMessageAddedSubscription>;
export type MessageAddedSubscriptionResult = ApolloReactCommon.SubscriptionResult<MessageAddedSubscription>;
export const PostMessageDocument = gql`
    mutation PostMessage($input: PostMessageInput!) {
  postMessage(input: $input) {
    ...MessageFields
  }
}
    ${MessageFieldsFragmentDoc}
${PersonSummaryFragmentDoc}`;

/**
 * __usePostMessageMutation__
 *
 * To run a mutation, you first call `usePostMessageMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `usePostMessageMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [postMessageMutation, { data, loading, error }] = usePostMessageMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function usePostMessageMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<PostMessageMutation, PostMessageMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<PostMessageMutation, PostMessageMutationVariables>(PostMessageDocument, options);
      }
export type PostMessageMutationHookResult = ReturnType<typeof usePostMessageMutation>;
export type PostMessageMutationResult = ApolloReactCommon.MutationResult<PostMessageMutation>;
export const SetTypingDocument = gql`
    mutation SetTyping($ticketId: ID!, $isTyping: Boolean!, $internal: Boolean! = false) {
  setTyping(ticketId: $ticketId, isTyping: $isTyping, internal: $internal)
}
    `;

/**
 * __useSetTypingMutation__
 *
 * To run a mutation, you first call `useSetTypingMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useSetTypingMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [setTypingMutation, { data, loading, error }] = useSetTypingMutation({
 *   variables: {
 *      ticketId: // value for 'ticketId'
 *      isTyping: // value for 'isTyping'
 *      internal: // value for 'internal'
 *   },
 * });
 */
export function useSetTypingMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<SetTypingMutation, SetTypingMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<SetTypingMutation, SetTypingMutationVariables>(SetTypingDocument, options);
      }
export type SetTypingMutationHookResult = ReturnType<typeof useSetTypingMutation>;
export type SetTypingMutationResult = ApolloReactCommon.MutationResult<SetTypingMutation>;
export const TicketMessagesDocument = gql`
    query TicketMessages($id: ID!, $first: Int, $after: String) {
  ticket(id: $id) {
    id
    messages(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...MessageFields
        }
      }
    }
  }
}
    ${MessageFieldsFragmentDoc}
${PersonSummaryFragmentDoc}`;

/**
 * __useTicketMessagesQuery__
 *
 * To run a query within a React component, call `useTicketMessagesQuery` and pass it any options that fit your needs.
 * When your component renders, `useTicketMessagesQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useTicketMessagesQuery({
 *   variables: {
 *      id: // value for 'id'
 *      first: // value for 'first'
 *      after: // value for 'after'
 *   },
 * });
 */
export function useTicketMessagesQuery(baseOptions: ApolloReactHooks.QueryHookOptions<TicketMessagesQuery, TicketMessagesQueryVariables> & ({ variables: TicketMessagesQueryVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<TicketMessagesQuery, TicketMessagesQueryVariables>(TicketMessagesDocument, options);
      }
export function useTicketMessagesLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<TicketMessagesQuery, TicketMessagesQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<TicketMessagesQuery, TicketMessagesQueryVariables>(TicketMessagesDocument, options);
        }
// @ts-ignore
export function useTicketMessagesSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<TicketMessagesQuery, TicketMessagesQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<TicketMessagesQuery, TicketMessagesQueryVariables>;
export function useTicketMessagesSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<TicketMessagesQuery, TicketMessagesQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<TicketMessagesQuery | undefined, TicketMessagesQueryVariables>;
export function useTicketMessagesSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<TicketMessagesQuery, TicketMessagesQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<TicketMessagesQuery, TicketMessagesQueryVariables>(TicketMessagesDocument, options);
        }
export type TicketMessagesQueryHookResult = ReturnType<typeof useTicketMessagesQuery>;
export type TicketMessagesLazyQueryHookResult = ReturnType<typeof useTicketMessagesLazyQuery>;
export type TicketMessagesSuspenseQueryHookResult = ReturnType<typeof useTicketMessagesSuspenseQuery>;
export type TicketMessagesQueryResult = ApolloReactCommon.QueryResult<TicketMessagesQuery, TicketMessagesQueryVariables>;
export const TypingDocument = gql`
    subscription Typing($ticketId: ID!) {
  typing(ticketId: $ticketId) {
    ticketId
    userId
    name
    isTyping
    expiresAt
  }
}
    `;

/**
 * __useTypingSubscription__
 *
 * To run a query within a React component, call `useTypingSubscription` and pass it any options that fit your needs.
 * When your component renders, `useTypingSubscription` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the subscription, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useTypingSubscription({
 *   variables: {
 *      ticketId: // value for 'ticketId'
 *   },
 * });
 */
export function useTypingSubscription(baseOptions: ApolloReactHooks.SubscriptionHookOptions<TypingSubscription, TypingSubscriptionVariables> & ({ variables: TypingSubscriptionVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useSubscription<TypingSubscription, TypingSubscriptionVariables>(TypingDocument, options);
      }
export type TypingSubscriptionHookResult = ReturnType<typeof useTypingSubscription>;
export type TypingSubscriptionResult = ApolloReactCommon.SubscriptionResult<TypingSubscription>;
export const MarkNotificationsReadDocument = gql`
    mutation MarkNotificationsRead($ids: [ID!], $all: Boolean! = false) {
  markNotificationsRead(ids: $ids, all: $all)
}
    `;

/**
 * __useMarkNotificationsReadMutation__
 *
 * To run a mutation, you first call `useMarkNotificationsReadMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useMarkNotificationsReadMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [markNotificationsReadMutation, { data, loading, error }] = useMarkNotificationsReadMutation({
 *   variables: {
 *      ids: // value for 'ids'
 *      all: // value for 'all'
 *   },
 * });
 */
export function useMarkNotificationsReadMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>(MarkNotificationsReadDocument, options);
      }
export type MarkNotificationsReadMutationHookResult = ReturnType<typeof useMarkNotificationsReadMutation>;
export type MarkNotificationsReadMutationResult = ApolloReactCommon.MutationResult<MarkNotificationsReadMutation>;
export const NotificationAddedDocument = gql`
    subscription NotificationAdded {
  notificationAdded {
    ...NotificationFields
  }
}
    ${NotificationFieldsFragmentDoc}`;

/**
 * __useNotificationAddedSubscription__
 *
 * To run a query within a React component, call `useNotificationAddedSubscription` and pass it any options that fit your needs.
 * When your component renders, `useNotificationAddedSubscription` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the subscription, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useNotificationAddedSubscription({
 *   variables: {
 *   },
 * });
 */
export function useNotificationAddedSubscription(baseOptions?: ApolloReactHooks.SubscriptionHookOptions<NotificationAddedSubscription, NotificationAddedSubscriptionVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useSubscription<NotificationAddedSubscription, NotificationAddedSubscriptionVariables>(NotificationAddedDocument, options);
      }
export type NotificationAddedSubscriptionHookResult = ReturnType<typeof useNotificationAddedSubscription>;
export type NotificationAddedSubscriptionResult = ApolloReactCommon.SubscriptionResult<NotificationAddedSubscription>;
export const NotificationsDocument = gql`
    query Notifications($first: Int!) {
  unreadNotificationCount
  notifications(first: $first) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        ...NotificationFields
      }
    }
  }
}
    ${NotificationFieldsFragmentDoc}`;

/**
 * __useNotificationsQuery__
 *
 * To run a query within a React component, call `useNotificationsQuery` and pass it any options that fit your needs.
 * When your component renders, `useNotificationsQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useNotificationsQuery({
 *   variables: {
 *      first: // value for 'first'
 *   },
 * });
 */
export function useNotificationsQuery(baseOptions: ApolloReactHooks.QueryHookOptions<NotificationsQuery, NotificationsQueryVariables> & ({ variables: NotificationsQueryVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<NotificationsQuery, NotificationsQueryVariables>(NotificationsDocument, options);
      }
export function useNotificationsLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<NotificationsQuery, NotificationsQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<NotificationsQuery, NotificationsQueryVariables>(NotificationsDocument, options);
        }
// @ts-ignore
export function useNotificationsSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<NotificationsQuery, NotificationsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<NotificationsQuery, NotificationsQueryVariables>;
export function useNotificationsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<NotificationsQuery, NotificationsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<NotificationsQuery | undefined, NotificationsQueryVariables>;
export function useNotificationsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<NotificationsQuery, NotificationsQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<NotificationsQuery, NotificationsQueryVariables>(NotificationsDocument, options);
        }
export type NotificationsQueryHookResult = ReturnType<typeof useNotificationsQuery>;
export type NotificationsLazyQueryHookResult = ReturnType<typeof useNotificationsLazyQuery>;
export type NotificationsSuspenseQueryHookResult = ReturnType<typeof useNotificationsSuspenseQuery>;
export type NotificationsQueryResult = ApolloReactCommon.QueryResult<NotificationsQuery, NotificationsQueryVariables>;
export const AgentsDocument = gql`
    query Agents {
  agents {
    ...AgentPresenceFields
  }
}
    ${AgentPresenceFieldsFragmentDoc}
${PersonSummaryFragmentDoc}`;

/**
 * __useAgentsQuery__
 *
 * To run a query within a React component, call `useAgentsQuery` and pass it any options that fit your needs.
 * When your component renders, `useAgentsQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useAgentsQuery({
 *   variables: {
 *   },
 * });
 */
export function useAgentsQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<AgentsQuery, AgentsQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<AgentsQuery, AgentsQueryVariables>(AgentsDocument, options);
      }
export function useAgentsLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<AgentsQuery, AgentsQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<AgentsQuery, AgentsQueryVariables>(AgentsDocument, options);
        }
// @ts-ignore
export function useAgentsSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<AgentsQuery, AgentsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<AgentsQuery, AgentsQueryVariables>;
export function useAgentsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<AgentsQuery, AgentsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<AgentsQuery | undefined, AgentsQueryVariables>;
export function useAgentsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<AgentsQuery, AgentsQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<AgentsQuery, AgentsQueryVariables>(AgentsDocument, options);
        }
export type AgentsQueryHookResult = ReturnType<typeof useAgentsQuery>;
export type AgentsLazyQueryHookResult = ReturnType<typeof useAgentsLazyQuery>;
export type AgentsSuspenseQueryHookResult = ReturnType<typeof useAgentsSuspenseQuery>;
export type AgentsQueryResult = ApolloReactCommon.QueryResult<AgentsQuery, AgentsQueryVariables>;
export const PresenceChangedDocument = gql`
    subscription PresenceChanged {
  presenceChanged {
    ...AgentPresenceFields
  }
}
    ${AgentPresenceFieldsFragmentDoc}
${PersonSummaryFragmentDoc}`;

/**
 * __usePresenceChangedSubscription__
 *
 * To run a query within a React component, call `usePresenceChangedSubscription` and pass it any options that fit your needs.
 * When your component renders, `usePresenceChangedSubscription` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the subscription, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = usePresenceChangedSubscription({
 *   variables: {
 *   },
 * });
 */
export function usePresenceChangedSubscription(baseOptions?: ApolloReactHooks.SubscriptionHookOptions<PresenceChangedSubscription, PresenceChangedSubscriptionVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useSubscription<PresenceChangedSubscription, PresenceChangedSubscriptionVariables>(PresenceChangedDocument, options);
      }
export type PresenceChangedSubscriptionHookResult = ReturnType<typeof usePresenceChangedSubscription>;
export type PresenceChangedSubscriptionResult = ApolloReactCommon.SubscriptionResult<PresenceChangedSubscription>;
export const SetPresenceDocument = gql`
    mutation SetPresence($status: PresenceStatus!) {
  setPresence(status: $status) {
    ...AgentPresenceFields
  }
}
    ${AgentPresenceFieldsFragmentDoc}
${PersonSummaryFragmentDoc}`;

/**
 * __useSetPresenceMutation__
 *
 * To run a mutation, you first call `useSetPresenceMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useSetPresenceMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [setPresenceMutation, { data, loading, error }] = useSetPresenceMutation({
 *   variables: {
 *      status: // value for 'status'
 *   },
 * });
 */
export function useSetPresenceMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<SetPresenceMutation, SetPresenceMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<SetPresenceMutation, SetPresenceMutationVariables>(SetPresenceDocument, options);
      }
export type SetPresenceMutationHookResult = ReturnType<typeof useSetPresenceMutation>;
export type SetPresenceMutationResult = ApolloReactCommon.MutationResult<SetPresenceMutation>;
export const DeleteSlaPolicyDocument = gql`
    mutation DeleteSlaPolicy($id: ID!) {
  deleteSlaPolicy(id: $id)
}
    `;

/**
 * __useDeleteSlaPolicyMutation__
 *
 * To run a mutation, you first call `useDeleteSlaPolicyMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useDeleteSlaPolicyMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [deleteSlaPolicyMutation, { data, loading, error }] = useDeleteSlaPolicyMutation({
 *   variables: {
 *      id: // value for 'id'
 *   },
 * });
 */
export function useDeleteSlaPolicyMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<DeleteSlaPolicyMutation, DeleteSlaPolicyMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<DeleteSlaPolicyMutation, DeleteSlaPolicyMutationVariables>(DeleteSlaPolicyDocument, options);
      }
export type DeleteSlaPolicyMutationHookResult = ReturnType<typeof useDeleteSlaPolicyMutation>;
export type DeleteSlaPolicyMutationResult = ApolloReactCommon.MutationResult<DeleteSlaPolicyMutation>;
export const SetBusinessCalendarDocument = gql`
    mutation SetBusinessCalendar($input: BusinessCalendarInput!) {
  setBusinessCalendar(input: $input) {
    ...BusinessCalendarFields
  }
}
    ${BusinessCalendarFieldsFragmentDoc}`;

/**
 * __useSetBusinessCalendarMutation__
 *
 * To run a mutation, you first call `useSetBusinessCalendarMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useSetBusinessCalendarMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [setBusinessCalendarMutation, { data, loading, error }] = useSetBusinessCalendarMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useSetBusinessCalendarMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<SetBusinessCalendarMutation, SetBusinessCalendarMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<SetBusinessCalendarMutation, SetBusinessCalendarMutationVariables>(SetBusinessCalendarDocument, options);
      }
export type SetBusinessCalendarMutationHookResult = ReturnType<typeof useSetBusinessCalendarMutation>;
export type SetBusinessCalendarMutationResult = ApolloReactCommon.MutationResult<SetBusinessCalendarMutation>;
export const SetSlaPolicyDocument = gql`
    mutation SetSlaPolicy($input: SlaPolicyInput!) {
  setSlaPolicy(input: $input) {
    ...SlaPolicyFields
  }
}
    ${SlaPolicyFieldsFragmentDoc}`;

/**
 * __useSetSlaPolicyMutation__
 *
 * To run a mutation, you first call `useSetSlaPolicyMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useSetSlaPolicyMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [setSlaPolicyMutation, { data, loading, error }] = useSetSlaPolicyMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useSetSlaPolicyMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<SetSlaPolicyMutation, SetSlaPolicyMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<SetSlaPolicyMutation, SetSlaPolicyMutationVariables>(SetSlaPolicyDocument, options);
      }
export type SetSlaPolicyMutationHookResult = ReturnType<typeof useSetSlaPolicyMutation>;
export type SetSlaPolicyMutationResult = ApolloReactCommon.MutationResult<SetSlaPolicyMutation>;
export const SlaSettingsDocument = gql`
    query SlaSettings {
  slaPolicies {
    ...SlaPolicyFields
  }
  businessCalendar {
    ...BusinessCalendarFields
  }
}
    ${SlaPolicyFieldsFragmentDoc}
${BusinessCalendarFieldsFragmentDoc}`;

/**
 * __useSlaSettingsQuery__
 *
 * To run a query within a React component, call `useSlaSettingsQuery` and pass it any options that fit your needs.
 * When your component renders, `useSlaSettingsQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useSlaSettingsQuery({
 *   variables: {
 *   },
 * });
 */
export function useSlaSettingsQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<SlaSettingsQuery, SlaSettingsQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<SlaSettingsQuery, SlaSettingsQueryVariables>(SlaSettingsDocument, options);
      }
export function useSlaSettingsLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<SlaSettingsQuery, SlaSettingsQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<SlaSettingsQuery, SlaSettingsQueryVariables>(SlaSettingsDocument, options);
        }
// @ts-ignore
export function useSlaSettingsSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<SlaSettingsQuery, SlaSettingsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<SlaSettingsQuery, SlaSettingsQueryVariables>;
export function useSlaSettingsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<SlaSettingsQuery, SlaSettingsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<SlaSettingsQuery | undefined, SlaSettingsQueryVariables>;
export function useSlaSettingsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<SlaSettingsQuery, SlaSettingsQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<SlaSettingsQuery, SlaSettingsQueryVariables>(SlaSettingsDocument, options);
        }
export type SlaSettingsQueryHookResult = ReturnType<typeof useSlaSettingsQuery>;
export type SlaSettingsLazyQueryHookResult = ReturnType<typeof useSlaSettingsLazyQuery>;
export type SlaSettingsSuspenseQueryHookResult = ReturnType<typeof useSlaSettingsSuspenseQuery>;
export type SlaSettingsQueryResult = ApolloReactCommon.QueryResult<SlaSettingsQuery, SlaSettingsQueryVariables>;
export const AssignTicketDocument = gql`
    mutation AssignTicket($id: ID!, $agentId: ID) {
  assignTicket(id: $id, agentId: $agentId) {
    ...TicketDetail
  }
}
    ${TicketDetailFragmentDoc}
${TicketCardFragmentDoc}
${TicketSlaFieldsFragmentDoc}
${SlaClockFieldsFragmentDoc}
${PersonSummaryFragmentDoc}`;

/**
 * __useAssignTicketMutation__
 *
 * To run a mutation, you first call `useAssignTicketMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useAssignTicketMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [assignTicketMutation, { data, loading, error }] = useAssignTicketMutation({
 *   variables: {
 *      id: // value for 'id'
 *      agentId: // value for 'agentId'
 *   },
 * });
 */
export function useAssignTicketMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<AssignTicketMutation, AssignTicketMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<AssignTicketMutation, AssignTicketMutationVariables>(AssignTicketDocument, options);
      }
export type AssignTicketMutationHookResult = ReturnType<typeof useAssignTicketMutation>;
export type AssignTicketMutationResult = ApolloReactCommon.MutationResult<AssignTicketMutation>;
export const ChangeTicketStatusDocument = gql`
    mutation ChangeTicketStatus($id: ID!, $status: TicketStatus!, $expectedVersion: Int) {
  changeTicketStatus(id: $id, status: $status, expectedVersion: $expectedVersion) {
    ...TicketCard
  }
}
    ${TicketCardFragmentDoc}
${TicketSlaFieldsFragmentDoc}
${SlaClockFieldsFragmentDoc}
${PersonSummaryFragmentDoc}`;

/**
 * __useChangeTicketStatusMutation__
 *
 * To run a mutation, you first call `useChangeTicketStatusMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useChangeTicketStatusMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [changeTicketStatusMutation, { data, loading, error }] = useChangeTicketStatusMutation({
 *   variables: {
 *      id: // value for 'id'
 *      status: // value for 'status'
 *      expectedVersion: // value for 'expectedVersion'
 *   },
 * });
 */
export function useChangeTicketStatusMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<ChangeTicketStatusMutation, ChangeTicketStatusMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<ChangeTicketStatusMutation, ChangeTicketStatusMutationVariables>(ChangeTicketStatusDocument, options);
      }
export type ChangeTicketStatusMutationHookResult = ReturnType<typeof useChangeTicketStatusMutation>;
export type ChangeTicketStatusMutationResult = ApolloReactCommon.MutationResult<ChangeTicketStatusMutation>;
export const ClaimTicketDocument = gql`
    mutation ClaimTicket($id: ID!) {
  claimTicket(id: $id) {
    ...TicketDetail
  }
}
    ${TicketDetailFragmentDoc}
${TicketCardFragmentDoc}
${TicketSlaFieldsFragmentDoc}
${SlaClockFieldsFragmentDoc}
${PersonSummaryFragmentDoc}`;

/**
 * __useClaimTicketMutation__
 *
 * To run a mutation, you first call `useClaimTicketMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useClaimTicketMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [claimTicketMutation, { data, loading, error }] = useClaimTicketMutation({
 *   variables: {
 *      id: // value for 'id'
 *   },
 * });
 */
export function useClaimTicketMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<ClaimTicketMutation, ClaimTicketMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<ClaimTicketMutation, ClaimTicketMutationVariables>(ClaimTicketDocument, options);
      }
export type ClaimTicketMutationHookResult = ReturnType<typeof useClaimTicketMutation>;
export type ClaimTicketMutationResult = ApolloReactCommon.MutationResult<ClaimTicketMutation>;
export const CreateTicketDocument = gql`
    mutation CreateTicket($input: CreateTicketInput!) {
  createTicket(input: $input) {
    ...TicketDetail
  }
}
    ${TicketDetailFragmentDoc}
${TicketCardFragmentDoc}
${TicketSlaFieldsFragmentDoc}
${SlaClockFieldsFragmentDoc}
${PersonSummaryFragmentDoc}`;

/**
 * __useCreateTicketMutation__
 *
 * To run a mutation, you first call `useCreateTicketMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useCreateTicketMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [createTicketMutation, { data, loading, error }] = useCreateTicketMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useCreateTicketMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<CreateTicketMutation, CreateTicketMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<CreateTicketMutation, CreateTicketMutationVariables>(CreateTicketDocument, options);
      }
export type CreateTicketMutationHookResult = ReturnType<typeof useCreateTicketMutation>;
export type CreateTicketMutationResult = ApolloReactCommon.MutationResult<CreateTicketMutation>;
export const DeleteTicketDocument = gql`
    mutation DeleteTicket($id: ID!) {
  deleteTicket(id: $id) {
    id
    number
  }
}
    `;

/**
 * __useDeleteTicketMutation__
 *
 * To run a mutation, you first call `useDeleteTicketMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useDeleteTicketMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [deleteTicketMutation, { data, loading, error }] = useDeleteTicketMutation({
 *   variables: {
 *      id: // value for 'id'
 *   },
 * });
 */
export function useDeleteTicketMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<DeleteTicketMutation, DeleteTicketMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<DeleteTicketMutation, DeleteTicketMutationVariables>(DeleteTicketDocument, options);
      }
export type DeleteTicketMutationHookResult = ReturnType<typeof useDeleteTicketMutation>;
export type DeleteTicketMutationResult = ApolloReactCommon.MutationResult<DeleteTicketMutation>;
export const TicketActivitiesDocument = gql`
    query TicketActivities($id: ID!, $first: Int, $after: String) {
  ticket(id: $id) {
    id
    activities(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          seq
          type
          createdAt
          summary
          tag
          changes {
            field
            from
            to
          }
          actor {
            id
            name
          }
        }
      }
    }
  }
}
    `;

/**
 * __useTicketActivitiesQuery__
 *
 * To run a query within a React component, call `useTicketActivitiesQuery` and pass it any options that fit your needs.
 * When your component renders, `useTicketActivitiesQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useTicketActivitiesQuery({
 *   variables: {
 *      id: // value for 'id'
 *      first: // value for 'first'
 *      after: // value for 'after'
 *   },
 * });
 */
export function useTicketActivitiesQuery(baseOptions: ApolloReactHooks.QueryHookOptions<TicketActivitiesQuery, TicketActivitiesQueryVariables> & ({ variables: TicketActivitiesQueryVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<TicketActivitiesQuery, TicketActivitiesQueryVariables>(TicketActivitiesDocument, options);
      }
export function useTicketActivitiesLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<TicketActivitiesQuery, TicketActivitiesQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<TicketActivitiesQuery, TicketActivitiesQueryVariables>(TicketActivitiesDocument, options);
        }
// @ts-ignore
export function useTicketActivitiesSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<TicketActivitiesQuery, TicketActivitiesQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<TicketActivitiesQuery, TicketActivitiesQueryVariables>;
export function useTicketActivitiesSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<TicketActivitiesQuery, TicketActivitiesQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<TicketActivitiesQuery | undefined, TicketActivitiesQueryVariables>;
export function useTicketActivitiesSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<TicketActivitiesQuery, TicketActivitiesQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<TicketActivitiesQuery, TicketActivitiesQueryVariables>(TicketActivitiesDocument, options);
        }
export type TicketActivitiesQueryHookResult = ReturnType<typeof useTicketActivitiesQuery>;
export type TicketActivitiesLazyQueryHookResult = ReturnType<typeof useTicketActivitiesLazyQuery>;
export type TicketActivitiesSuspenseQueryHookResult = ReturnType<typeof useTicketActivitiesSuspenseQuery>;
export type TicketActivitiesQueryResult = ApolloReactCommon.QueryResult<TicketActivitiesQuery, TicketActivitiesQueryVariables>;
export const TicketByNumberDocument = gql`
    query TicketByNumber($number: Int!) {
  ticketByNumber(number: $number) {
    ...TicketDetail
  }
}
    ${TicketDetailFragmentDoc}
${TicketCardFragmentDoc}
${TicketSlaFieldsFragmentDoc}
${SlaClockFieldsFragmentDoc}
${PersonSummaryFragmentDoc}`;

/**
 * __useTicketByNumberQuery__
 *
 * To run a query within a React component, call `useTicketByNumberQuery` and pass it any options that fit your needs.
 * When your component renders, `useTicketByNumberQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useTicketByNumberQuery({
 *   variables: {
 *      number: // value for 'number'
 *   },
 * });
 */
export function useTicketByNumberQuery(baseOptions: ApolloReactHooks.QueryHookOptions<TicketByNumberQuery, TicketByNumberQueryVariables> & ({ variables: TicketByNumberQueryVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<TicketByNumberQuery, TicketByNumberQueryVariables>(TicketByNumberDocument, options);
      }
export function useTicketByNumberLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<TicketByNumberQuery, TicketByNumberQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<TicketByNumberQuery, TicketByNumberQueryVariables>(TicketByNumberDocument, options);
        }
// @ts-ignore
export function useTicketByNumberSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<TicketByNumberQuery, TicketByNumberQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<TicketByNumberQuery, TicketByNumberQueryVariables>;
export function useTicketByNumberSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<TicketByNumberQuery, TicketByNumberQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<TicketByNumberQuery | undefined, TicketByNumberQueryVariables>;
export function useTicketByNumberSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<TicketByNumberQuery, TicketByNumberQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<TicketByNumberQuery, TicketByNumberQueryVariables>(TicketByNumberDocument, options);
        }
export type TicketByNumberQueryHookResult = ReturnType<typeof useTicketByNumberQuery>;
export type TicketByNumberLazyQueryHookResult = ReturnType<typeof useTicketByNumberLazyQuery>;
export type TicketByNumberSuspenseQueryHookResult = ReturnType<typeof useTicketByNumberSuspenseQuery>;
export type TicketByNumberQueryResult = ApolloReactCommon.QueryResult<TicketByNumberQuery, TicketByNumberQueryVariables>;
export const TicketEventsDocument = gql`
    subscription TicketEvents($filter: TicketEventFilter, $after: String) {
  ticketEvents(filter: $filter, after: $after) {
    id
    seq
    cursor
    type
    ticketId
    createdAt
    tag
    changes {
      field
      from
      to
    }
    ticket {
      ...TicketDetail
    }
    message {
      ...MessageFields
    }
  }
}
    ${TicketDetailFragmentDoc}
${TicketCardFragmentDoc}
${TicketSlaFieldsFragmentDoc}
${SlaClockFieldsFragmentDoc}
${PersonSummaryFragmentDoc}
${MessageFieldsFragmentDoc}`;

/**
 * __useTicketEventsSubscription__
 *
 * To run a query within a React component, call `useTicketEventsSubscription` and pass it any options that fit your needs.
 * When your component renders, `useTicketEventsSubscription` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the subscription, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useTicketEventsSubscription({
 *   variables: {
 *      filter: // value for 'filter'
 *      after: // value for 'after'
 *   },
 * });
 */
export function useTicketEventsSubscription(baseOptions?: ApolloReactHooks.SubscriptionHookOptions<TicketEventsSubscription, TicketEventsSubscriptionVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useSubscription<TicketEventsSubscription, TicketEventsSubscriptionVariables>(TicketEventsDocument, options);
      }
export type TicketEventsSubscriptionHookResult = ReturnType<typeof useTicketEventsSubscription>;
export type TicketEventsSubscriptionResult = ApolloReactCommon.SubscriptionResult<TicketEventsSubscription>;
export const TicketNumberDocument = gql`
    query TicketNumber($id: ID!) {
  ticket(id: $id) {
    id
    number
  }
}
    `;

/**
 * __useTicketNumberQuery__
 *
 * To run a query within a React component, call `useTicketNumberQuery` and pass it any options that fit your needs.
 * When your component renders, `useTicketNumberQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useTicketNumberQuery({
 *   variables: {
 *      id: // value for 'id'
 *   },
 * });
 */
export function useTicketNumberQuery(baseOptions: ApolloReactHooks.QueryHookOptions<TicketNumberQuery, TicketNumberQueryVariables> & ({ variables: TicketNumberQueryVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<TicketNumberQuery, TicketNumberQueryVariables>(TicketNumberDocument, options);
      }
export function useTicketNumberLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<TicketNumberQuery, TicketNumberQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<TicketNumberQuery, TicketNumberQueryVariables>(TicketNumberDocument, options);
        }
// @ts-ignore
export function useTicketNumberSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<TicketNumberQuery, TicketNumberQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<TicketNumberQuery, TicketNumberQueryVariables>;
export function useTicketNumberSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<TicketNumberQuery, TicketNumberQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<TicketNumberQuery | undefined, TicketNumberQueryVariables>;
export function useTicketNumberSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<TicketNumberQuery, TicketNumberQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<TicketNumberQuery, TicketNumberQueryVariables>(TicketNumberDocument, options);
        }
export type TicketNumberQueryHookResult = ReturnType<typeof useTicketNumberQuery>;
export type TicketNumberLazyQueryHookResult = ReturnType<typeof useTicketNumberLazyQuery>;
export type TicketNumberSuspenseQueryHookResult = ReturnType<typeof useTicketNumberSuspenseQuery>;
export type TicketNumberQueryResult = ApolloReactCommon.QueryResult<TicketNumberQuery, TicketNumberQueryVariables>;
export const TicketsDocument = gql`
    query Tickets($filter: TicketFilter, $orderBy: TicketOrder, $first: Int, $after: String) {
  tickets(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        ...TicketCard
      }
    }
  }
}
    ${TicketCardFragmentDoc}
${TicketSlaFieldsFragmentDoc}
${SlaClockFieldsFragmentDoc}
${PersonSummaryFragmentDoc}`;

/**
 * __useTicketsQuery__
 *
 * To run a query within a React component, call `useTicketsQuery` and pass it any options that fit your needs.
 * When your component renders, `useTicketsQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useTicketsQuery({
 *   variables: {
 *      filter: // value for 'filter'
 *      orderBy: // value for 'orderBy'
 *      first: // value for 'first'
 *      after: // value for 'after'
 *   },
 * });
 */
export function useTicketsQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<TicketsQuery, TicketsQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<TicketsQuery, TicketsQueryVariables>(TicketsDocument, options);
      }
export function useTicketsLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<TicketsQuery, TicketsQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<TicketsQuery, TicketsQueryVariables>(TicketsDocument, options);
        }
// @ts-ignore
export function useTicketsSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<TicketsQuery, TicketsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<TicketsQuery, TicketsQueryVariables>;
export function useTicketsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<TicketsQuery, TicketsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<TicketsQuery | undefined, TicketsQueryVariables>;
export function useTicketsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<TicketsQuery, TicketsQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<TicketsQuery, TicketsQueryVariables>(TicketsDocument, options);
        }
export type TicketsQueryHookResult = ReturnType<typeof useTicketsQuery>;
export type TicketsLazyQueryHookResult = ReturnType<typeof useTicketsLazyQuery>;
export type TicketsSuspenseQueryHookResult = ReturnType<typeof useTicketsSuspenseQuery>;
export type TicketsQueryResult = ApolloReactCommon.QueryResult<TicketsQuery, TicketsQueryVariables>;
export const UpdateTicketDocument = gql`
    mutation UpdateTicket($id: ID!, $input: UpdateTicketInput!, $expectedVersion: Int) {
  updateTicket(id: $id, input: $input, expectedVersion: $expectedVersion) {
    ...TicketDetail
  }
}
    ${TicketDetailFragmentDoc}
${TicketCardFragmentDoc}
${TicketSlaFieldsFragmentDoc}
${SlaClockFieldsFragmentDoc}
${PersonSummaryFragmentDoc}`;

/**
 * __useUpdateTicketMutation__
 *
 * To run a mutation, you first call `useUpdateTicketMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useUpdateTicketMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [updateTicketMutation, { data, loading, error }] = useUpdateTicketMutation({
 *   variables: {
 *      id: // value for 'id'
 *      input: // value for 'input'
 *      expectedVersion: // value for 'expectedVersion'
 *   },
 * });
 */
export function useUpdateTicketMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<UpdateTicketMutation, UpdateTicketMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<UpdateTicketMutation, UpdateTicketMutationVariables>(UpdateTicketDocument, options);
      }
export type UpdateTicketMutationHookResult = ReturnType<typeof useUpdateTicketMutation>;
export type UpdateTicketMutationResult = ApolloReactCommon.MutationResult<UpdateTicketMutation>;
export const CustomersDocument = gql`
    query Customers($search: String) {
  users(first: 50, filter: {role: CUSTOMER, active: true, search: $search}) {
    totalCount
    edges {
      node {
        ...PersonSummary
      }
    }
  }
}
    ${PersonSummaryFragmentDoc}`;

/**
 * __useCustomersQuery__
 *
 * To run a query within a React component, call `useCustomersQuery` and pass it any options that fit your needs.
 * When your component renders, `useCustomersQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useCustomersQuery({
 *   variables: {
 *      search: // value for 'search'
 *   },
 * });
 */
export function useCustomersQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<CustomersQuery, CustomersQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<CustomersQuery, CustomersQueryVariables>(CustomersDocument, options);
      }
export function useCustomersLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<CustomersQuery, CustomersQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<CustomersQuery, CustomersQueryVariables>(CustomersDocument, options);
        }
// @ts-ignore
export function useCustomersSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<CustomersQuery, CustomersQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<CustomersQuery, CustomersQueryVariables>;
export function useCustomersSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<CustomersQuery, CustomersQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<CustomersQuery | undefined, CustomersQueryVariables>;
export function useCustomersSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<CustomersQuery, CustomersQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<CustomersQuery, CustomersQueryVariables>(CustomersDocument, options);
        }
export type CustomersQueryHookResult = ReturnType<typeof useCustomersQuery>;
export type CustomersLazyQueryHookResult = ReturnType<typeof useCustomersLazyQuery>;
export type CustomersSuspenseQueryHookResult = ReturnType<typeof useCustomersSuspenseQuery>;
export type CustomersQueryResult = ApolloReactCommon.QueryResult<CustomersQuery, CustomersQueryVariables>;
export const CreateWebhookEndpointDocument = gql`
    mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    endpoint {
      ...WebhookEndpointFields
    }
    secret
  }
}
    ${WebhookEndpointFieldsFragmentDoc}`;

/**
 * __useCreateWebhookEndpointMutation__
 *
 * To run a mutation, you first call `useCreateWebhookEndpointMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useCreateWebhookEndpointMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [createWebhookEndpointMutation, { data, loading, error }] = useCreateWebhookEndpointMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useCreateWebhookEndpointMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<CreateWebhookEndpointMutation, CreateWebhookEndpointMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<CreateWebhookEndpointMutation, CreateWebhookEndpointMutationVariables>(CreateWebhookEndpointDocument, options);
      }
export type CreateWebhookEndpointMutationHookResult = ReturnType<typeof useCreateWebhookEndpointMutation>;
export type CreateWebhookEndpointMutationResult = ApolloReactCommon.MutationResult<CreateWebhookEndpointMutation>;
export const DeleteWebhookEndpointDocument = gql`
    mutation DeleteWebhookEndpoint($id: ID!) {
  deleteWebhookEndpoint(id: $id)
}
    `;

/**
 * __useDeleteWebhookEndpointMutation__
 *
 * To run a mutation, you first call `useDeleteWebhookEndpointMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useDeleteWebhookEndpointMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [deleteWebhookEndpointMutation, { data, loading, error }] = useDeleteWebhookEndpointMutation({
 *   variables: {
 *      id: // value for 'id'
 *   },
 * });
 */
export function useDeleteWebhookEndpointMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<DeleteWebhookEndpointMutation, DeleteWebhookEndpointMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<DeleteWebhookEndpointMutation, DeleteWebhookEndpointMutationVariables>(DeleteWebhookEndpointDocument, options);
      }
export type DeleteWebhookEndpointMutationHookResult = ReturnType<typeof useDeleteWebhookEndpointMutation>;
export type DeleteWebhookEndpointMutationResult = ApolloReactCommon.MutationResult<DeleteWebhookEndpointMutation>;
export const EnableWebhookEndpointDocument = gql`
    mutation EnableWebhookEndpoint($id: ID!) {
  enableWebhookEndpoint(id: $id) {
    ...WebhookEndpointFields
  }
}
    ${WebhookEndpointFieldsFragmentDoc}`;

/**
 * __useEnableWebhookEndpointMutation__
 *
 * To run a mutation, you first call `useEnableWebhookEndpointMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useEnableWebhookEndpointMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [enableWebhookEndpointMutation, { data, loading, error }] = useEnableWebhookEndpointMutation({
 *   variables: {
 *      id: // value for 'id'
 *   },
 * });
 */
export function useEnableWebhookEndpointMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<EnableWebhookEndpointMutation, EnableWebhookEndpointMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<EnableWebhookEndpointMutation, EnableWebhookEndpointMutationVariables>(EnableWebhookEndpointDocument, options);
      }
export type EnableWebhookEndpointMutationHookResult = ReturnType<typeof useEnableWebhookEndpointMutation>;
export type EnableWebhookEndpointMutationResult = ApolloReactCommon.MutationResult<EnableWebhookEndpointMutation>;
export const RedeliverWebhookDocument = gql`
    mutation RedeliverWebhook($deliveryId: ID!) {
  redeliverWebhook(deliveryId: $deliveryId) {
    ...WebhookDeliveryFields
  }
}
    ${WebhookDeliveryFieldsFragmentDoc}`;

/**
 * __useRedeliverWebhookMutation__
 *
 * To run a mutation, you first call `useRedeliverWebhookMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useRedeliverWebhookMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [redeliverWebhookMutation, { data, loading, error }] = useRedeliverWebhookMutation({
 *   variables: {
 *      deliveryId: // value for 'deliveryId'
 *   },
 * });
 */
export function useRedeliverWebhookMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<RedeliverWebhookMutation, RedeliverWebhookMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<RedeliverWebhookMutation, RedeliverWebhookMutationVariables>(RedeliverWebhookDocument, options);
      }
export type RedeliverWebhookMutationHookResult = ReturnType<typeof useRedeliverWebhookMutation>;
export type RedeliverWebhookMutationResult = ApolloReactCommon.MutationResult<RedeliverWebhookMutation>;
export const WebhookDeliveriesDocument = gql`
    query WebhookDeliveries($first: Int, $after: String, $status: WebhookDeliveryStatus, $endpointId: ID) {
  webhookDeliveries(
    first: $first
    after: $after
    status: $status
    endpointId: $endpointId
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        ...WebhookDeliveryFields
      }
    }
  }
}
    ${WebhookDeliveryFieldsFragmentDoc}`;

/**
 * __useWebhookDeliveriesQuery__
 *
 * To run a query within a React component, call `useWebhookDeliveriesQuery` and pass it any options that fit your needs.
 * When your component renders, `useWebhookDeliveriesQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useWebhookDeliveriesQuery({
 *   variables: {
 *      first: // value for 'first'
 *      after: // value for 'after'
 *      status: // value for 'status'
 *      endpointId: // value for 'endpointId'
 *   },
 * });
 */
export function useWebhookDeliveriesQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>(WebhookDeliveriesDocument, options);
      }
export function useWebhookDeliveriesLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>(WebhookDeliveriesDocument, options);
        }
// @ts-ignore
export function useWebhookDeliveriesSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export function useWebhookDeliveriesSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<WebhookDeliveriesQuery | undefined, WebhookDeliveriesQueryVariables>;
export function useWebhookDeliveriesSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>(WebhookDeliveriesDocument, options);
        }
export type WebhookDeliveriesQueryHookResult = ReturnType<typeof useWebhookDeliveriesQuery>;
export type WebhookDeliveriesLazyQueryHookResult = ReturnType<typeof useWebhookDeliveriesLazyQuery>;
export type WebhookDeliveriesSuspenseQueryHookResult = ReturnType<typeof useWebhookDeliveriesSuspenseQuery>;
export type WebhookDeliveriesQueryResult = ApolloReactCommon.QueryResult<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export const WebhookEndpointsDocument = gql`
    query WebhookEndpoints {
  webhookEndpoints {
    ...WebhookEndpointFields
  }
}
    ${WebhookEndpointFieldsFragmentDoc}`;

/**
 * __useWebhookEndpointsQuery__
 *
 * To run a query within a React component, call `useWebhookEndpointsQuery` and pass it any options that fit your needs.
 * When your component renders, `useWebhookEndpointsQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useWebhookEndpointsQuery({
 *   variables: {
 *   },
 * });
 */
export function useWebhookEndpointsQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>(WebhookEndpointsDocument, options);
      }
export function useWebhookEndpointsLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>(WebhookEndpointsDocument, options);
        }
// @ts-ignore
export function useWebhookEndpointsSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>;
export function useWebhookEndpointsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<WebhookEndpointsQuery | undefined, WebhookEndpointsQueryVariables>;
export function useWebhookEndpointsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>(WebhookEndpointsDocument, options);
        }
export type WebhookEndpointsQueryHookResult = ReturnType<typeof useWebhookEndpointsQuery>;
export type WebhookEndpointsLazyQueryHookResult = ReturnType<typeof useWebhookEndpointsLazyQuery>;
export type WebhookEndpointsSuspenseQueryHookResult = ReturnType<typeof useWebhookEndpointsSuspenseQuery>;
export type WebhookEndpointsQueryResult = ApolloReactCommon.QueryResult<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>;