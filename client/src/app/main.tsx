import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { appApollo } from './apollo';
import { App } from './App';
import { ErrorBoundary } from './ErrorBoundary';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary>
      <ApolloProvider client={appApollo.client}>
        <App />
      </ApolloProvider>
    </ErrorBoundary>
  </StrictMode>,
);
