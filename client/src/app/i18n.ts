import { useCallback, useSyncExternalStore } from 'react';

/**
 * Every string the UI shows goes through `t(key)`. English is the source dictionary: its keys
 * are the only valid ones, and every other language must translate all of them.
 */
const en = {
  'app.name': 'Sociodesk',
  'app.loading': 'Loading…',
  'app.language': 'Language',

  'login.title': 'Sign in',
  'login.subtitle': 'The open helpdesk for your team',
  'login.email': 'Email',
  'login.password': 'Password',
  'login.tenant': 'Organization',
  'login.chooseTenant': 'You belong to several organizations. Choose the one to sign in to.',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.otherAccount': 'Use another account',
  'login.invalidCredentials': 'The email or password is incorrect.',
  'login.sessionEnded': 'Your session has ended. Please sign in again.',

  'error.rateLimited': 'Too many attempts. Please wait a moment and try again.',
  'error.network': 'Cannot reach the server. Check your connection and try again.',
  'error.unexpected': 'Something went wrong. Please try again.',
  'error.retry': 'Try again',

  'header.tenant': 'Organization',
  'header.role': 'Role',
  'header.switchTenant': 'Switch organization',
  'header.signOut': 'Sign out',
  'header.signingOut': 'Signing out…',

  'role.ADMIN': 'Admin',
  'role.AGENT': 'Agent',
  'role.CUSTOMER': 'Customer',

  'home.welcome': 'Welcome, {name}',
  'home.placeholder': 'Tickets board arrives here',
  'home.account': 'Your account',
  'home.name': 'Name',
  'home.email': 'Email',
  'home.tenant': 'Organization',
  'home.role': 'Role',
  'home.memberSince': 'Member since',
  'home.memberships': 'Your organizations',
  'home.current': 'current',
  'home.tools': 'Tools',
  'home.graphiql': 'GraphiQL',
  'home.graphiqlSoon': 'Explore the API in your browser (coming soon).',

  'password.title': 'Choose a new password',
  'password.intro': 'Your password is temporary. Choose a new one to continue.',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.confirm': 'Repeat the new password',
  'password.hint': 'At least {min} characters.',
  'password.tooShort': 'The new password must have at least {min} characters.',
  'password.mismatch': 'The new passwords do not match.',
  'password.submit': 'Change password',
  'password.submitting': 'Saving…',
} as const;

export type MessageKey = keyof typeof en;
type Dictionary = Record<MessageKey, string>;

const id: Dictionary = {
  'app.name': 'Sociodesk',
  'app.loading': 'Memuat…',
  'app.language': 'Bahasa',

  'login.title': 'Masuk',
  'login.subtitle': 'Helpdesk terbuka untuk tim Anda',
  'login.email': 'Email',
  'login.password': 'Kata sandi',
  'login.tenant': 'Organisasi',
  'login.chooseTenant': 'Anda anggota beberapa organisasi. Pilih organisasi yang ingin Anda masuki.',
  'login.submit': 'Masuk',
  'login.submitting': 'Sedang masuk…',
  'login.otherAccount': 'Gunakan akun lain',
  'login.invalidCredentials': 'Email atau kata sandi salah.',
  'login.sessionEnded': 'Sesi Anda telah berakhir. Silakan masuk kembali.',

  'error.rateLimited': 'Terlalu banyak percobaan. Tunggu sebentar lalu coba lagi.',
  'error.network': 'Tidak dapat terhubung ke server. Periksa koneksi Anda lalu coba lagi.',
  'error.unexpected': 'Terjadi kesalahan. Silakan coba lagi.',
  'error.retry': 'Coba lagi',

  'header.tenant': 'Organisasi',
  'header.role': 'Peran',
  'header.switchTenant': 'Ganti organisasi',
  'header.signOut': 'Keluar',
  'header.signingOut': 'Sedang keluar…',

  'role.ADMIN': 'Admin',
  'role.AGENT': 'Agen',
  'role.CUSTOMER': 'Pelanggan',

  'home.welcome': 'Selamat datang, {name}',
  'home.placeholder': 'Papan tiket akan tampil di sini',
  'home.account': 'Akun Anda',
  'home.name': 'Nama',
  'home.email': 'Email',
  'home.tenant': 'Organisasi',
  'home.role': 'Peran',
  'home.memberSince': 'Anggota sejak',
  'home.memberships': 'Organisasi Anda',
  'home.current': 'saat ini',
  'home.tools': 'Alat',
  'home.graphiql': 'GraphiQL',
  'home.graphiqlSoon': 'Jelajahi API di peramban Anda (segera hadir).',

  'password.title': 'Pilih kata sandi baru',
  'password.intro': 'Kata sandi Anda bersifat sementara. Pilih kata sandi baru untuk melanjutkan.',
  'password.current': 'Kata sandi saat ini',
  'password.new': 'Kata sandi baru',
  'password.confirm': 'Ulangi kata sandi baru',
  'password.hint': 'Minimal {min} karakter.',
  'password.tooShort': 'Kata sandi baru minimal {min} karakter.',
  'password.mismatch': 'Kata sandi baru tidak sama.',
  'password.submit': 'Ganti kata sandi',
  'password.submitting': 'Menyimpan…',
};

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

/** The current language and a `t` bound to it; components re-render when the language changes. */
export function useI18n(): { t: Translate; language: Language; setLanguage: (language: Language) => void; locale: string } {
  const language = useSyncExternalStore(subscribe, getLanguage);
  const bound = useCallback<Translate>((key, params) => translate(language, key, params), [language]);
  return { t: bound, language, setLanguage, locale: locales[language] };
}
