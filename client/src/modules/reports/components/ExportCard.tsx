import { Alert, Anchor, Button, Group, Paper, Progress, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { useExport, type ExportRequest } from '../hooks/useExport';

/** Admins: export tickets, ticket metrics or agent stats of the range, with progress and cancel. */
export function ExportCard({ range }: { range: { from: string; to: string } }) {
  const { t } = useI18n();
  const [dataset, setDataset] = useState<ExportRequest['dataset']>('tickets');
  const [format, setFormat] = useState<ExportRequest['format']>('csv');
  const { state, start, cancel } = useExport();
  const running = state.phase === 'running';
  const percent = running && state.total > 0 ? Math.min(100, Math.round((state.rows / state.total) * 100)) : running ? 0 : 100;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="export-title" data-testid="export-card">
      <Title order={2} size="h5" id="export-title" mb="xs">
        {t('reports.export.title')}
      </Title>
      <Stack gap="sm">
        <Group align="flex-end" gap="sm">
          <Select
            label={t('reports.export.dataset')}
            data={[
              { value: 'tickets', label: t('reports.export.tickets') },
              { value: 'metrics', label: t('reports.export.metrics') },
              { value: 'agents', label: t('reports.export.agents') },
            ]}
            value={dataset}
            onChange={(v) => v && setDataset(v as ExportRequest['dataset'])}
            allowDeselect={false}
            w={200}
            data-testid="export-dataset"
          />
          <Select
            label={t('reports.export.format')}
            data={[
              { value: 'csv', label: 'CSV' },
              { value: 'ndjson', label: 'NDJSON' },
            ]}
            value={format}
            onChange={(v) => v && setFormat(v as ExportRequest['format'])}
            allowDeselect={false}
            w={140}
            data-testid="export-format"
          />
          {running ? (
            <Button variant="default" onClick={cancel} data-testid="export-cancel">
              {t('reports.export.cancel')}
            </Button>
          ) : (
            <Button onClick={() => void start({ dataset, format, ...range })} data-testid="export-start">
              {t('reports.export.start')}
            </Button>
          )}
        </Group>
        {state.phase !== 'idle' && state.phase !== 'failed' && state.phase !== 'cancelled' && (
          <Progress value={percent} aria-label={t('reports.export.progress')} data-testid="export-progress" animated={running} />
        )}
        <div aria-live="polite">
          {running && <Text size="sm">{t('reports.export.running', { rows: state.rows, total: state.total })}</Text>}
          {state.phase === 'done' && (
            <Text size="sm" data-testid="export-done">
              {t('reports.export.done', { rows: state.rows })}{' '}
              <Anchor href={state.url} download={state.filename} data-testid="export-download">
                {t('reports.export.download', { file: state.filename })}
              </Anchor>
            </Text>
          )}
          {state.phase === 'cancelled' && <Text size="sm">{t('reports.export.cancelled')}</Text>}
          {state.phase === 'failed' && <Alert color="red">{t('reports.export.failed')}</Alert>}
        </div>
      </Stack>
    </Paper>
  );
}
