import type { Translate } from '../../app/i18n';
import type { NotificationFieldsFragment } from '../../generated/graphql';

/** A notification in the reader's language, from its type and parameters (the server stores no wording). */
export function notificationText(n: Pick<NotificationFieldsFragment, 'type' | 'params'>, t: Translate): string {
  const p = n.params;
  return t(`notifications.text.${n.type}`, {
    number: p.ticketNumber,
    title: p.ticketTitle,
    actor: p.actorName ?? t('notifications.someone'),
    status: p.status ? t(`status.${p.status}`) : '',
    clock: p.clock ? t(`notifications.clock.${p.clock}`) : '',
    level: p.level ?? '',
  });
}
