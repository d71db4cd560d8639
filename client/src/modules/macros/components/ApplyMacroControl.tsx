import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { describeError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { plural } from '../../../app/plural';
import { useViewer } from '../../../app/viewer';
import { ApplyMacroDocument, MacrosDocument } from '../../../generated/graphql';

/** Choose a macro and apply it to these tickets in one step (all or nothing). Shown only to those holding macros.manage. */
export function ApplyMacroControl({ ticketIds, onApplied }: { ticketIds: readonly string[]; onApplied?: () => void }) {
  return useViewer().can('macros.manage') ? <ApplyMacroControlInner ticketIds={ticketIds} onApplied={onApplied} /> : null;
}

function ApplyMacroControlInner({ ticketIds, onApplied }: { ticketIds: readonly string[]; onApplied?: () => void }) {
  const { t } = useI18n();
  const { data } = useQuery(MacrosDocument);
  const [macroId, setMacroId] = useState<string | null>(null);
  const [apply, { loading }] = useMutation(ApplyMacroDocument);
  const macros = data?.macros ?? [];
  const chosen = macros.find((m) => m.id === macroId);

  const onApply = async () => {
    if (!chosen) return;
    try {
      await apply({ variables: { input: { macroId: chosen.id, ticketIds: [...ticketIds] } } });
      notifications.show({
        color: 'green',
        message: t('macros.applied', { name: chosen.name, tickets: plural(t, 'tickets', ticketIds.length) }),
        closeButtonProps: { 'aria-label': t('productivity.dismiss') },
      });
      setMacroId(null);
      onApplied?.();
    } catch (error) {
      notifications.show({ color: 'red', message: t('macros.failed', { reason: describeError(error, t) }), closeButtonProps: { 'aria-label': t('productivity.dismiss') } });
    }
  };

  return (
    <Group gap="xs" align="flex-end" wrap="wrap" data-testid="apply-macro">
      <Select
        label={t('macros.choose')}
        placeholder={t('macros.choosePlaceholder')}
        w={210}
        value={macroId}
        onChange={setMacroId}
        data={macros.map((m) => ({ value: m.id, label: m.name }))}
        data-testid="macro-select"
      />
      <Button variant="light" onClick={() => void onApply()} loading={loading} disabled={!chosen || ticketIds.length === 0} data-testid="macro-apply">
        {t('macros.apply')}
      </Button>
    </Group>
  );
}
