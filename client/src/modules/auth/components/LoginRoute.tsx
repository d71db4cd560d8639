import { Navigate, useLocation } from 'react-router';
import { safeNextPath } from '../../../app/navigation';
import { useSession } from '../../../app/session';
import { LoginPage } from './LoginPage';

/** `/login`: the sign-in page, and once signed in, back to where the user came from. */
export function LoginRoute() {
  const session = useSession();
  const location = useLocation();
  if (session) return <Navigate to={safeNextPath(location.search)} replace />;
  return <LoginPage />;
}
