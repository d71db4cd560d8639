import { createContext, useContext, type ReactNode } from 'react';
import { Role, type MeQuery } from '../generated/graphql';

/** The signed-in user in the current tenant, with what the UI needs to decide per role. */
export interface Viewer {
  me: MeQuery['me'];
  userId: string;
  role: Role;
  isStaff: boolean;
  isAdmin: boolean;
  isCustomer: boolean;
}

export function viewerFromMe(me: MeQuery['me']): Viewer {
  return {
    me,
    userId: me.user.id,
    role: me.role,
    isStaff: me.role === Role.Admin || me.role === Role.Agent,
    isAdmin: me.role === Role.Admin,
    isCustomer: me.role === Role.Customer,
  };
}

const ViewerContext = createContext<Viewer | null>(null);

export function ViewerProvider({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  return <ViewerContext.Provider value={viewer}>{children}</ViewerContext.Provider>;
}

/** The signed-in viewer; only inside the signed-in layout. */
export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer() outside the signed-in layout');
  return viewer;
}
