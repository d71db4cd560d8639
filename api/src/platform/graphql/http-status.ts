import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Status codes per GraphQL over HTTP. Apollo Server already answers request errors (parse,
 * validation, variable coercion) with 4xx, which the spec asks for when the client accepts
 * `application/graphql-response+json`. A client that prefers plain `application/json` gets
 * 200 for parse and validation failures instead (the errors are in the body), as the spec
 * asks; variable coercion, limits and throttling keep their 4xx for both.
 */
const REQUEST_ERRORS = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']);
const JSON_TYPE = 'application/json';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json';

interface AcceptEntry {
  type: string;
  q: number;
  index: number;
}

function parseAccept(header: string): AcceptEntry[] {
  return header.split(',').map((part, index) => {
    const [type, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return { type: type.trim().toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, index };
  });
}

/** Which of the two JSON media types the Accept header prefers (application/json when absent or tied). */
export function preferredResponseType(accept: string | undefined | null): typeof JSON_TYPE | typeof GRAPHQL_RESPONSE_TYPE | null {
  if (!accept?.trim()) return JSON_TYPE;
  const entries = parseAccept(accept);
  const score = (candidate: string) => {
    let best: { q: number; specificity: number; index: number } | null = null;
    for (const e of entries) {
      const specificity = e.type === candidate ? 2 : e.type === 'application/*' ? 1 : e.type === '*/*' ? 0 : -1;
      if (specificity < 0) continue;
      if (!best || specificity > best.specificity) best = { q: e.q, specificity, index: e.index };
    }
    return best && best.q > 0 ? best : null;
  };
  const json = score(JSON_TYPE);
  const graphql = score(GRAPHQL_RESPONSE_TYPE);
  if (!json && !graphql) return null;
  if (!graphql) return JSON_TYPE;
  if (!json) return GRAPHQL_RESPONSE_TYPE;
  if (graphql.q !== json.q) return graphql.q > json.q ? GRAPHQL_RESPONSE_TYPE : JSON_TYPE;
  if (graphql.specificity !== json.specificity) return graphql.specificity > json.specificity ? GRAPHQL_RESPONSE_TYPE : JSON_TYPE;
  return graphql.index < json.index ? GRAPHQL_RESPONSE_TYPE : JSON_TYPE;
}

export function graphqlHttpStatusPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart({ request }) {
      const legacyJson = preferredResponseType(request.http?.headers.get('accept')) === JSON_TYPE;
      return {
        async willSendResponse({ response }) {
          if (!legacyJson || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (data === undefined && errors?.length && errors.every((e) => REQUEST_ERRORS.has(String(e.extensions?.code)))) {
            response.http.status = 200;
          }
        },
      };
    },
  };
}
