import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useI18n } from '../../../app/i18n';
import { useViewer } from '../../../app/viewer';
import type { TicketDetailFragment } from '../../../generated/graphql';
import { PersonAvatar } from '../../presence/components/PersonAvatar';
import { useAgents } from '../../presence/hooks/usePresence';
import { useTicketActions } from '../hooks/useTicketActions';

const UNASSIGNED = '__unassigned__';

/** Admins assign any agent; agents see the assignee and claim unassigned tickets. */
export function AssigneeField({ ticket }: { ticket: TicketDetailFragment }) {
  const { t } = useI18n();
  const viewer = useViewer();
  const { agents } = useAgents();
  const { assign, claim, busy } = useTicketActions(ticket);

  const claimButton = !ticket.assignee && (
    <Button size="xs" variant="light" loading={busy} onClick={() => void claim()} data-testid="claim-button">
      {t('ticket.claim')}
    </Button>
  );

  if (viewer.isAdmin) {
    const options = agents.map((agent) => ({ value: agent.user.id, label: `${agent.user.name} · ${t(`presence.${agent.status}`)}` }));
    if (ticket.assignee && !options.some((option) => option.value === ticket.assignee?.id)) {
      options.push({ value: ticket.assignee.id, label: ticket.assignee.name });
    }
    return (
      <Stack gap={4}>
        <Select
          label={t('ticket.assignee')}
          value={ticket.assignee?.id ?? UNASSIGNED}
          allowDeselect={false}
          disabled={busy}
          searchable
          data={[{ value: UNASSIGNED, label: t('ticket.unassigned') }, ...options]}
          leftSection={ticket.assignee ? <PersonAvatar person={ticket.assignee} size="xs" /> : undefined}
          onChange={(value) => {
            const agentId = value === UNASSIGNED ? null : value;
            if (agentId !== (ticket.assignee?.id ?? null)) void assign(agentId);
          }}
        />
        {claimButton}
      </Stack>
    );
  }

  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('ticket.assignee')}
      </Text>
      <Group justify="space-between" wrap="nowrap">
        {ticket.assignee ? (
          <Group gap={6} wrap="nowrap">
            <PersonAvatar person={ticket.assignee} size="sm" />
            <Text size="sm">{ticket.assignee.name}</Text>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('ticket.unassigned')}
          </Text>
        )}
        {claimButton}
      </Group>
    </Stack>
  );
}
