import { Alert, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { describeError } from '../errors';
import { useI18n } from '../i18n';

export interface LoadStateProps {
  /** True while the first answer is awaited: skeleton rows instead of the content. */
  loading?: boolean;
  /** Skeleton rows while loading. */
  skeletonRows?: number;
  /** A failed load: shown with a retry button (the content stays when it is already there). */
  error?: unknown;
  onRetry?: () => void;
  /** The list is loaded and has nothing in it: `emptyText` instead of `children`. */
  empty?: boolean;
  emptyText?: ReactNode;
  children?: ReactNode;
}

/** The one way a loaded list shows loading (skeletons), a failed load (message and retry) and emptiness. */
export function LoadState({ loading = false, skeletonRows = 2, error, onRetry, empty = false, emptyText, children }: LoadStateProps) {
  const { t } = useI18n();
  return (
    <>
      {loading && (
        <Stack aria-busy="true" aria-label={t('app.loading')} data-testid="settings-card-loading">
          {Array.from({ length: skeletonRows }, (_, index) => (
            <Skeleton key={index} height={36} />
          ))}
        </Stack>
      )}
      {!!error && !loading && (
        <Alert color="red" role="alert" mb="sm">
          <Group gap="xs" justify="space-between">
            <Text size="sm">{describeError(error, t)}</Text>
            {onRetry && (
              <Button size="compact-xs" variant="light" onClick={onRetry}>
                {t('error.retry')}
              </Button>
            )}
          </Group>
        </Alert>
      )}
      {!loading && empty && (
        <Text c="dimmed" ta="center" py="lg" data-testid="settings-card-empty">
          {emptyText}
        </Text>
      )}
      {!loading && !empty && children}
    </>
  );
}
