import type { Viewer } from './viewer';

/** Where a user lands after signing in or on `/`: staff on the board, customers on their tickets. */
export function startPath(viewer: Pick<Viewer, 'isStaff'>): string {
  return viewer.isStaff ? '/board' : '/tickets';
}

/**
 * The place to return to after signing in, from `?next=`: only paths of this app, never another
 * site (`//host`, `https://...`) or the sign-in page itself.
 */
export function safeNextPath(search: string): string {
  const next = new URLSearchParams(search).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/login')) return '/';
  return next;
}

export function loginPathFor(location: { pathname: string; search: string }): string {
  const here = `${location.pathname}${location.search}`;
  return here === '/' || here.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(here)}`;
}
