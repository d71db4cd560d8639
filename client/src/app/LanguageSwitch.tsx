import { useId } from 'react';
import { languages, useI18n, type Language } from './i18n';

/** Picks the UI language; the choice is remembered in this browser. */
export function LanguageSwitch() {
  const { t, language, setLanguage } = useI18n();
  const id = useId();
  return (
    <span className="inline-field">
      <label htmlFor={id} className="visually-hidden">
        {t('app.language')}
      </label>
      <select id={id} className="select--compact" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
        {languages.map((option) => (
          <option key={option.code} value={option.code} lang={option.code}>
            {option.label}
          </option>
        ))}
      </select>
    </span>
  );
}
