import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { Badge, Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { describeError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { ConfirmButton } from '../../../app/ui/ConfirmButton';
import { useViewer } from '../../../app/viewer';
import { DeleteSavedViewDocument, SavedViewsDocument, SavedViewTicketChangesDocument } from '../../../generated/graphql';
import { isActiveView, paramsForView } from '../view-params';
import { SaveViewModal } from './SaveViewModal';

/** Counts are asked for again at most this often while tickets keep changing. */
const REFRESH_MS = 500;

/**
 * Saved views as tabs above the board and the list: choosing one applies its filters, each
 * shows its count, kept current from the tenant's ticket events (another agent's change too).
 * Shown only to those holding views.manage.
 */
export function SavedViewTabs() {
  return useViewer().can('views.manage') ? <SavedViewTabsInner /> : null;
}

function SavedViewTabsInner() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const { data, refetch } = useQuery(SavedViewsDocument);
  const [saving, setSaving] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useSubscription(SavedViewTicketChangesDocument, {
    onData: () => {
      if (timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        void refetch().catch(() => undefined);
      }, REFRESH_MS);
    },
  });
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const [remove, removing] = useMutation(DeleteSavedViewDocument);
  const views = data?.savedViews ?? [];
  const active = views.find((v) => isActiveView(params, v.filter));

  const onDelete = async () => {
    if (!active) return false;
    try {
      await remove({
        variables: { id: active.id },
        update: (cache) => {
          cache.evict({ id: cache.identify(active) });
          cache.gc();
        },
      });
      notifications.show({ color: 'green', message: t('views.deleted', { name: active.name }), closeButtonProps: { 'aria-label': t('productivity.dismiss') } });
      return true;
    } catch (error) {
      notifications.show({ color: 'red', message: describeError(error, t), closeButtonProps: { 'aria-label': t('productivity.dismiss') } });
      return false;
    }
  };

  return (
    <Group gap={6} wrap="wrap" component="nav" aria-label={t('views.title')} data-testid="saved-views">
      {views.map((view) => {
        const on = view.id === active?.id;
        return (
          <Button
            key={view.id}
            size="compact-sm"
            variant={on ? 'filled' : 'default'}
            aria-pressed={on}
            onClick={() => setParams((current) => paramsForView(current, view.filter), { replace: true })}
            rightSection={
              <Badge size="sm" variant={on ? 'white' : 'light'} color="indigo" data-testid="view-count">
                {view.count}
              </Badge>
            }
            data-testid="view-tab"
            data-view-name={view.name}
            data-count={view.count}
          >
            {view.name}
          </Button>
        );
      })}
      <Button size="compact-sm" variant="subtle" c="indigo.8" onClick={() => setSaving(true)} data-testid="save-view">
        {t('views.save')}
      </Button>
      {active?.viewerCanManage && (
        <ConfirmButton
          label={t('views.delete')}
          aria-label={t('views.deleteNamed', { name: active.name })}
          question={t('views.deleteConfirm', { name: active.name })}
          onConfirm={onDelete}
          loading={removing.loading}
        />
      )}
      <SaveViewModal opened={saving} onClose={() => setSaving(false)} />
    </Group>
  );
}
