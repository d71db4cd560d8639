import { TagsInput } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { normalizeTag, normalizeTags } from '../validation';

interface TagFieldProps {
  label: string;
  value: readonly string[];
  onChange: (tags: string[]) => void;
  error?: string;
  disabled?: boolean;
  /** Tags offered as you type (the workspace's preset tags); any other tag may still be typed. */
  suggestions?: readonly string[];
  /** Replaces the hint under the label. */
  description?: string;
}

/** Tags, normalised as they are typed ("Urgent Thing" becomes `urgent-thing`). */
export function TagField({ label, value, onChange, error, disabled, suggestions = [], description }: TagFieldProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  return (
    <TagsInput
      label={label}
      description={description ?? t('ticket.tagsHint')}
      data={[...suggestions]}
      value={[...value]}
      disabled={disabled}
      searchValue={search}
      onSearchChange={(typed) => setSearch(normalizeTag(typed))}
      onChange={(tags) => onChange(normalizeTags(tags))}
      error={error}
      clearable
      data-testid="tag-field"
    />
  );
}
