import { SegmentedControl, Tooltip } from '@mantine/core';
import { languages, useI18n, type Language } from '../i18n';

/** Picks the UI language at runtime; the choice is remembered in this browser. */
export function LanguageSwitch({ fullWidth = false }: { fullWidth?: boolean }) {
  const { t, language, setLanguage } = useI18n();
  return (
    <Tooltip label={t('app.language')}>
      <SegmentedControl
        size="xs"
        fullWidth={fullWidth}
        aria-label={t('app.language')}
        value={language}
        onChange={(value) => setLanguage(value as Language)}
        data={languages.map((option) => ({ value: option.code, label: fullWidth ? option.label : option.code.toUpperCase() }))}
      />
    </Tooltip>
  );
}
