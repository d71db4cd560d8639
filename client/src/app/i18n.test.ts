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
    expect(translate('en', 'home.welcome', { name: 'Ana' })).toBe('Welcome, Ana');
    expect(translate('id', 'home.welcome', { name: 'Ana' })).toBe('Selamat datang, Ana');
    expect(translate('en', 'home.welcome')).toBe('Welcome, {name}');
  });
});
