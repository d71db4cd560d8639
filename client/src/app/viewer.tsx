import { createContext, useContext, type ReactNode } from 'react';
import { Role, type MeQuery } from '../generated/graphql';

/** A permission as the API names it in `@auth` (`tickets.assign`) or as its enum value (`TICKETS_ASSIGN`). */
export type PermissionName = string;

/** `tickets.assign` → `TICKETS_ASSIGN` (the GraphQL enum value). */
export const permissionValue = (name: PermissionName): string => name.replace(/\./g, '_').toUpperCase();

/** The signed-in user in the current tenant, with what the UI needs to decide per role and permission. */
export interface Viewer {
  me: MeQuery['me'];
  userId: string;
  role: Role;
  isStaff: boolean;
  isAdmin: boolean;
  isCustomer: boolean;
  /** Whether the viewer holds a permission (their role's set, as their access token carries it). */
  can: (permission: PermissionName) => boolean;
}

export function canFrom(permissions: readonly string[] | null | undefined): (permission: PermissionName) => boolean {
  const held = new Set(permissions ?? []);
  return (permission) => held.has(permissionValue(permission));
}

export function viewerFromMe(me: MeQuery['me']): Viewer {
  return {
    me,
    userId: me.user.id,
    role: me.role,
    isStaff: me.role === Role.Admin || me.role === Role.Agent,
    isAdmin: me.role === Role.Admin,
    isCustomer: me.role === Role.Customer,
    can: canFrom(me.permissions),
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
