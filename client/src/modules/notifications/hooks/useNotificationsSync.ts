import { useSubscription } from '@apollo/client/react';
import { NotificationAddedDocument } from '../../../generated/graphql';
import { addNotification } from '../notification-cache';

/**
 * One `notificationAdded` subscription for the signed-in app: each new notification is put
 * first in the bell's list and counted as unread, in the cache (nothing is fetched). After the
 * connection was down, the bell's query is read again once (see apollo.ts).
 */
export function useNotificationsSync(): void {
  useSubscription(NotificationAddedDocument, {
    onData: ({ client, data }) => {
      const notification = data.data?.notificationAdded;
      if (notification) addNotification(client.cache, notification);
    },
  });
}
