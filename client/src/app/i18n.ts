import { useCallback, useSyncExternalStore } from 'react';
import { en } from './locales/en';
import { id } from './locales/id';
import type { Dictionary, MessageKey } from './locales/types';

export type { MessageKey } from './locales/types';

/**
 * Every string the UI shows goes through `t(key)`. English (locales/en.ts) is the source
 * dictionary: its keys are the only valid ones, and every other language translates all of them.
 */
export const dictionaries = { en, id } satisfies Record<string, Dictionary>;
export type Language = keyof typeof dictionaries;
export const languages: ReadonlyArray<{ code: Language; label: string }> = [
  { code: 'en', label: 'English' },
  { code: 'id', label: 'Bahasa Indonesia' },
];
/** BCP 47 locale for dates and numbers. */
export const locales: Record<Language, string> = { en: 'en-US', id: 'id-ID' };

export type MessageParams = Record<string, string | number>;

/** Looks `key` up in `language` (falling back to English) and fills in `{name}` placeholders. */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const template: string = dictionaries[language][key] ?? en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** Plural forms a dictionary may define, as `<key>.<form>` (Intl.PluralRules categories). */
export type PluralForm = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type PluralBase = MessageKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;

/**
 * Picks the plural form of `base` for `count` with the language's plural rules
 * (`base.one`, `base.other`, …; `other` when a form is missing), and fills in `{count}`.
 */
export function translatePlural(language: Language, base: PluralBase, count: number, params?: MessageParams): string {
  const form = new Intl.PluralRules(locales[language]).select(count) as PluralForm;
  const key = `${base}.${form}` as MessageKey;
  const chosen = key in dictionaries[language] || key in en ? key : (`${base}.other` as MessageKey);
  return translate(language, chosen, { count: count.toLocaleString(locales[language]), ...params });
}

const STORAGE_KEY = 'sociodesk.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && value in dictionaries;
}

function initialLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // no storage: fall through
  }
  const preferred = typeof navigator !== 'undefined' ? navigator.language.slice(0, 2).toLowerCase() : 'en';
  return isLanguage(preferred) ? preferred : 'en';
}

let current: Language = typeof window === 'undefined' ? 'en' : initialLanguage();
const listeners = new Set<() => void>();

function applyToDocument(language: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
applyToDocument(current);

export function getLanguage(): Language {
  return current;
}

export function setLanguage(language: Language): void {
  if (language === current) return;
  current = language;
  applyToDocument(language);
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // not persisted; still applies to this tab
  }
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Translates in the current language (outside React, or where re-rendering is handled elsewhere). */
export function t(key: MessageKey, params?: MessageParams): string {
  return translate(current, key, params);
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;
export type TranslatePlural = (base: PluralBase, count: number, params?: MessageParams) => string;

/** The current language and a `t` bound to it; components re-render when the language changes. */
export function useI18n(): { t: Translate; tp: TranslatePlural; language: Language; setLanguage: (language: Language) => void; locale: string } {
  const language = useSyncExternalStore(subscribe, getLanguage);
  const bound = useCallback<Translate>((key, params) => translate(language, key, params), [language]);
  const plural = useCallback<TranslatePlural>((base, count, params) => translatePlural(language, base, count, params), [language]);
  return { t: bound, tp: plural, language, setLanguage, locale: locales[language] };
}
