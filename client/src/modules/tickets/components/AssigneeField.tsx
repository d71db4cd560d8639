import { useQuery } from '@apollo/client/react';
import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useI18n } from '../../../app/i18n';
import { useViewer } from '../../../app/viewer';
import { TicketPermissionsDocument, type TicketDetailFragment } from '../../../generated/graphql';
import { PersonAvatar } from '../../presence/components/PersonAvatar';
import { useAgents } from '../../presence/hooks/usePresence';
import { useEffect, useRef } from 'react';
import { useTicketActions } from '../hooks/useTicketActions';

const UNASSIGNED = '__unassigned__';

/**
 * Whether the viewer may hand the ticket off, as the API says (Ticket.viewerCanAssign): asked
 * again whenever the ticket changes hands, since the answer depends on who holds it.
 */
function useMayAssign(ticket: TicketDetailFragment): boolean {
  const { data, refetch } = useQuery(TicketPermissionsDocument, { variables: { id: ticket.id }, fetchPolicy: 'cache-and-network' });
  const holder = ticket.assignee?.id ?? null;
  const seen = useRef(holder);
  useEffect(() => {
    if (seen.current === holder) return;
    seen.current = holder;
    void refetch().catch(() => undefined);
  }, [holder, refetch]);
  return data?.ticket?.viewerCanAssign ?? false;
}

/** The assignee, with a picker for whoever may hand the ticket off, "Release to queue", and claiming. */
export function AssigneeField({ ticket }: { ticket: TicketDetailFragment }) {
  const { t } = useI18n();
  const viewer = useViewer();
  const { agents } = useAgents();
  const { assign, claim, busy } = useTicketActions(ticket);
  const mayAssign = useMayAssign(ticket);

  const claimButton = ticket.viewerCanClaim && (
    <Button size="xs" variant="outline" loading={busy} onClick={() => void claim()} data-testid="claim-button">
      {t('ticket.claim')}
    </Button>
  );
  const releaseButton = ticket.assignee && mayAssign && (
    <Button size="xs" variant="outline" loading={busy} onClick={() => void assign(null)} data-testid="release-button">
      {t('handoff.release')}
    </Button>
  );

  if (mayAssign) {
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
