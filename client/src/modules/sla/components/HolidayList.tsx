import { Button, CloseButton, Group, Input, Paper, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { formatHoliday } from '../business-hours';

interface HolidayListProps {
  holidays: string[];
  onChange: (holidays: string[]) => void;
  error?: string;
}

/** Local dates without business hours: a sorted list, one date added at a time. */
export function HolidayList({ holidays, onChange, error }: HolidayListProps) {
  const { t, locale } = useI18n();
  const [date, setDate] = useState('');
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);

  const add = () => {
    if (!valid) return;
    onChange([...new Set([...holidays, date])].sort());
    setDate('');
  };

  return (
    <Input.Wrapper label={t('businessHours.holidays')} description={t('businessHours.holidaysHint')} error={error}>
      <Group gap="xs" mt={6} align="flex-end">
        <TextInput
          type="date"
          aria-label={t('businessHours.holidayDate')}
          value={date}
          w={180}
          onChange={(e) => setDate(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <Button variant="light" disabled={!valid} onClick={add}>
          {t('businessHours.addHoliday')}
        </Button>
      </Group>
      {holidays.length === 0 ? (
        <Text size="sm" c="dimmed" mt={6}>
          {t('businessHours.noHolidays')}
        </Text>
      ) : (
        <Group gap={6} mt={8} data-testid="holiday-list">
          {holidays.map((holiday) => (
            <Paper key={holiday} withBorder radius="xl" px="sm" py={2} data-holiday={holiday}>
              <Group gap={4} wrap="nowrap">
                <Text size="sm">{formatHoliday(holiday, locale)}</Text>
                <CloseButton size="sm" aria-label={t('businessHours.removeHoliday', { date: formatHoliday(holiday, locale) })} onClick={() => onChange(holidays.filter((h) => h !== holiday))} />
              </Group>
            </Paper>
          ))}
        </Group>
      )}
    </Input.Wrapper>
  );
}
