/** What an API key may be granted. A root field open to PARTNER names the scopes it needs. */
export const Scope = {
  TICKETS_READ: 'tickets:read',
  TICKETS_WRITE: 'tickets:write',
  MESSAGES_READ: 'messages:read',
  MESSAGES_WRITE: 'messages:write',
  EVENTS_READ: 'events:read',
  REPORTS_READ: 'reports:read',
} as const;

export type ScopeName = (typeof Scope)[keyof typeof Scope];

export const ALL_SCOPES: readonly string[] = Object.values(Scope);
