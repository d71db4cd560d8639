import { gql } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { createCache } from './cache';
import { addToRootList } from './root-list-cache';

const KEYS = gql`
  query Keys {
    apiKeys {
      id
      name
    }
  }
`;

const key = (id: string) => ({ __typename: 'ApiKey' as const, id, name: `key ${id}` });

describe('adding to a cached root list', () => {
  it('puts a new item first or last, once', () => {
    const cache = createCache();
    cache.writeQuery({ query: KEYS, data: { apiKeys: [key('a')] } });
    cache.writeFragment({ fragment: gql`fragment K on ApiKey { id name }`, data: key('b') });
    cache.writeFragment({ fragment: gql`fragment K on ApiKey { id name }`, data: key('c') });

    addToRootList(cache, 'apiKeys', key('b'), 'start');
    addToRootList(cache, 'apiKeys', key('c'), 'end');
    addToRootList(cache, 'apiKeys', key('b'), 'start');

    const data = cache.readQuery<{ apiKeys: Array<{ id: string }> }>({ query: KEYS });
    expect(data?.apiKeys.map((k) => k.id)).toEqual(['b', 'a', 'c']);
  });

  it('leaves a list that was never read alone', () => {
    const cache = createCache();
    addToRootList(cache, 'apiKeys', key('a'), 'start');
    expect(cache.readQuery({ query: KEYS })).toBeNull();
  });
});
