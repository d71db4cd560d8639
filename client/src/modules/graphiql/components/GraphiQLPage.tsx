import 'graphiql/style.css';
import '../monaco-workers';
import { Box } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { GraphiQL } from 'graphiql';
import { useMemo } from 'react';
import { appApollo, GRAPHQL_PATH } from '../../../app/apollo';
import { sessionStore } from '../../../app/session';
import { createSociodeskFetcher } from '../graphiql-fetcher';

const EXAMPLE_QUERY = `# Your access token is in the Headers tab below.
# Run with Ctrl+Enter; browse the schema with the Docs button.
query OpenTickets {
  tickets(first: 10, filter: { status: [OPEN, IN_PROGRESS] }) {
    totalCount
    edges {
      node {
        number
        title
        status
        priority
        assignee { name }
      }
    }
  }
}

# Subscriptions work too:
# subscription { ticketEvents { type ticket { number status } } }
`;

/** GraphiQL on the app's own API (its own lazily loaded chunk), signed in as the current user. */
export default function GraphiQLPage() {
  const token = sessionStore.get()?.accessToken ?? '';
  // The schema's docs open beside the editor where there is room for both; on a phone the Docs button opens them.
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const fetcher = useMemo(() => {
    const { protocol, host, origin } = window.location;
    return createSociodeskFetcher({
      url: `${origin}${GRAPHQL_PATH}`,
      subscriptionUrl: `${protocol === 'https:' ? 'wss' : 'ws'}://${host}${GRAPHQL_PATH}`,
      prefilledToken: token,
      currentToken: async () => (await appApollo.refresher.getValidSession())?.accessToken ?? null,
    });
  }, [token]);

  return (
    <Box className="graphiql-page" data-testid="graphiql">
      <GraphiQL
        fetcher={fetcher}
        defaultQuery={EXAMPLE_QUERY}
        initialHeaders={JSON.stringify({ Authorization: `Bearer ${token}` }, null, 2)}
        defaultEditorToolsVisibility="headers"
        shouldPersistHeaders={false}
        {...(wide ? { visiblePlugin: 'Documentation Explorer' } : {})}
        forcedTheme="light"
      />
    </Box>
  );
}
