import { Navigate, Outlet, useLocation } from 'react-router';
import { loginPathFor } from './navigation';
import { sessionIdentity, sessionStore, useSession } from './session';

/**
 * Routes below need a session. Without one (never signed in, signed out, or the refresh failed)
 * the user goes to the sign-in page, which brings them back here afterwards.
 */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const target = sessionStore.endReason === 'signed-out' ? '/login' : loginPathFor(location);
    return <Navigate to={target} replace />;
  }
  // A new user, tenant or password state remounts everything below, so no state outlives it.
  return <Outlet key={`${sessionIdentity(session)}:${session.mustChangePassword ? 'temporary-password' : 'ok'}`} />;
}
