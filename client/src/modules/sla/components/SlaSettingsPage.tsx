import { useQuery } from '@apollo/client/react';
import { Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { SettingsCard } from '../../../app/ui/SettingsCard';
import { SlaSettingsDocument, type SlaPolicyFieldsFragment } from '../../../generated/graphql';
import { BusinessHoursForm } from './BusinessHoursForm';
import { SlaPolicyModal } from './SlaPolicyModal';
import { SlaPolicyTable } from './SlaPolicyTable';

/** Admins: SLA policies per category and priority, and the business hours clocks may count in. */
export function SlaSettingsPage() {
  const { t } = useI18n();
  const { data, loading, error, refetch } = useQuery(SlaSettingsDocument, { notifyOnNetworkStatusChange: true });
  // null: closed; 'new': creating; a policy: editing it.
  const [editing, setEditing] = useState<SlaPolicyFieldsFragment | 'new' | null>(null);

  const policies = data?.slaPolicies ?? [];
  const calendar = data?.businessCalendar;
  return (
    <Stack gap="lg">
      <SettingsCard
        title={t('slaSettings.policies')}
        intro={t('slaSettings.intro')}
        action={<Button onClick={() => setEditing('new')}>{t('slaSettings.addPolicy')}</Button>}
        loading={!data && (loading || !error)}
        skeletonRows={4}
        error={data ? undefined : error}
        onRetry={() => void refetch()}
        empty={!!data && policies.length === 0}
        emptyText={<span data-testid="sla-policies-empty">{t('slaSettings.empty')}</span>}
      >
        {data && <SlaPolicyTable policies={policies} onEdit={setEditing} />}
      </SettingsCard>
      {/* Saved hours come back from the API: a new form then starts from them. */}
      {calendar && <BusinessHoursForm key={JSON.stringify(calendar)} calendar={calendar} />}
      <SlaPolicyModal
        opened={editing !== null}
        policy={editing === 'new' ? null : editing}
        policies={policies}
        onClose={() => setEditing(null)}
      />
    </Stack>
  );
}
