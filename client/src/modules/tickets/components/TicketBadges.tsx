import { Badge, Group, Text } from '@mantine/core';
import { useI18n } from '../../../app/i18n';
import type { TicketCategory, TicketPriority, TicketStatus } from '../../../generated/graphql';

export const STATUS_COLORS: Record<TicketStatus, string> = {
  OPEN: 'blue',
  IN_PROGRESS: 'violet',
  RESOLVED: 'teal',
  CLOSED: 'gray',
};

export const PRIORITY_COLORS: Record<TicketPriority, string> = {
  URGENT: 'grape',
  HIGH: 'red',
  MEDIUM: 'orange',
  LOW: 'gray',
};

export function StatusBadge({ status }: { status: TicketStatus }) {
  const { t } = useI18n();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" data-status={status} className="badge-fixed">
      {t(`status.${status}`)}
    </Badge>
  );
}

/** Nothing when the viewer may not see priority (customers, unless their workspace shows it). */
export function PriorityBadge({ priority }: { priority: TicketPriority | null | undefined }) {
  const { t } = useI18n();
  if (!priority) return null;
  return (
    <Badge color={priority === 'HIGH' || priority === 'URGENT' ? `${PRIORITY_COLORS[priority]}.9` : PRIORITY_COLORS[priority]} variant={priority === 'HIGH' || priority === 'URGENT' ? 'filled' : 'light'} size="sm" className="badge-fixed">
      {t(`priority.${priority}`)}
    </Badge>
  );
}

export function CategoryBadge({ category }: { category: TicketCategory }) {
  const { t } = useI18n();
  return (
    <Badge color="cyan" variant="outline" size="sm" className="badge-fixed">
      {t(`category.${category}`)}
    </Badge>
  );
}

export function TagList({ tags, emptyText }: { tags: readonly string[]; emptyText?: string }) {
  if (tags.length === 0) return emptyText ? <Text size="sm">{emptyText}</Text> : null;
  return (
    <Group gap={4}>
      {tags.map((tag) => (
        <Badge key={tag} color="gray" variant="dot" size="xs" tt="none" className="badge-fixed">
          {tag}
        </Badge>
      ))}
    </Group>
  );
}
