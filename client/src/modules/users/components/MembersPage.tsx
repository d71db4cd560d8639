import { useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Paper, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime } from '../../../app/format';
import { useDebounced } from '../../../app/hooks';
import { LoadState } from '../../../app/ui/LoadState';
import { useI18n } from '../../../app/i18n';
import { MembersDocument, type MembersQuery, type MembersQueryVariables } from '../../../generated/graphql';
import { SecretDialog } from '../../settings/components/SecretDialog';
import { InviteMemberModal, type Invited } from './InviteMemberModal';
import { MemberActions, MemberRoleSelect } from './MemberActions';

/** Admins: every member of the workspace with role, status and last sign-in; invite, change role, deactivate and reactivate. */
export function MembersPage() {
  const { t, locale } = useI18n();
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search.trim(), 250);
  const { data, loading, error, refetch, fetchMore } = useQuery<MembersQuery, MembersQueryVariables>(MembersDocument, {
    variables: { search: debounced || null },
    notifyOnNetworkStatusChange: true,
  });
  const [inviting, setInviting] = useState(false);
  // The temporary password of the member just invited: only in memory, only until its dialog closes.
  const [invited, setInvited] = useState<Invited | null>(null);
  const members = data?.users.edges.map((edge) => edge.node) ?? [];
  const pageInfo = data?.users.pageInfo;

  const loadMore = () =>
    void fetchMore({
      variables: { after: pageInfo?.endCursor },
      updateQuery: (previous, { fetchMoreResult }) =>
        fetchMoreResult ? { users: { ...fetchMoreResult.users, edges: [...previous.users.edges, ...fetchMoreResult.users.edges] } } : previous,
    });

  return (
    <Paper withBorder radius="md" p="md" data-testid="members-page">
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Title order={2} size="h4">
            {t('members.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={640}>
            {t('members.intro')}
          </Text>
        </div>
        <Button onClick={() => setInviting(true)} data-testid="invite-member">
          {t('members.invite')}
        </Button>
      </Group>
      <Group justify="space-between" align="flex-end" mb="sm">
        <TextInput
          label={t('members.search')}
          placeholder={t('members.searchPlaceholder')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', sm: 320 }}
          data-testid="member-search"
        />
        {data && (
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('members.count', { count: data.users.totalCount })}
          </Text>
        )}
      </Group>
      <LoadState loading={!data && loading} error={error} onRetry={() => void refetch()} empty={!!data && members.length === 0} emptyText={t('members.empty')}>
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" data-testid="member-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('members.name')}</Table.Th>
                <Table.Th>{t('members.role')}</Table.Th>
                <Table.Th>{t('members.status')}</Table.Th>
                <Table.Th>{t('members.lastSignIn')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.map((member) => (
                <Table.Tr key={member.id} data-testid="member-row" data-email={member.email} data-active={member.active}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {member.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {member.email}
                    </Text>
                  </Table.Td>
                  <Table.Td miw={150}>
                    <MemberRoleSelect member={member} />
                  </Table.Td>
                  <Table.Td>
                    <Badge color={member.active ? 'teal.9' : 'gray.7'} variant="outline" tt="none" data-testid="member-status">
                      {member.active ? t('members.active') : t('members.deactivated')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={member.lastSignInAt ? undefined : 'dimmed'}>
                      {member.lastSignInAt ? formatDateTime(member.lastSignInAt, locale) : t('members.never')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <MemberActions member={member} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </LoadState>
      {pageInfo?.hasNextPage && (
        <Group justify="center" mt="sm">
          <Button variant="light" loading={loading} onClick={loadMore}>
            {t('members.loadMore')}
          </Button>
        </Group>
      )}
      <InviteMemberModal
        opened={inviting}
        onClose={() => setInviting(false)}
        onInvited={(result) => {
          setInviting(false);
          void refetch();
          if (result.temporaryPassword) setInvited(result);
        }}
      />
      <SecretDialog
        secret={invited?.temporaryPassword ?? null}
        title={t('members.passwordTitle')}
        description={t('members.passwordHint', { email: invited?.email ?? '' })}
        onClose={() => setInvited(null)}
      />
    </Paper>
  );
}
