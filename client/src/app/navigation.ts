import type { MessageKey } from './i18n';
import type { Viewer } from './viewer';

/** The settings tabs in their order, each with the permission it needs. */
export const SETTINGS_TABS: ReadonlyArray<{ path: string; label: MessageKey; permission: string }> = [
  { path: '/settings/members', label: 'settings.members', permission: 'users.manage' },
  { path: '/settings/roles', label: 'settings.roles', permission: 'roles.manage' },
  { path: '/settings/sla', label: 'settings.sla', permission: 'sla.manage' },
  { path: '/settings/api-keys', label: 'settings.apiKeys', permission: 'apikeys.manage' },
  { path: '/settings/webhooks', label: 'settings.webhooks', permission: 'webhooks.manage' },
  { path: '/settings/chat', label: 'settings.chat', permission: 'chat.manage' },
  { path: '/settings/statuses', label: 'settings.statuses', permission: 'settings.manage' },
  { path: '/settings/workspace', label: 'settings.workspace', permission: 'settings.manage' },
];

/** Where "Settings" opens: SLA first (the page admins use most), else the first tab the viewer may use. */
const SETTINGS_START_ORDER = ['/settings/sla', ...SETTINGS_TABS.map((t) => t.path)];

export function settingsTabsFor(viewer: Pick<Viewer, 'isStaff' | 'can'>) {
  return viewer.isStaff ? SETTINGS_TABS.filter((tab) => viewer.can(tab.permission)) : [];
}

/** The settings page to open, or null when the viewer may use none. */
export function settingsStartPath(viewer: Pick<Viewer, 'isStaff' | 'can'>): string | null {
  const allowed = new Set(settingsTabsFor(viewer).map((t) => t.path));
  return SETTINGS_START_ORDER.find((p) => allowed.has(p)) ?? null;
}

/** The Reports page draws the statistics (stats.view); reports.view widens them to the whole workspace. */
export const seesReports = (viewer: Pick<Viewer, 'isStaff' | 'can'>): boolean => viewer.isStaff && viewer.can('stats.view');

/** Where a user lands after signing in or on `/`: staff on the board, customers on their tickets; else what they may use. */
export function startPath(viewer: Pick<Viewer, 'isStaff' | 'can'>): string {
  if (!viewer.isStaff) return '/tickets';
  if (viewer.can('tickets.read')) return '/board';
  if (seesReports(viewer)) return '/reports';
  return settingsStartPath(viewer) ?? '/account/password';
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
