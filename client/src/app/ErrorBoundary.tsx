import { Alert, Button, Center, Stack } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { t } from './i18n';

interface State {
  failed: boolean;
}

/** Last line of defence: a rendering error shows a message instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Unhandled error while rendering', error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Center mih="100vh">
        <Stack align="center">
          <Alert color="red" role="alert">
            {t('error.unexpected')}
          </Alert>
          <Button onClick={() => window.location.reload()}>{t('error.retry')}</Button>
        </Stack>
      </Center>
    );
  }
}
