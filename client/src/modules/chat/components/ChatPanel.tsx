import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { Alert, Anchor, Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { describeError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useViewer } from '../../../app/viewer';
import { AcceptChatDocument, ChatTransferTargetsDocument, CloseChatDocument, MarkChatSeenDocument, MessageAddedDocument, TransferChatDocument, type ChatFieldsFragment } from '../../../generated/graphql';
import { ReplyBox } from '../../conversation/components/ReplyBox';
import { Thread } from '../../conversation/components/Thread';

/** One chat: visitor details, accept / transfer / close, and the conversation with typing. */
export function ChatPanel({ chat }: { chat: ChatFieldsFragment }) {
  const { t } = useI18n();
  const viewer = useViewer();
  const [accept, accepting] = useMutation(AcceptChatDocument);
  const [close, closing] = useMutation(CloseChatDocument);
  const [transfer, transferring] = useMutation(TransferChatDocument);
  const targets = useQuery(ChatTransferTargetsDocument);
  const [target, setTarget] = useState<string | null>(null);
  const [seen] = useMutation(MarkChatSeenDocument);
  // Open on screen: the visitor's messages count as read (their read receipt).
  useEffect(() => void seen({ variables: { id: chat.id } }).catch(() => undefined), [chat.id, seen]);
  useSubscription(MessageAddedDocument, {
    variables: { ticketId: chat.ticketId },
    onData: () => void seen({ variables: { id: chat.id } }).catch(() => undefined),
  });
  const failure = accepting.error ?? closing.error ?? transferring.error;
  const options = [
    ...(targets.data?.chatAgents ?? []).filter((a) => a.user.id !== chat.agent?.id).map((a) => ({ value: `agent:${a.user.id}`, label: t('chat.agentOption', { name: `${a.user.name} (${a.activeChats}/${a.capacity})` }) })),
    ...(targets.data?.departments ?? []).map((d) => ({ value: `dept:${d.id}`, label: t('chat.departmentOption', { name: d.name }) })),
  ];
  const doTransfer = async () => {
    if (!target) return;
    const [kind, id] = target.split(':');
    await transfer({ variables: { input: { chatId: chat.id, ...(kind === 'agent' ? { agentId: id } : { departmentId: id }) } } }).catch(() => undefined);
    setTarget(null);
  };
  const rows: Array<[string, string | null | undefined]> = [
    [t('chat.visitor'), chat.visitorName],
    [t('chat.email'), chat.visitorEmail],
    [t('chat.company'), chat.company],
    [t('chat.topic'), chat.topic],
    [t('chat.department'), chat.department?.name],
    [t('chat.agent'), chat.agent?.name],
    [t('chat.page'), chat.pageUrl],
    [t('chat.ip'), chat.ip],
    [t('chat.browser'), chat.userAgent],
    [t('chat.rating'), chat.rating ? `${chat.rating}/5${chat.ratingComment ? ` · ${chat.ratingComment}` : ''}` : null],
  ];
  const live = chat.state === 'WAITING' || chat.state === 'ACTIVE' || chat.state === 'OFFLINE';

  return (
    <Stack gap="md" data-testid="chat-panel">
      <Card withBorder>
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={3} size="h4">
              {chat.topic}
            </Title>
            <Anchor component={Link} to={`/tickets/${chat.ticketNumber}`} size="sm">
              {t('chat.openTicket', { number: chat.ticketNumber })}
            </Anchor>
            <Text size="sm">{t(`chat.state.${chat.state}`)}</Text>
          </Stack>
          <Group gap="xs">
            {chat.state !== 'ACTIVE' && live && (
              <Button onClick={() => void accept({ variables: { id: chat.id } }).catch(() => undefined)} loading={accepting.loading} data-testid="chat-accept">
                {t('chat.accept')}
              </Button>
            )}
            {live && (
              <Button variant="outline" color="red.9" onClick={() => void close({ variables: { id: chat.id } }).catch(() => undefined)} loading={closing.loading} data-testid="chat-close">
                {t('chat.close')}
              </Button>
            )}
          </Group>
        </Group>
        {live && viewer.isStaff && (
          <Group mt="sm" align="flex-end">
            <Select label={t('chat.transferTo')} data={options} value={target} onChange={setTarget} searchable style={{ flex: 1 }} />
            <Button variant="default" onClick={() => void doTransfer()} disabled={!target} loading={transferring.loading}>
              {t('chat.transfer')}
            </Button>
          </Group>
        )}
        {failure && (
          <Alert color="red" mt="sm">
            {describeError(failure, t)}
          </Alert>
        )}
        <Table mt="sm" withRowBorders={false} verticalSpacing={2}>
          <Table.Tbody>
            {rows
              .filter(([, v]) => !!v)
              .map(([k, v]) => (
                <Table.Tr key={k}>
                  <Table.Th w={140}>{k}</Table.Th>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{v}</Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Thread ticketId={chat.ticketId} />
      {chat.state !== 'CLOSED' && <ReplyBox ticketId={chat.ticketId} />}
    </Stack>
  );
}
