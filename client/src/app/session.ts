import { useSyncExternalStore } from 'react';
import { computeRefreshAt } from './token-refresh';

/** What the client keeps of a signed-in session (tokens, and enough to tell who and where). */
export interface Session {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires, as the server said (ISO 8601). */
  expiresAt: string;
  /** Local clock time (ms) after which the access token should be refreshed before use. */
  refreshAt: number;
  userId: string;
  tenantId: string;
  tenantSlug: string;
  mustChangePassword: boolean;
}

/** The part of a session that decides whose data the client shows. */
export function sessionIdentity(session: Session | null): string {
  return session ? `${session.userId}@${session.tenantId}` : 'anonymous';
}

export function parseSession(raw: string | null): Session | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<Session> | null;
    if (
      !value ||
      typeof value.accessToken !== 'string' ||
      typeof value.refreshToken !== 'string' ||
      typeof value.expiresAt !== 'string' ||
      typeof value.refreshAt !== 'number' ||
      typeof value.userId !== 'string' ||
      typeof value.tenantId !== 'string' ||
      typeof value.tenantSlug !== 'string'
    ) {
      return null;
    }
    return { ...(value as Session), mustChangePassword: value.mustChangePassword === true };
  } catch {
    return null;
  }
}

type Listener = () => void;

/** Why the last session ended: the user signed out, or the server no longer accepted it. */
export type SessionEndReason = 'signed-out' | 'expired' | 'suspended';

/**
 * The session, persisted in localStorage and shared by every tab: a sign-in, tenant switch,
 * refresh or sign-out in one tab reaches the others through the `storage` event.
 */
export class SessionStore {
  private current: Session | null;
  private raw: string | null;
  private ended: SessionEndReason | null = null;
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly storage: Storage | undefined,
    private readonly key = 'sociodesk.session',
  ) {
    this.raw = this.readRaw();
    this.current = parseSession(this.raw);
  }

  /** The session as last seen (cheap; what React renders from). */
  get(): Session | null {
    return this.current;
  }

  /** Re-reads storage, which another tab may have changed a moment ago, and returns the session. */
  reload(): Session | null {
    const raw = this.readRaw();
    if (raw !== this.raw) {
      this.raw = raw;
      this.current = parseSession(raw);
      this.emit();
    }
    return this.current;
  }

  /** Why the previous session ended, when it ended in this tab. */
  get endReason(): SessionEndReason | null {
    return this.ended;
  }

  set(session: Session): void {
    this.ended = null;
    this.raw = JSON.stringify(session);
    this.current = session;
    try {
      this.storage?.setItem(this.key, this.raw);
    } catch {
      // Storage full or disabled: the session still lives in memory for this tab.
    }
    this.emit();
  }

  clear(reason: SessionEndReason = 'signed-out'): void {
    if (this.current === null && this.raw === null) return;
    this.ended = reason;
    this.raw = null;
    this.current = null;
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // ignore: nothing else to do
    }
    this.emit();
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Follows changes made by other tabs. Returns a function that stops following. */
  watchOtherTabs(target: Pick<Window, 'addEventListener' | 'removeEventListener'>): () => void {
    const onStorage = (event: StorageEvent) => {
      if (event.key === this.key || event.key === null) this.reload();
    };
    target.addEventListener('storage', onStorage);
    return () => target.removeEventListener('storage', onStorage);
  }

  private readRaw(): string | null {
    try {
      return this.storage?.getItem(this.key) ?? null;
    } catch {
      return null;
    }
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

function browserStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

/** The app's one session store. */
export const sessionStore = new SessionStore(browserStorage());
if (typeof window !== 'undefined') sessionStore.watchOtherTabs(window);

/** The current session; re-renders when it changes (in this tab or another). */
export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, () => sessionStore.get());
}

/** The fields of an AuthPayload (login, refreshSession, switchTenant, changePassword) a session needs. */
export interface AuthPayloadLike {
  accessToken: string;
  refreshToken: string;
  expiresAt: string;
  mustChangePassword: boolean;
  user: { id: string };
  tenant: { id: string; slug: string };
}

export function sessionFromAuthPayload(payload: AuthPayloadLike, receivedAt: number): Session {
  return {
    accessToken: payload.accessToken,
    refreshToken: payload.refreshToken,
    expiresAt: payload.expiresAt,
    refreshAt: computeRefreshAt({ accessToken: payload.accessToken, expiresAt: payload.expiresAt, receivedAt }),
    userId: payload.user.id,
    tenantId: payload.tenant.id,
    tenantSlug: payload.tenant.slug,
    mustChangePassword: payload.mustChangePassword,
  };
}
