import { Badge, Group, Stack, Text } from '@mantine/core';
import { formatDateTime } from '../../../app/format';
import { useNow } from '../../../app/hooks';
import { useI18n } from '../../../app/i18n';
import { SlaState, type SlaClockFieldsFragment, type TicketSlaFieldsFragment, type TicketStatus } from '../../../generated/graphql';
import { countdownText, SLA_COLORS, viewClock, type SlaClockName } from '../sla-clock';

interface SlaDetailsProps {
  ticket: TicketSlaFieldsFragment & { status: TicketStatus };
}

/** Both SLA clocks of a ticket (state, due time, live countdown) and its escalation level. */
export function SlaDetails({ ticket }: SlaDetailsProps) {
  const { t } = useI18n();
  const now = useNow(30_000);
  const sla = ticket.sla;
  return (
    <Stack gap={6} data-testid="sla-details">
      <Group justify="space-between" wrap="nowrap">
        <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
          {t('sla.title')}
        </Text>
        {ticket.escalationLevel > 0 && (
          <Badge color="red" variant="light" size="sm" tt="none" data-testid="escalation-level">
            {t('sla.escalationLevel', { level: ticket.escalationLevel })}
          </Badge>
        )}
      </Group>
      {!sla || (!sla.firstResponse && !sla.resolution) ? (
        <Text size="sm" c="dimmed">
          {t('sla.none')}
        </Text>
      ) : (
        <>
          {sla.firstResponse && <ClockRow name="firstResponse" clock={sla.firstResponse} status={ticket.status} now={now} />}
          {sla.resolution && <ClockRow name="resolution" clock={sla.resolution} status={ticket.status} now={now} />}
          <Text size="xs" c="dimmed">
            {sla.businessHours ? t('sla.countsBusinessHours') : t('sla.countsAllHours')}
          </Text>
        </>
      )}
    </Stack>
  );
}

function ClockRow({ name, clock, status, now }: { name: SlaClockName; clock: SlaClockFieldsFragment; status: TicketStatus; now: number }) {
  const { t, locale } = useI18n();
  const view = viewClock(clock, name, status, now);
  return (
    <div data-testid={`sla-clock-${name}`} data-sla-state={view.state}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm">{t(`sla.clock.${name}`)}</Text>
        <Badge color={SLA_COLORS[view.state]} variant={view.state === SlaState.Breached ? 'filled' : 'light'} size="sm" tt="none">
          {t(`sla.state.${view.state}`)}
        </Badge>
      </Group>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="xs" c="dimmed">
          {t('sla.due', { time: formatDateTime(clock.dueAt, locale) })}
        </Text>
        {view.remainingMs !== null && (
          <Text size="xs" fw={600} c={view.remainingMs <= 0 ? 'red.9' : undefined}>
            {countdownText(view, t)}
          </Text>
        )}
      </Group>
    </div>
  );
}
