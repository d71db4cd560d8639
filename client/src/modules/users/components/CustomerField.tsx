import { SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useI18n } from '../../../app/i18n';
import { CustomerSelect } from './CustomerSelect';

/** Whom a ticket opened by staff is for: an existing customer, or a new one added with the ticket. */
export type CustomerChoice = { mode: 'existing'; customerId: string | null } | { mode: 'new'; name: string; email: string };

interface CustomerFieldProps {
  value: CustomerChoice;
  onChange: (value: CustomerChoice) => void;
  fieldError: (field: string) => string | undefined;
}

export function CustomerField({ value, onChange, fieldError }: CustomerFieldProps) {
  const { t } = useI18n();
  return (
    <Stack gap="xs">
      <SegmentedControl
        aria-label={t('newTicket.customer')}
        value={value.mode}
        onChange={(mode) => onChange(mode === 'new' ? { mode: 'new', name: '', email: '' } : { mode: 'existing', customerId: null })}
        data={[
          { value: 'existing', label: t('newTicket.existingCustomer') },
          { value: 'new', label: t('newTicket.newCustomer') },
        ]}
        data-testid="customer-mode"
      />
      {value.mode === 'existing' ? (
        <CustomerSelect
          value={value.customerId}
          onChange={(customerId) => onChange({ mode: 'existing', customerId })}
          error={fieldError('customerId')}
        />
      ) : (
        <>
          <TextInput
            label={t('newTicket.customerName')}
            required
            value={value.name}
            onChange={(e) => onChange({ ...value, name: e.currentTarget.value })}
            error={fieldError('newCustomer.name')}
          />
          <TextInput
            label={t('newTicket.customerEmail')}
            type="email"
            required
            value={value.email}
            onChange={(e) => onChange({ ...value, email: e.currentTarget.value })}
            error={fieldError('newCustomer.email')}
          />
        </>
      )}
    </Stack>
  );
}
