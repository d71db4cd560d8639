import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useI18n } from '../../../app/i18n';
import { useViewer, type Viewer } from '../../../app/viewer';
import type { TicketDetailFragment } from '../../../generated/graphql';
import { PersonAvatar } from '../../presence/components/PersonAvatar';
import { useAgents } from '../../presence/hooks/usePresence';
import { useTicketActions } from '../hooks/useTicketActions';

const UNASSIGNED = '__unassigned__';

/**
 * Who may hand the ticket off: admins always, agents when they hold it or nobody does. The API
 * decides (ticket.policy.ts canAssign); this only chooses which controls to show.
 */
function mayAssign(viewer: Viewer, ticket: TicketDetailFragment): boolean {
  return viewer.isAdmin || (viewer.isStaff && (!ticket.assignee || ticket.assignee.id === viewer.userId));
}

/** The assignee, with a picker for whoever may hand the ticket off, "Release to queue", and claiming. */
export function AssigneeField({ ticket }: { ticket: TicketDetailFragment }) {
  const { t } = useI18n();
  const viewer = useViewer();
  const { agents } = useAgents();
  const { assign, claim, busy } = useTicketActions(ticket);

  const claimButton = !ticket.assignee && (
    <Button size="xs" variant="outline" loading={busy} onClick={() => void claim()} data-testid="claim-button">
      {t('ticket.claim')}
    </Button>
  );
  const releaseButton = ticket.assignee && mayAssign(viewer, ticket) && (
    <Button size="xs" variant="outline" loading={busy} onClick={() => void assign(null)} data-testid="release-button">
      {t('handoff.release')}
    </Button>
  );

  if (mayAssign(viewer, ticket)) {
    const options = agents.map((agent) => ({ value: agent.user.id, label: `${agent.user.name} · ${t(`presence.${agent.status}`)}` }));
    if (ticket.assignee && !options.some((option) => option.value === ticket.assignee?.id)) {
      options.push({ value: ticket.assignee.id, label: ticket.assignee.name });
    }
    return (
      <Stack gap={4} data-testid="assignee-field">
        <Select
          label={viewer.isAdmin ? t('ticket.assignee') : t('handoff.assignTo')}
          value={ticket.assignee?.id ?? UNASSIGNED}
          allowDeselect={false}
          disabled={busy}
          searchable
          data={[{ value: UNASSIGNED, label: t('ticket.unassigned') }, ...options]}
          leftSection={ticket.assignee ? <PersonAvatar person={ticket.assignee} size="xs" /> : undefined}
          data-testid="assignee-select"
          onChange={(value) => {
            const agentId = value === UNASSIGNED ? null : value;
            if (agentId !== (ticket.assignee?.id ?? null)) void assign(agentId);
          }}
        />
        <Group gap="xs">
          {claimButton}
          {releaseButton}
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap={4} data-testid="assignee-field">
      <Text size="sm" fw={500}>
        {t('ticket.assignee')}
      </Text>
      <Group justify="space-between" wrap="nowrap">
        {ticket.assignee ? (
          <Group gap={6} wrap="nowrap">
            <PersonAvatar person={ticket.assignee} size="sm" />
            <Text size="sm" data-testid="assignee-name">
              {ticket.assignee.name}
            </Text>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('ticket.unassigned')}
          </Text>
        )}
        {claimButton}
      </Group>
      {ticket.assignee && (
        <Text size="xs" c="dimmed">
          {t('handoff.heldBy', { name: ticket.assignee.name })}
        </Text>
      )}
    </Stack>
  );
}
