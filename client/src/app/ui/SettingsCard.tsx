import { Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { LoadState } from './LoadState';

interface SettingsCardProps {
  title: ReactNode;
  intro?: ReactNode;
  /** A button on the right of the header (e.g. "New API key"). */
  action?: ReactNode;
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
  'data-testid'?: string;
  children?: ReactNode;
}

/**
 * The frame of a settings area: a title with an intro and an action, then its content, with
 * one way to show loading (skeletons), a failed load (message and retry) and an empty list.
 */
export function SettingsCard({ title, intro, action, loading = false, skeletonRows = 2, error, onRetry, empty = false, emptyText, children, ...rest }: SettingsCardProps) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={rest['data-testid']}>
      <Group justify="space-between" align="flex-start" mb="sm" gap="sm">
        <div style={{ minWidth: 0, flex: '1 1 240px' }}>
          <Title order={2} size="h4">
            {title}
          </Title>
          {intro && (
            <Text size="sm" c="dimmed" maw={640}>
              {intro}
            </Text>
          )}
        </div>
        {action}
      </Group>
      <LoadState loading={loading} skeletonRows={skeletonRows} error={error} onRetry={onRetry} empty={empty} emptyText={emptyText}>
        {children}
      </LoadState>
    </Paper>
  );
}
