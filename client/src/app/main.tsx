import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';
import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode, useMemo, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { appApollo } from './apollo';
import { ErrorBoundary } from './ErrorBoundary';
import { AppRoutes } from './routes';
import { useI18n } from './i18n';
import { cssVariablesResolver, localizedTheme } from './theme';

/** Mantine with the theme of the current UI language. */
function ThemeProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const closeLabel = t('app.close');
  const theme = useMemo(() => localizedTheme(closeLabel), [closeLabel]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      {children}
    </MantineProvider>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <ThemeProvider>
      <Notifications position="bottom-right" />
      <ErrorBoundary>
        <ApolloProvider client={appApollo.client}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </ApolloProvider>
      </ErrorBoundary>
    </ThemeProvider>
  </StrictMode>,
);
