import 'reflect-metadata';
import { validateSync } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { NonBlankText } from '../text-field.js';

class Named {
  @NonBlankText(5)
  name!: unknown;
}

const messages = (name: unknown) => {
  const input = Object.assign(new Named(), { name });
  return validateSync(input).flatMap((e) => Object.values(e.constraints ?? {}));
};

describe('NonBlankText', () => {
  it('accepts 1 to max characters with something other than whitespace', () => {
    expect(messages('a')).toEqual([]);
    expect(messages(' abc ')).toEqual([]);
  });

  it('refuses empty, blank, too long and non-text values with the shared messages', () => {
    expect(messages('')).toEqual(expect.arrayContaining(['must be between 1 and 5 characters', 'must not be blank']));
    expect(messages('   ')).toEqual(['must not be blank']);
    expect(messages('abcdef')).toEqual(['must be between 1 and 5 characters']);
    expect(messages(42)).toContain('name must be a string');
  });
});
