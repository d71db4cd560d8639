import { useQuery } from '@apollo/client/react';
import { Select } from '@mantine/core';
import { useState } from 'react';
import { useDebounced } from '../../../app/hooks';
import { useI18n } from '../../../app/i18n';
import { CustomersDocument } from '../../../generated/graphql';

interface CustomerSelectProps {
  value: string | null;
  onChange: (customerId: string | null) => void;
  error?: string;
}

/** Admins pick the customer a ticket is for (searching by name or email). */
export function CustomerSelect({ value, onChange, error }: CustomerSelectProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search, 250);
  const { data, loading, error: loadError } = useQuery(CustomersDocument, { variables: { search: debounced.trim() || null } });
  const [known, setKnown] = useState<Record<string, string>>({});
  const options = (data?.users.edges ?? []).map(({ node }) => ({ value: node.id, label: `${node.name} <${node.email}>` }));
  // Keep the chosen customer's label when a later search no longer lists them.
  if (value && known[value] && !options.some((option) => option.value === value)) options.unshift({ value, label: known[value] });

  return (
    <Select
      label={t('newTicket.customer')}
      placeholder={t('newTicket.customerPlaceholder')}
      required
      searchable
      clearable
      nothingFoundMessage={loading ? t('app.loading') : t('list.empty')}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id, option) => {
        if (id && option) setKnown((current) => ({ ...current, [id]: option.label }));
        onChange(id);
      }}
      data={options}
      error={error ?? (loadError ? loadError.message : undefined)}
      filter={({ options: all }) => all}
    />
  );
}
