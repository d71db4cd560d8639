import { describe, expect, it } from 'vitest';
import { currentOperation, withCurrentToken } from './graphiql-fetcher';

describe('GraphiQL fetcher', () => {
  it('sends the current token in place of the prefilled one, and a hand-typed token as it is', async () => {
    const current = async () => 'fresh';
    await expect(withCurrentToken({ Authorization: 'Bearer prefilled', 'X-Other': '1' }, 'prefilled', current)).resolves.toEqual({
      Authorization: 'Bearer fresh',
      'X-Other': '1',
    });
    await expect(withCurrentToken({ authorization: 'Bearer typed' }, 'prefilled', current)).resolves.toEqual({ authorization: 'Bearer typed' });
    await expect(withCurrentToken(undefined, 'prefilled', current)).resolves.toBeUndefined();
  });

  it('reads the operation from the query text, not from a stale operation name', () => {
    const sub = currentOperation({ query: 'subscription Live { ticketEvents { id } }', operationName: 'OpenTickets' });
    expect(sub.operationName).toBe('Live');
    expect(sub.documentAST?.definitions[0]).toMatchObject({ operation: 'subscription' });
    expect(currentOperation({ query: 'query A { me { role } } query B { me { role } }', operationName: 'B' }).operationName).toBe('B');
    expect(currentOperation({ query: '{ me { role } }', operationName: 'Old' }).operationName).toBeNull();
    expect(currentOperation({ query: 'query {', operationName: 'X' })).toEqual({});
  });
});
