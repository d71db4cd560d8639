import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { useViewer } from '../../../app/viewer';
import { PresenceStatus, AgentsDocument, type AgentPresenceFieldsFragment } from '../../../generated/graphql';

/**
 * The agents of this tenant with their presence, for staff (customers do not see presence).
 * presenceChanged events land in the same cache entries (AgentPresence keyed by user id).
 */
export function useAgents(): { agents: AgentPresenceFieldsFragment[]; loading: boolean; byUserId: Map<string, AgentPresenceFieldsFragment> } {
  const viewer = useViewer();
  const { data, loading } = useQuery(AgentsDocument, { skip: !viewer.isStaff });
  return useMemo(() => {
    const agents = data?.agents ?? [];
    return { agents, loading, byUserId: new Map(agents.map((agent) => [agent.user.id, agent])) };
  }, [data, loading]);
}

/** The presence of one person, or undefined when it is not known (customers, non-staff). */
export function usePresenceOf(userId: string | null | undefined): PresenceStatus | undefined {
  const { byUserId } = useAgents();
  return userId ? byUserId.get(userId)?.status : undefined;
}

export const PRESENCE_COLORS: Record<PresenceStatus, string> = {
  ONLINE: 'teal',
  AWAY: 'yellow',
  BUSY: 'red',
  OFFLINE: 'gray',
};
