import { useQuery, useSubscription } from '@apollo/client/react';
import { Alert, Badge, Card, Grid, Group, Stack, Switch, Text, Title, UnstyledButton } from '@mantine/core';
import { useCallback, useState } from 'react';
import { describeError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useViewer } from '../../../app/viewer';
import { ChatInboxEventsDocument, ChatsDocument, type ChatFieldsFragment } from '../../../generated/graphql';
import { PriorityBadge } from '../../tickets/components/TicketBadges';
import { useChatAlerts } from '../hooks/useChatAlerts';
import { ChatPanel } from './ChatPanel';

/** The live-chat inbox next to the board: waiting and active chats, live, and the selected conversation. */
export function ChatInboxPage() {
  const { t } = useI18n();
  const viewer = useViewer();
  const { data, error, refetch } = useQuery(ChatsDocument, { fetchPolicy: 'cache-and-network' });
  const [selected, setSelected] = useState<string | null>(null);
  useSubscription(ChatInboxEventsDocument, {
    onData: ({ data: event }) => {
      if (event.data?.ticketEvents.ticket.channel === 'CHAT') void refetch();
    },
  });
  const chats = data?.chats;
  const describe = useCallback((c: ChatFieldsFragment) => t('chat.newChat', { topic: c.topic }), [t]);
  const alerts = useChatAlerts(chats, viewer.userId, describe);
  const current = chats?.find((c) => c.id === selected) ?? null;

  const section = (state: 'WAITING' | 'ACTIVE', label: string) => {
    const list = (chats ?? []).filter((c) => c.state === state);
    return (
      <Stack gap={6} data-testid={`chat-list-${state.toLowerCase()}`}>
        <Group gap="xs">
          <Title order={3} size="h5">
            {label}
          </Title>
          <Badge variant="light" color={state === 'WAITING' ? 'orange.9' : 'blue.9'}>
            {list.length}
          </Badge>
        </Group>
        {list.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('chat.none')}
          </Text>
        )}
        {list.map((c) => (
          <UnstyledButton key={c.id} onClick={() => setSelected(c.id)} aria-pressed={c.id === selected} data-testid="chat-item">
            <Card withBorder padding="xs" bg={c.id === selected ? 'indigo.0' : undefined}>
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600} size="sm" truncate>
                  {c.visitorName}
                </Text>
                <PriorityBadge priority={c.priority} />
              </Group>
              <Text size="sm" truncate>
                {c.topic}
              </Text>
              <Text size="xs" c="dimmed">
                {[c.department?.name, c.agent?.name].filter(Boolean).join(' · ') || `#${c.ticketNumber}`}
              </Text>
            </Card>
          </UnstyledButton>
        ))}
      </Stack>
    );
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('chat.title')}</Title>
        <Group gap="lg">
          <Switch checked={alerts.sound} onChange={(e) => alerts.toggleSound(e.currentTarget.checked)} label={t('chat.sound')} />
          <Switch checked={alerts.desktop} onChange={(e) => void alerts.toggleDesktop(e.currentTarget.checked)} label={t('chat.desktop')} />
        </Group>
      </Group>
      {error && <Alert color="red">{describeError(error, t)}</Alert>}
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            {section('WAITING', t('chat.waiting'))}
            {section('ACTIVE', t('chat.active'))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>{current ? <ChatPanel key={current.id} chat={current} /> : <Text c="dimmed">{t('chat.pick')}</Text>}</Grid.Col>
      </Grid>
    </Stack>
  );
}
