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
      <main className="auth-page">
        <div className="auth-card">
          <p className="error" role="alert">
            {t('error.unexpected')}
          </p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {t('error.retry')}
          </button>
        </div>
      </main>
    );
  }
}
