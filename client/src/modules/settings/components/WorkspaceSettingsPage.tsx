import { useMutation, useQuery } from '@apollo/client/react';
import { Stack, Switch } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { describeError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { SettingsCard } from '../../../app/ui/SettingsCard';
import { TagField } from '../../../app/ui/TagField';
import { WorkspaceProfileForm } from './WorkspaceProfileForm';
import {
  PresetTagsDocument,
  UpdateWorkspaceSettingsDocument,
  WorkspaceSettingsDocument,
  type UpdateWorkspaceSettingsInput,
} from '../../../generated/graphql';

/** Admins: settings of the whole workspace (profile, customers seeing priority, the preset tags). */
export function WorkspaceSettingsPage() {
  const { t } = useI18n();
  const { data, loading, error, refetch } = useQuery(WorkspaceSettingsDocument);
  const [save, saving] = useMutation(UpdateWorkspaceSettingsDocument, {
    update: (cache, { data: saved }) => {
      if (!saved) return;
      cache.writeQuery({ query: WorkspaceSettingsDocument, data: { workspaceSettings: saved.updateWorkspaceSettings } });
      cache.writeQuery({ query: PresetTagsDocument, data: { presetTags: saved.updateWorkspaceSettings.presetTags } });
      cache.modify({ fields: { boardColumnsPerStatus: () => saved.updateWorkspaceSettings.boardColumnsPerStatus } });
    },
  });
  const settings = data?.workspaceSettings;
  const apply = async (input: UpdateWorkspaceSettingsInput) => {
    try {
      await save({ variables: { input } });
      notifications.show({ color: 'green', message: t('workspace.saved') });
    } catch (caught) {
      notifications.show({ color: 'red', message: describeError(caught, t) });
    }
  };

  return (
    <SettingsCard
      title={t('workspace.title')}
      intro={t('workspace.intro')}
      loading={!data && loading}
      error={error}
      onRetry={() => void refetch()}
      data-testid="workspace-settings"
    >
      {settings && (
        <Stack gap="md">
          <WorkspaceProfileForm settings={settings} />
          <Switch
            label={t('workspace.customersSeePriority')}
            description={t('workspace.customersSeePriorityHint')}
            checked={settings.customersSeePriority}
            disabled={saving.loading}
            data-testid="customers-see-priority"
            onChange={(event) => void apply({ customersSeePriority: event.currentTarget.checked })}
          />
          <Switch
            label={t('workspace.boardColumnsPerStatus')}
            description={t('workspace.boardColumnsPerStatusHint')}
            checked={settings.boardColumnsPerStatus}
            disabled={saving.loading}
            data-testid="board-columns-per-status"
            onChange={(event) => void apply({ boardColumnsPerStatus: event.currentTarget.checked })}
          />
          <div data-testid="preset-tags">
            <TagField
              label={t('workspace.presetTags')}
              description={t('workspace.presetTagsHint')}
              value={settings.presetTags}
              disabled={saving.loading}
              onChange={(presetTags) => void apply({ presetTags })}
            />
          </div>
        </Stack>
      )}
    </SettingsCard>
  );
}
