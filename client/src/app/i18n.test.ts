import { describe, expect, it } from 'vitest';
import { dictionaries, translate } from './i18n';

describe('i18n', () => {
  it('translates every English key into every language', () => {
    const keys = Object.keys(dictionaries.en).sort();
    for (const dictionary of Object.values(dictionaries)) {
      expect(Object.keys(dictionary).sort()).toEqual(keys);
      for (const value of Object.values(dictionary)) expect(value.trim()).not.toBe('');
    }
  });

  it('fills in placeholders and leaves unknown ones', () => {
    expect(translate('en', 'ticket.by', { name: 'Ana' })).toBe('by Ana');
    expect(translate('id', 'ticket.by', { name: 'Ana' })).toBe('oleh Ana');
    expect(translate('en', 'ticket.by')).toBe('by {name}');
  });

  it('keeps the same placeholders in every translation', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(dictionaries.en)) {
      for (const dictionary of Object.values(dictionaries)) {
        expect(placeholders(dictionary[key as keyof typeof dictionaries.en]), key).toEqual(placeholders(text));
      }
    }
  });
});
