import { Button, Group, MultiSelect, SegmentedControl, Select, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useDebounced } from '../../../app/hooks';
import { useI18n } from '../../../app/i18n';
import { SlaFilterState, TicketCategory, TicketPriority, type TicketStatus } from '../../../generated/graphql';
import { STATUSES } from '../transitions';
import { useTicketFilters } from '../hooks/useTicketFilters';
import { hasFilters } from '../ticket-params';

/** Assignee, (list: status,) priority, category, SLA, tag and text filters; every change lands in the URL. */
export function FilterBar({ withStatus = false }: { withStatus?: boolean }) {
  const { t } = useI18n();
  const { filters, setFilter, clear } = useTicketFilters();
  const [text, setText] = useState(filters.text);
  const [tag, setTag] = useState(filters.tag);
  const debouncedText = useDebounced(text, 300);
  const debouncedTag = useDebounced(tag, 300);

  // Typing updates the URL after a pause; a URL change (back button, clear) updates the boxes.
  useEffect(() => {
    if (debouncedText !== filters.text) setFilter('text', debouncedText);
  }, [debouncedText]);
  useEffect(() => {
    if (debouncedTag.trim() !== filters.tag) setFilter('tag', debouncedTag.trim());
  }, [debouncedTag]);
  useEffect(() => setText(filters.text), [filters.text]);
  useEffect(() => setTag(filters.tag), [filters.tag]);

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid="filter-bar">
      <div>
        <label className="filter-label" id="filter-assignee">
          {t('filters.assignee')}
        </label>
        <SegmentedControl
          aria-labelledby="filter-assignee"
          size="sm"
          value={filters.assignee}
          onChange={(value) => setFilter('assignee', value as typeof filters.assignee)}
          data={[
            { value: 'anyone', label: t('filters.anyone') },
            { value: 'me', label: t('filters.me') },
            { value: 'unassigned', label: t('filters.unassigned') },
          ]}
        />
      </div>
      {withStatus && (
        <MultiSelect
          label={t('filters.status')}
          placeholder={filters.status.length === 0 ? t('filters.any') : undefined}
          miw={200}
          maw={360}
          clearable
          value={filters.status}
          onChange={(value) => setFilter('status', value as TicketStatus[])}
          data={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          data-testid="status-filter"
        />
      )}
      <Select
        label={t('filters.priority')}
        placeholder={t('filters.any')}
        w={140}
        clearable
        value={filters.priority}
        onChange={(value) => setFilter('priority', value as TicketPriority | null)}
        data={Object.values(TicketPriority).map((p) => ({ value: p, label: t(`priority.${p}`) }))}
      />
      <Select
        label={t('filters.category')}
        placeholder={t('filters.any')}
        w={150}
        clearable
        value={filters.category}
        onChange={(value) => setFilter('category', value as TicketCategory | null)}
        data={Object.values(TicketCategory).map((c) => ({ value: c, label: t(`category.${c}`) }))}
      />
      <Select
        label={t('sla.filter')}
        placeholder={t('filters.any')}
        w={130}
        clearable
        value={filters.sla}
        onChange={(value) => setFilter('sla', value as SlaFilterState | null)}
        data={[
          { value: SlaFilterState.AtRisk, label: t('sla.filterAtRisk') },
          { value: SlaFilterState.Breached, label: t('sla.filterBreached') },
        ]}
      />
      <TextInput label={t('filters.tag')} w={130} value={tag} onChange={(e) => setTag(e.currentTarget.value)} />
      <TextInput
        label={t('filters.text')}
        placeholder={t('filters.textPlaceholder')}
        w={220}
        type="search"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      {hasFilters(filters) && (
        <Button variant="subtle" onClick={clear}>
          {t('filters.clear')}
        </Button>
      )}
    </Group>
  );
}
