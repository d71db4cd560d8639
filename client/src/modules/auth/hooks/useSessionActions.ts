import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';
import { sessionFromAuthPayload, sessionStore, type AuthPayloadLike } from '../../../app/session';

/**
 * Starting and ending sessions. The cache is emptied first, so nothing of the previous user or
 * tenant is shown with the new session.
 */
export function useSessionActions() {
  const client = useApolloClient();

  const startSession = useCallback(
    async (payload: AuthPayloadLike) => {
      await client.clearStore();
      sessionStore.set(sessionFromAuthPayload(payload, Date.now()));
    },
    [client],
  );

  const endSession = useCallback(async () => {
    await client.clearStore();
    sessionStore.clear('signed-out');
  }, [client]);

  return { startSession, endSession };
}
