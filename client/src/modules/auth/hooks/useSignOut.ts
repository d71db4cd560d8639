import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { sessionStore } from '../../../app/session';
import { LogoutDocument } from '../../../generated/graphql';
import { useSessionActions } from './useSessionActions';

/** Signs out: revokes this session's refresh token on the server, and ends it here whatever happens. */
export function useSignOut() {
  const { endSession } = useSessionActions();
  const [logout, { loading }] = useMutation(LogoutDocument);
  const signOut = useCallback(async () => {
    try {
      await logout({ variables: { refreshToken: sessionStore.get()?.refreshToken ?? null } });
    } catch {
      // already signed out, or the server is unreachable
    }
    await endSession();
  }, [endSession, logout]);
  return { signOut, signingOut: loading };
}
