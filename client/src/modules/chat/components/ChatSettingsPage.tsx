import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Code, Group, MultiSelect, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { describeError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { SettingsCard } from '../../../app/ui/SettingsCard';
import { ChatSettingsDocument, CreateDepartmentDocument, CreateWidgetKeyDocument, RevokeWidgetKeyDocument, SetChatCapacityDocument } from '../../../generated/graphql';

/** Settings → Live chat: departments and their agents, widget keys with their snippet, agent capacity. */
export function ChatSettingsPage() {
  const { t } = useI18n();
  const { data, loading, error, refetch } = useQuery(ChatSettingsDocument);
  const refetchQueries = [{ query: ChatSettingsDocument }];
  const [createDept, dept] = useMutation(CreateDepartmentDocument, { refetchQueries });
  const [createKey, key] = useMutation(CreateWidgetKeyDocument, { refetchQueries });
  const [revokeKey] = useMutation(RevokeWidgetKeyDocument, { refetchQueries });
  const [setCapacity] = useMutation(SetChatCapacityDocument, { refetchQueries });
  const [deptName, setDeptName] = useState('');
  const [deptMembers, setDeptMembers] = useState<string[]>([]);
  const [keyName, setKeyName] = useState('');
  const [origins, setOrigins] = useState('');
  const agents = data?.chatAgents ?? [];
  const origin = window.location.origin;

  const addDepartment = async (e: FormEvent) => {
    e.preventDefault();
    await createDept({ variables: { input: { name: deptName, memberIds: deptMembers } } }).catch(() => undefined);
    setDeptName('');
    setDeptMembers([]);
  };
  const addKey = async (e: FormEvent) => {
    e.preventDefault();
    const allowedOrigins = origins.split(/[\s,]+/).filter(Boolean);
    await createKey({ variables: { input: { name: keyName, allowedOrigins } } }).catch(() => undefined);
    setKeyName('');
    setOrigins('');
  };

  return (
    <Stack gap="md">
      <SettingsCard title={t('chatSettings.departments')} intro={t('chatSettings.departmentsIntro')} loading={loading && !data} error={error} onRetry={() => void refetch()} data-testid="chat-departments">
        <Table>
          <Table.Tbody>
            {(data?.departments ?? []).map((d) => (
              <Table.Tr key={d.id}>
                <Table.Th>{d.name}</Table.Th>
                <Table.Td>{d.members.map((m) => m.name).join(', ') || '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <form onSubmit={addDepartment}>
          <Group align="flex-end" mt="sm">
            <TextInput label={t('chatSettings.departmentName')} value={deptName} onChange={(e) => setDeptName(e.currentTarget.value)} required />
            <MultiSelect label={t('chatSettings.agents')} data={agents.map((a) => ({ value: a.user.id, label: a.user.name }))} value={deptMembers} onChange={setDeptMembers} style={{ flex: 1 }} />
            <Button type="submit" loading={dept.loading}>
              {t('chatSettings.addDepartment')}
            </Button>
          </Group>
          {dept.error && <Text c="red.9">{describeError(dept.error, t)}</Text>}
        </form>
      </SettingsCard>

      <SettingsCard title={t('chatSettings.keys')} intro={t('chatSettings.keysIntro')} data-testid="chat-widget-keys">
        <Stack gap="sm">
          {(data?.widgetKeys ?? []).map((k) => (
            <Stack key={k.id} gap={4}>
              <Group justify="space-between">
                <Text fw={600}>{k.name}</Text>
                <Button size="compact-sm" variant="outline" color="red.9" onClick={() => void revokeKey({ variables: { id: k.id } })}>
                  {t('chatSettings.revoke')}
                </Button>
              </Group>
              <Text size="sm">{t('chatSettings.origins', { origins: k.allowedOrigins.join(', ') })}</Text>
              {/* The snippet scrolls sideways on narrow screens: focusable, so the keyboard can scroll it too. */}
              <Code block tabIndex={0} role="region" aria-label={t('chatSettings.snippet', { name: k.name })}>{`<script src="${origin}/widget.js" data-key="${k.key}" async></script>`}</Code>
              {k.identitySecret && (
                <Text size="xs" c="dimmed">
                  {/* 64 hex digits with no break opportunity: they wrap anywhere on narrow screens. */}
                  {t('chatSettings.secret')} <Code style={{ wordBreak: 'break-all' }}>{k.identitySecret}</Code>
                </Text>
              )}
            </Stack>
          ))}
        </Stack>
        <form onSubmit={addKey}>
          <Group align="flex-end" mt="sm">
            <TextInput label={t('chatSettings.keyName')} value={keyName} onChange={(e) => setKeyName(e.currentTarget.value)} required />
            <TextInput label={t('chatSettings.allowedOrigins')} placeholder="https://shop.example" value={origins} onChange={(e) => setOrigins(e.currentTarget.value)} required style={{ flex: 1 }} />
            <Button type="submit" loading={key.loading}>
              {t('chatSettings.addKey')}
            </Button>
          </Group>
          {key.error && <Text c="red.9">{describeError(key.error, t)}</Text>}
        </form>
      </SettingsCard>

      <SettingsCard title={t('chatSettings.capacity')} intro={t('chatSettings.capacityIntro')}>
        <Table>
          <Table.Tbody>
            {agents.map((a) => (
              <Table.Tr key={a.user.id}>
                <Table.Th>{a.user.name}</Table.Th>
                <Table.Td>{t('chatSettings.active', { count: a.activeChats })}</Table.Td>
                <Table.Td w={140}>
                  <NumberInput
                    aria-label={t('chatSettings.capacityOf', { name: a.user.name })}
                    min={0}
                    max={50}
                    value={a.capacity}
                    onBlur={(e) => {
                      const capacity = Number(e.currentTarget.value);
                      if (Number.isInteger(capacity) && capacity !== a.capacity) void setCapacity({ variables: { input: { userId: a.user.id, capacity } } });
                    }}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </SettingsCard>
    </Stack>
  );
}
