import { useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { describeError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
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

  if (!data) {
    if (error && !loading) {
      return (
        <Stack align="flex-start">
          <Alert color="red" role="alert">
            {describeError(error, t)}
          </Alert>
          <Button onClick={() => void refetch()}>{t('error.retry')}</Button>
        </Stack>
      );
    }
    return (
      <Stack aria-busy="true" aria-label={t('app.loading')}>
        <Skeleton height={160} radius="md" />
        <Skeleton height={360} radius="md" />
      </Stack>
    );
  }

  const policies = data.slaPolicies;
  const calendar = data.businessCalendar;
  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" align="flex-start" mb="sm">
          <div>
            <Title order={2} size="h4">
              {t('slaSettings.policies')}
            </Title>
            <Text size="sm" c="dimmed" maw={640}>
              {t('slaSettings.intro')}
            </Text>
          </div>
          <Button onClick={() => setEditing('new')}>{t('slaSettings.addPolicy')}</Button>
        </Group>
        {policies.length === 0 ? (
          <Text c="dimmed" ta="center" py="lg" data-testid="sla-policies-empty">
            {t('slaSettings.empty')}
          </Text>
        ) : (
          <SlaPolicyTable policies={policies} onEdit={setEditing} />
        )}
      </Paper>
      {/* Saved hours come back from the API: a new form then starts from them. */}
      <BusinessHoursForm key={JSON.stringify(calendar)} calendar={calendar} />
      <SlaPolicyModal
        opened={editing !== null}
        policy={editing === 'new' ? null : editing}
        policies={policies}
        onClose={() => setEditing(null)}
      />
    </Stack>
  );
}
