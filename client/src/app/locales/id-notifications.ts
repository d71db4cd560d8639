import type { enNotifications } from './en-notifications';

/** Bahasa Indonesia: lonceng notifikasi (bagian dari kamus id.ts). */
export const idNotifications: Record<keyof typeof enNotifications, string> = {
  'notifications.title': 'Notifikasi',
  'notifications.bell': 'Notifikasi',
  'notifications.bellUnread': 'Notifikasi, {count} belum dibaca',
  'notifications.markAllRead': 'Tandai semua dibaca',
  'notifications.empty': 'Belum ada notifikasi.',
  'notifications.unread': 'Belum dibaca',
  'notifications.newestShown': '{count} terbaru dari {total} ditampilkan.',
  'notifications.type.TICKET_CREATED': 'Tiket baru',
  'notifications.type.TICKET_ASSIGNED': 'Ditugaskan kepada Anda',
  'notifications.type.MESSAGE_POSTED': 'Balasan baru',
  'notifications.type.STATUS_CHANGED': 'Status berubah',
  'notifications.type.SLA_AT_RISK': 'SLA berisiko',
  'notifications.type.SLA_BREACHED': 'SLA terlewati',
};
