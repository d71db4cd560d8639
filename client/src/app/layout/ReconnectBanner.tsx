import { Alert, Loader } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useConnectionState } from '../connection-status';
import { useI18n } from '../i18n';

/** Tells the user live updates are paused while the socket is down (after a short grace period). */
export function ReconnectBanner() {
  const { t } = useI18n();
  const state = useConnectionState();
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    if (state !== 'reconnecting') {
      setVisible(false);
      return;
    }
    const timer = window.setTimeout(() => setVisible(true), 1500);
    return () => window.clearTimeout(timer);
  }, [state]);
  if (!visible) return null;
  return (
    <Alert color="orange" mb="md" role="status" icon={<Loader size="xs" color="orange" />} data-testid="reconnect-banner">
      {t('connection.lost')}
    </Alert>
  );
}
