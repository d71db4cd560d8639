import { describe, expect, it } from 'vitest';
import { translate } from './i18n';
import { plural } from './plural';

describe('plurals', () => {
  it('use the one/other forms of the UI language', () => {
    const en = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('en', key, params);
    const id = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('id', key, params);
    expect(plural(en, 'messages', 1, 'en')).toBe('1 message');
    expect(plural(en, 'messages', 0, 'en')).toBe('0 messages');
    expect(plural(en, 'tickets', 2, 'en')).toBe('2 tickets');
    expect(plural(id, 'messages', 1, 'id')).toBe('1 pesan');
    expect(plural(id, 'messages', 5, 'id')).toBe('5 pesan');
  });
});
