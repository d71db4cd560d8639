import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Paper, Skeleton, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { describeError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import {
  UpdateWorkspaceSettingsDocument,
  WorkspaceSettingsDocument,
  type UpdateWorkspaceSettingsMutation,
  type UpdateWorkspaceSettingsMutationVariables,
  type WorkspaceSettingsQuery,
} from '../../../generated/graphql';

/** Admins: settings of the whole workspace; today whether customers see their tickets' priority. */
export function WorkspaceSettingsPage() {
  const { t } = useI18n();
  const { data, loading, error, refetch } = useQuery<WorkspaceSettingsQuery>(WorkspaceSettingsDocument);
  const [save, saving] = useMutation<UpdateWorkspaceSettingsMutation, UpdateWorkspaceSettingsMutationVariables>(UpdateWorkspaceSettingsDocument, {
    update: (cache, { data: saved }) => {
      if (saved) cache.writeQuery({ query: WorkspaceSettingsDocument, data: { workspaceSettings: saved.updateWorkspaceSettings } });
    },
  });
  const settings = data?.workspaceSettings;

  return (
    <Paper withBorder radius="md" p="md" data-testid="workspace-settings">
      <Title order={2} size="h4">
        {t('workspace.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('workspace.intro')}
      </Text>
      {!data && loading && <Skeleton height={40} aria-label={t('app.loading')} />}
      {error && !loading && (
        <Alert color="red" role="alert">
          {describeError(error, t)}{' '}
          <Button size="compact-xs" variant="light" onClick={() => void refetch()}>
            {t('error.retry')}
          </Button>
        </Alert>
      )}
      {settings && (
        <Switch
          label={t('workspace.customersSeePriority')}
          description={t('workspace.customersSeePriorityHint')}
          checked={settings.customersSeePriority}
          disabled={saving.loading}
          data-testid="customers-see-priority"
          onChange={async (event) => {
            const customersSeePriority = event.currentTarget.checked;
            try {
              await save({ variables: { input: { customersSeePriority } } });
              notifications.show({ color: 'green', message: t('workspace.saved') });
            } catch (caught) {
              notifications.show({ color: 'red', message: describeError(caught, t) });
            }
          }}
        />
      )}
    </Paper>
  );
}
