import { InMemoryCache, type FieldMergeFunction, type Reference } from '@apollo/client';

interface StoredConnection {
  edges?: Array<{ node?: Reference }>;
}

/**
 * Merges pages of a Relay connection: a page asked for with `after` is appended to what is
 * cached (skipping nodes already there, e.g. added live), any other answer replaces it.
 */
export const mergeConnectionPages: FieldMergeFunction<StoredConnection, StoredConnection> = (existing, incoming, { args }) => {
  if (!existing || !args?.after) return incoming;
  const seen = new Set((existing.edges ?? []).map((edge) => edge.node?.__ref));
  const added = (incoming.edges ?? []).filter((edge) => !seen.has(edge.node?.__ref));
  return { ...incoming, edges: [...(existing.edges ?? []), ...added] };
};

/** The normalized cache: tickets, messages and people are stored once and shared by every screen. */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          // One cached list per filter and order; pages of it merge for infinite scroll.
          tickets: { keyArgs: ['filter', 'orderBy'], merge: mergeConnectionPages },
          users: { keyArgs: ['filter'], merge: mergeConnectionPages },
          businessCalendar: { merge: false },
          notifications: { keyArgs: ['unreadOnly'], merge: mergeConnectionPages },
          webhookDeliveries: { keyArgs: ['status', 'endpointId'], merge: mergeConnectionPages },
          // A ticket already in the cache is shown at once, by id.
          ticket: {
            read(existing, { args, toReference }) {
              return existing ?? (typeof args?.id === 'string' ? toReference({ __typename: 'Ticket', id: args.id }) : undefined);
            },
          },
        },
      },
      Ticket: {
        keyFields: ['id'],
        fields: {
          messages: { keyArgs: false, merge: mergeConnectionPages },
          activities: { keyArgs: false, merge: mergeConnectionPages },
          tags: { merge: false },
          // Evaluated by the API at each read: the newest answer replaces the clocks whole.
          sla: { merge: false },
        },
      },
      Message: { keyFields: ['id'] },
      User: { keyFields: ['id'] },
      Attachment: { keyFields: ['id'] },
      TicketActivity: { keyFields: ['id'] },
      // One presence per person: presenceChanged updates the agents list in place.
      AgentPresence: { keyFields: ['user', ['id']] },
      // Objects without an id of their own live inside their parent and are replaced or merged with it.
      Viewer: { keyFields: false, merge: true },
      AuthPayload: { keyFields: false },
      TenantMembership: { keyFields: false },
      PageInfo: { keyFields: false, merge: true },
      TicketEvent: { keyFields: false },
      TypingEvent: { keyFields: false },
      TicketSla: { keyFields: false },
      SlaClock: { keyFields: false },
      BusinessCalendar: { keyFields: false },
      OpeningHoursType: { keyFields: false },
      Notification: { keyFields: ['id'] },
      SlaPolicy: { keyFields: ['id'] },
      ApiKey: { keyFields: ['id'] },
      WebhookEndpoint: { keyFields: ['id'] },
      WebhookDelivery: { keyFields: ['id'] },
    },
  });
}
