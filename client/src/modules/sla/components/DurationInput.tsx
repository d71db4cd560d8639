import { Group, Input, NumberInput } from '@mantine/core';
import { useI18n } from '../../../app/i18n';

interface DurationInputProps {
  label: string;
  /** Total minutes. */
  value: number;
  onChange: (minutes: number) => void;
  error?: string;
  description?: string;
}

const MAX_HOURS = 8760;

/** A duration entered as hours and minutes, kept as total minutes. */
export function DurationInput({ label, value, onChange, error, description }: DurationInputProps) {
  const { t } = useI18n();
  const hours = Math.floor(value / 60);
  const minutes = value % 60;
  const toNumber = (input: string | number) => (typeof input === 'number' ? input : Number.parseInt(input, 10) || 0);
  return (
    <Input.Wrapper label={label} error={error} description={description} required>
      <Group gap="xs" wrap="nowrap" mt={4}>
        <NumberInput
          aria-label={`${label}: ${t('sla.hours')}`}
          rightSection={t('sla.hoursShort')}
          rightSectionWidth={36}
          min={0}
          max={MAX_HOURS}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="strict"
          value={hours}
          onChange={(next) => onChange(toNumber(next) * 60 + minutes)}
          error={!!error}
          w={120}
        />
        <NumberInput
          aria-label={`${label}: ${t('sla.minutes')}`}
          rightSection={t('sla.minutesShort')}
          rightSectionWidth={36}
          min={0}
          max={59}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="strict"
          value={minutes}
          onChange={(next) => onChange(hours * 60 + toNumber(next))}
          error={!!error}
          w={100}
        />
      </Group>
    </Input.Wrapper>
  );
}
