import { Button, Group, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';
import { useI18n } from '../../../app/i18n';

export interface FigureTable {
  columns: string[];
  rows: Array<Array<string | number>>;
}

/**
 * A report card: its title, the chart, and the same figures as a table: always there for
 * screen readers, shown on request for everyone else.
 */
export function ChartCard({ title, table, children, action, testId }: { title: string; table: FigureTable; children: ReactNode; action?: ReactNode; testId: string }) {
  const { t } = useI18n();
  const [shown, setShown] = useState(false);
  const id = useId();
  const figures = (
      <Table striped withTableBorder fz="sm" id={id}>
        <caption style={{ captionSide: 'top', textAlign: 'left' }}>{title}</caption>
        <Table.Thead>
          <Table.Tr>
            {table.columns.map((c) => (
              <Table.Th key={c} scope="col">
                {c}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((r, i) => (
            <Table.Tr key={i}>
              {r.map((v, j) => (j === 0 ? <Table.Th key={j} scope="row" fw={400}>{v}</Table.Th> : <Table.Td key={j}>{v}</Table.Td>))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
  );
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title} data-testid={testId}>
      <Group justify="space-between" mb="xs" gap="xs" align="flex-start">
        <Title order={2} size="h5">
          {title}
        </Title>
        <Group gap="xs" wrap="nowrap">
          {action}
          <Button size="compact-xs" variant="subtle" color="gray" c="dark.6" aria-expanded={shown} aria-controls={id} onClick={() => setShown((s) => !s)}>
            {shown ? t('reports.hideTable') : t('reports.showTable')}
          </Button>
        </Group>
      </Group>
      {table.rows.length === 0 ? <Text c="dimmed" size="sm">{t('reports.noData')}</Text> : children}
      {shown ? (
        // Scrolls with the keyboard too: the region is focusable.
        <div role="region" aria-label={title} tabIndex={0} style={{ maxHeight: 320, overflow: 'auto' }}>
          {figures}
        </div>
      ) : (
        <VisuallyHidden>{figures}</VisuallyHidden>
      )}
    </Paper>
  );
}
