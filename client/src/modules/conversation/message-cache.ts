import type { ApolloCache, Reference } from '@apollo/client';
import { MessageFieldsFragmentDoc, type MessageFieldsFragment } from '../../generated/graphql';

interface StoredMessages {
  totalCount?: number;
  pageInfo?: { hasNextPage?: boolean };
  edges?: Array<{ __typename?: string; cursor: string; node: Reference }>;
}

/**
 * Appends a new message (from messageAdded or our own postMessage) to the ticket's cached
 * thread, once. When later pages are not loaded yet, it arrives with them instead.
 */
export function appendMessage(cache: ApolloCache, message: MessageFieldsFragment): void {
  const ref = cache.writeFragment({ fragment: MessageFieldsFragmentDoc, fragmentName: 'MessageFields', data: message });
  const ticketId = cache.identify({ __typename: 'Ticket', id: message.ticketId });
  if (!ref || !ticketId) return;
  cache.modify<Record<string, StoredMessages>>({
    id: ticketId,
    fields: {
      messages(existing) {
        const thread = existing as StoredMessages;
        if (!thread?.edges || thread.pageInfo?.hasNextPage) return existing;
        if (thread.edges.some((edge) => edge.node.__ref === ref.__ref)) return existing;
        const edge = { __typename: 'MessageEdge', cursor: `live:${message.id}`, node: ref };
        return { ...thread, edges: [...thread.edges, edge], totalCount: (thread.totalCount ?? 0) + 1 };
      },
    },
  });
}
