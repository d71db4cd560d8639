import { useMutation } from '@apollo/client/react';
import { Badge, Button, Group, Popover, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { describeError } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { useI18n, type Translate } from '../../../app/i18n';
import { TicketCategory, TicketPriority, DeleteSlaPolicyDocument, type SlaPolicyFieldsFragment } from '../../../generated/graphql';
import { forgetTicketSlaData, removePolicyFromList } from '../sla-cache';
import { formatDuration } from '../sla-clock';

const CATEGORY_ORDER = Object.values(TicketCategory);
const PRIORITY_ORDER: Array<TicketPriority | null> = [TicketPriority.High, TicketPriority.Medium, TicketPriority.Low, null];

/** Policies by category, then the specific priorities before "any". */
export function sortPolicies(policies: readonly SlaPolicyFieldsFragment[]): SlaPolicyFieldsFragment[] {
  return [...policies].sort(
    (a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) || PRIORITY_ORDER.indexOf(a.priority) - PRIORITY_ORDER.indexOf(b.priority),
  );
}

const minutesText = (minutes: number, t: Translate) => formatDuration(minutes * 60_000, t);

interface SlaPolicyTableProps {
  policies: readonly SlaPolicyFieldsFragment[];
  onEdit: (policy: SlaPolicyFieldsFragment) => void;
}

export function SlaPolicyTable({ policies, onEdit }: SlaPolicyTableProps) {
  const { t, locale } = useI18n();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" highlightOnHover data-testid="sla-policy-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('slaSettings.category')}</Table.Th>
            <Table.Th>{t('slaSettings.priority')}</Table.Th>
            <Table.Th>{t('slaSettings.firstResponse')}</Table.Th>
            <Table.Th>{t('slaSettings.resolution')}</Table.Th>
            <Table.Th>{t('slaSettings.counts')}</Table.Th>
            <Table.Th>{t('slaSettings.updated')}</Table.Th>
            <Table.Th aria-label={t('common.actions')} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sortPolicies(policies).map((policy) => (
            <Table.Tr key={policy.id} data-testid="sla-policy-row" data-category={policy.category} data-priority={policy.priority ?? 'ANY'}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {t(`category.${policy.category}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                {policy.priority ? (
                  <Text size="sm">{t(`priority.${policy.priority}`)}</Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('slaSettings.anyPriority')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{minutesText(policy.firstResponseMinutes, t)}</Table.Td>
              <Table.Td>{minutesText(policy.resolutionMinutes, t)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={policy.businessHours ? 'indigo' : 'gray'} tt="none">
                  {policy.businessHours ? t('slaSettings.businessHoursShort') : t('slaSettings.allHoursShort')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {formatDateTime(policy.updatedAt, locale)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Button size="compact-sm" variant="subtle" onClick={() => onEdit(policy)}>
                    {t('common.edit')}
                  </Button>
                  <DeletePolicyButton policy={policy} />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DeletePolicyButton({ policy }: { policy: SlaPolicyFieldsFragment }) {
  const { t } = useI18n();
  const [opened, setOpened] = useState(false);
  const [remove, { loading }] = useMutation(DeleteSlaPolicyDocument);
  const name = `${t(`category.${policy.category}`)} · ${policy.priority ? t(`priority.${policy.priority}`) : t('slaSettings.anyPriority')}`;

  const onConfirm = async () => {
    try {
      await remove({
        variables: { id: policy.id },
        update: (cache) => {
          removePolicyFromList(cache, policy.id);
          forgetTicketSlaData(cache);
        },
      });
      setOpened(false);
      notifications.show({ color: 'green', message: t('slaSettings.policyDeleted', { name }) });
    } catch (error) {
      notifications.show({ color: 'red', message: describeError(error, t) });
    }
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" withArrow trapFocus>
      <Popover.Target>
        <Button size="compact-sm" variant="subtle" color="red" onClick={() => setOpened((o) => !o)}>
          {t('common.delete')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown maw={280}>
        <Text size="sm" mb="sm">
          {t('slaSettings.deleteConfirm', { name })}
        </Text>
        <Group justify="flex-end">
          <Button size="xs" variant="default" onClick={() => setOpened(false)}>
            {t('common.cancel')}
          </Button>
          <Button size="xs" color="red" loading={loading} onClick={() => void onConfirm()}>
            {t('common.delete')}
          </Button>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
