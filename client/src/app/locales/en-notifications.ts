/** English: the notification bell (part of the English dictionary, see en.ts). */
export const enNotifications = {
  'notifications.title': 'Notifications',
  'notifications.bell': 'Notifications',
  'notifications.bellUnread': 'Notifications, {count} unread',
  'notifications.markAllRead': 'Mark all read',
  'notifications.empty': 'No notifications yet.',
  'notifications.unread': 'Unread',
  'notifications.newestShown': 'The newest {count} of {total} are shown.',
  'notifications.type.TICKET_CREATED': 'New ticket',
  'notifications.type.TICKET_ASSIGNED': 'Assigned to you',
  'notifications.type.MESSAGE_POSTED': 'New reply',
  'notifications.type.STATUS_CHANGED': 'Status changed',
  'notifications.type.SLA_AT_RISK': 'SLA at risk',
  'notifications.type.SLA_BREACHED': 'SLA breached',
} as const;
