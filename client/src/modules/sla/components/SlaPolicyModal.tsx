import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Modal, Select, Stack, Switch } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { describeError, fieldErrorsOf } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { TicketCategory, TicketPriority, SetSlaPolicyDocument, type SlaPolicyFieldsFragment } from '../../../generated/graphql';
import { addPolicyToList, forgetTicketSlaData } from '../sla-cache';
import { DurationInput } from './DurationInput';

const FORM_FIELDS = ['category', 'priority', 'firstResponseMinutes', 'resolutionMinutes', 'businessHours'];
const ANY = 'ANY';

interface SlaPolicyModalProps {
  /** The policy to edit; null to create one. */
  policy: SlaPolicyFieldsFragment | null;
  /** Existing policies, to warn before one is replaced. */
  policies: readonly SlaPolicyFieldsFragment[];
  opened: boolean;
  onClose: () => void;
}

/** Creates or edits an SLA policy: category, priority (or any), both targets, and how time counts. */
export function SlaPolicyModal({ policy, policies, opened, onClose }: SlaPolicyModalProps) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={policy ? t('slaSettings.editPolicy') : t('slaSettings.addPolicy')} size="lg">
      {/* Remounted per opening, so the form starts from the policy each time. */}
      {opened && <PolicyForm policy={policy} policies={policies} onDone={onClose} />}
    </Modal>
  );
}

function PolicyForm({ policy, policies, onDone }: { policy: SlaPolicyFieldsFragment | null; policies: readonly SlaPolicyFieldsFragment[]; onDone: () => void }) {
  const { t } = useI18n();
  const [category, setCategory] = useState<TicketCategory | null>(policy?.category ?? null);
  const [priority, setPriority] = useState<string>(policy?.priority ?? ANY);
  const [firstResponse, setFirstResponse] = useState(policy?.firstResponseMinutes ?? 240);
  const [resolution, setResolution] = useState(policy?.resolutionMinutes ?? 1440);
  const [businessHours, setBusinessHours] = useState(policy?.businessHours ?? true);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [save, { loading }] = useMutation(SetSlaPolicyDocument);

  const fieldError = (field: string) => fieldErrors[field]?.join(', ');
  const replaces = !policy && !!category && policies.some((p) => p.category === category && (p.priority ?? ANY) === priority);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    if (!category) return setFieldErrors({ category: [t('common.required')] });
    setFieldErrors({});
    try {
      await save({
        variables: {
          input: {
            category,
            priority: priority === ANY ? null : (priority as TicketPriority),
            firstResponseMinutes: firstResponse,
            resolutionMinutes: resolution,
            businessHours,
          },
        },
        update: (cache, { data }) => {
          if (data) addPolicyToList(cache, data.setSlaPolicy);
          forgetTicketSlaData(cache);
        },
      });
      notifications.show({ color: 'green', message: t('slaSettings.policySaved') });
      onDone();
    } catch (caught) {
      const fields = fieldErrorsOf(caught);
      setFieldErrors(fields);
      const placed = Object.keys(fields).length > 0 && Object.keys(fields).every((field) => FORM_FIELDS.includes(field));
      setError(placed ? t('common.fixErrors') : describeError(caught, t));
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="sla-policy-form">
      <Stack gap="sm">
        <Group grow align="flex-start">
          <Select
            label={t('slaSettings.category')}
            placeholder={t('slaSettings.categoryPlaceholder')}
            required
            disabled={!!policy}
            value={category}
            onChange={(value) => setCategory(value as TicketCategory | null)}
            data={Object.values(TicketCategory).map((c) => ({ value: c, label: t(`category.${c}`) }))}
            error={fieldError('category')}
          />
          <Select
            label={t('slaSettings.priority')}
            disabled={!!policy}
            allowDeselect={false}
            value={priority}
            onChange={(value) => value && setPriority(value)}
            data={[{ value: ANY, label: t('slaSettings.anyPriority') }, ...Object.values(TicketPriority).map((p) => ({ value: p, label: t(`priority.${p}`) }))]}
            error={fieldError('priority')}
          />
        </Group>
        {replaces && (
          <Alert color="yellow" data-testid="sla-policy-replaces">
            {t('slaSettings.replacesExisting')}
          </Alert>
        )}
        <DurationInput label={t('slaSettings.firstResponse')} value={firstResponse} onChange={setFirstResponse} error={fieldError('firstResponseMinutes')} />
        <DurationInput
          label={t('slaSettings.resolution')}
          value={resolution}
          onChange={setResolution}
          error={fieldError('resolutionMinutes')}
          description={t('slaSettings.resolutionHint')}
        />
        <Switch
          label={t('slaSettings.businessHours')}
          description={t('slaSettings.businessHoursHint')}
          checked={businessHours}
          onChange={(event) => setBusinessHours(event.currentTarget.checked)}
          error={fieldError('businessHours')}
        />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={loading}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
