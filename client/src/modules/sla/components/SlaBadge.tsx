import { Badge, type MantineSize } from '@mantine/core';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { SlaState } from '../../../generated/graphql';
import { ClockIcon } from './ClockIcon';
import { countdownText, SLA_COLORS, ticketSlaView, type SlaTicket } from '../sla-clock';

interface SlaBadgeProps {
  ticket: SlaTicket;
  /** The current time (the page ticks it every 30 s). */
  now: number;
  /** Cards hide met clocks: nothing left to watch. */
  hideMet?: boolean;
  size?: MantineSize;
}

/** The most urgent SLA clock of a ticket: its state as a color and a live countdown. */
export function SlaBadge({ ticket, now, hideMet = true, size = 'sm' }: SlaBadgeProps) {
  const { t, locale } = useI18n();
  const view = ticketSlaView(ticket, now);
  if (!view || (hideMet && view.state === SlaState.Met)) return null;
  const text = countdownText(view, t);
  const label = t('sla.badgeLabel', {
    clock: t(`sla.clock.${view.name}`),
    state: t(`sla.state.${view.state}`),
    due: formatDateTime(view.clock.dueAt, locale),
  });
  return (
    <Badge
      size={size}
      tt="none"
      color={SLA_COLORS[view.state]}
      variant={view.state === SlaState.Breached ? 'filled' : 'light'}
      title={label}
      aria-label={`${label}: ${text}`}
      data-testid="sla-badge"
      className="badge-fixed"
      data-sla-state={view.state}
      data-sla-clock={view.name}
      leftSection={<ClockIcon size={size === 'xs' ? 10 : 12} />}
      // The icon has no text baseline: align the badge by its middle, like the text around it.
      style={{ verticalAlign: 'middle' }}
    >
      {text}
    </Badge>
  );
}
