import { registerEnumType } from 'type-graphql';
import { Role, type Principal } from './principal.js';

/**
 * Named capabilities. Every member root field's `@auth` directive names the one it needs;
 * a user holds the set of their role (a built-in set, or a custom role's own set).
 */
export enum Permission {
  ACCOUNT_USE = 'account.use',
  TICKETS_READ = 'tickets.read',
  TICKETS_CREATE = 'tickets.create',
  TICKETS_UPDATE = 'tickets.update',
  TICKETS_ASSIGN = 'tickets.assign',
  TICKETS_DELETE = 'tickets.delete',
  CONVERSATIONS_REPLY = 'conversations.reply',
  STATS_VIEW = 'stats.view',
  REPORTS_VIEW = 'reports.view',
  REPORTS_EXPORT = 'reports.export',
  CHAT_ACCEPT = 'chat.accept',
  CHAT_MANAGE = 'chat.manage',
  CANNED_MANAGE = 'canned.manage',
  MACROS_MANAGE = 'macros.manage',
  VIEWS_MANAGE = 'views.manage',
  USERS_MANAGE = 'users.manage',
  ROLES_MANAGE = 'roles.manage',
  SLA_MANAGE = 'sla.manage',
  APIKEYS_MANAGE = 'apikeys.manage',
  WEBHOOKS_MANAGE = 'webhooks.manage',
  SETTINGS_MANAGE = 'settings.manage',
}

registerEnumType(Permission, { name: 'Permission', description: 'A named capability a role grants.' });

export type PermissionSide = 'staff' | 'both';

export interface PermissionSpec {
  side: PermissionSide;
  /** Every role holds it (signing out, one's own profile and notifications). */
  always?: boolean;
  en: string;
  id: string;
}

/** The catalogue: which side of a tenant a permission belongs to, and what it allows. */
export const PERMISSIONS: Record<Permission, PermissionSpec> = {
  [Permission.ACCOUNT_USE]: { side: 'both', always: true, en: 'Own account, notifications and sign-out', id: 'Akun sendiri, notifikasi, dan keluar' },
  [Permission.TICKETS_READ]: { side: 'both', en: 'See tickets and their conversations', id: 'Melihat tiket dan percakapannya' },
  [Permission.TICKETS_CREATE]: { side: 'both', en: 'Open tickets', id: 'Membuka tiket' },
  [Permission.TICKETS_UPDATE]: { side: 'both', en: 'Change tickets (status, fields, bulk, macros)', id: 'Mengubah tiket (status, kolom, massal, makro)' },
  [Permission.TICKETS_ASSIGN]: { side: 'staff', en: 'Assign and claim tickets', id: 'Menugaskan dan mengambil tiket' },
  [Permission.TICKETS_DELETE]: { side: 'staff', en: 'Delete tickets', id: 'Menghapus tiket' },
  [Permission.CONVERSATIONS_REPLY]: { side: 'both', en: 'Reply and add notes', id: 'Membalas dan menambah catatan' },
  [Permission.STATS_VIEW]: { side: 'staff', en: 'See team statistics and SLA breaches', id: 'Melihat statistik tim dan pelanggaran SLA' },
  [Permission.REPORTS_VIEW]: { side: 'staff', en: 'See reports', id: 'Melihat laporan' },
  [Permission.REPORTS_EXPORT]: { side: 'staff', en: 'Export reports as CSV', id: 'Mengekspor laporan sebagai CSV' },
  [Permission.CHAT_ACCEPT]: { side: 'staff', en: 'Take and answer live chats', id: 'Menerima dan menjawab obrolan langsung' },
  [Permission.CHAT_MANAGE]: { side: 'staff', en: 'Manage chat widget keys and capacity', id: 'Mengelola kunci widget obrolan dan kapasitas' },
  [Permission.CANNED_MANAGE]: { side: 'staff', en: 'Use and write canned responses', id: 'Memakai dan menulis balasan siap pakai' },
  [Permission.MACROS_MANAGE]: { side: 'staff', en: 'Use and write macros', id: 'Memakai dan menulis makro' },
  [Permission.VIEWS_MANAGE]: { side: 'staff', en: 'Saved views', id: 'Tampilan tersimpan' },
  [Permission.USERS_MANAGE]: { side: 'staff', en: 'Manage members and departments', id: 'Mengelola anggota dan departemen' },
  [Permission.ROLES_MANAGE]: { side: 'staff', en: 'Manage roles and permissions', id: 'Mengelola peran dan izin' },
  [Permission.SLA_MANAGE]: { side: 'staff', en: 'Manage SLA policies and opening hours', id: 'Mengelola kebijakan SLA dan jam kerja' },
  [Permission.APIKEYS_MANAGE]: { side: 'staff', en: 'Manage API keys', id: 'Mengelola kunci API' },
  [Permission.WEBHOOKS_MANAGE]: { side: 'staff', en: 'Manage webhooks', id: 'Mengelola webhook' },
  [Permission.SETTINGS_MANAGE]: { side: 'staff', en: 'Workspace settings and ticket statuses', id: 'Pengaturan ruang kerja dan status tiket' },
};

export const ALL_PERMISSIONS: readonly Permission[] = Object.values(Permission);
const ALWAYS = ALL_PERMISSIONS.filter((p) => PERMISSIONS[p].always);
const AGENT_DENIED = new Set<Permission>([
  Permission.TICKETS_DELETE,
  Permission.REPORTS_VIEW,
  Permission.REPORTS_EXPORT,
  Permission.CHAT_MANAGE,
  Permission.USERS_MANAGE,
  Permission.ROLES_MANAGE,
  Permission.SLA_MANAGE,
  Permission.APIKEYS_MANAGE,
  Permission.WEBHOOKS_MANAGE,
  Permission.SETTINGS_MANAGE,
]);

/** The built-in roles as default permission sets (their behaviour before custom roles). */
export const BUILT_IN_PERMISSIONS: Readonly<Record<Role.ADMIN | Role.AGENT | Role.CUSTOMER, readonly Permission[]>> = {
  [Role.ADMIN]: ALL_PERMISSIONS,
  [Role.AGENT]: ALL_PERMISSIONS.filter((p) => !AGENT_DENIED.has(p)),
  [Role.CUSTOMER]: [Permission.ACCOUNT_USE, Permission.TICKETS_READ, Permission.TICKETS_CREATE, Permission.TICKETS_UPDATE, Permission.CONVERSATIONS_REPLY],
};

/** A permission's name in the schema (USERS_MANAGE for users.manage). */
export const permissionName = (p: Permission): string => p.toUpperCase().replace(/\./g, '_');

export const isPermission = (value: string): value is Permission => (ALL_PERMISSIONS as readonly string[]).includes(value);

/** A custom role's set as stored: known names only, the always-held ones added, in catalogue order. */
export function normalizePermissions(values: readonly string[]): Permission[] {
  const wanted = new Set([...values, ...ALWAYS]);
  return ALL_PERMISSIONS.filter((p) => wanted.has(p));
}

/** Permissions the principal holds: from its access token, else its built-in role's set. */
export function permissionsOf(p: Principal): readonly string[] {
  if (p.permissions) return p.permissions;
  return p.role in BUILT_IN_PERMISSIONS ? BUILT_IN_PERMISSIONS[p.role as Role.ADMIN] : [];
}

/** Whether a user principal holds a permission. API keys and chat sessions are governed by scopes and their chat. */
export function can(p: Principal, permission: Permission): boolean {
  if (p.kind !== 'user') return false;
  return permissionsOf(p).includes(permission);
}
