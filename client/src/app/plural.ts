import { getLanguage, locales, type MessageKey, type Translate } from './i18n';

/** Countable words with their plural forms in the dictionaries (`plural.<word>.one` / `.other`). */
export type PluralWord = 'messages' | 'tickets';

/** "1 message", "2 messages", "3 pesan": the form the UI language uses for `count` (Intl.PluralRules). */
export function plural(t: Translate, word: PluralWord, count: number, language = getLanguage()): string {
  const form = new Intl.PluralRules(locales[language]).select(count) === 'one' ? 'one' : 'other';
  return t(`plural.${word}.${form}` as MessageKey, { count });
}
