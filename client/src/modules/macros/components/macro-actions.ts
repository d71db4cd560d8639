import type { Translate } from '../../../app/i18n';
import { MacroActionType, TicketCategory, TicketPriority, TicketStatus, type MacroActionInput, type MacroFieldsFragment } from '../../../generated/graphql';

/** One row of the macro editor: an action type and the value it needs, as a string. */
export interface ActionRow {
  type: MacroActionType;
  value: string | null;
}

export const QUEUE = '__queue';

type StoredAction = MacroFieldsFragment['actions'][number];

export function rowOf(a: StoredAction): ActionRow {
  const value = a.statusKey ?? a.status ?? a.priority ?? a.category ?? a.tag ?? a.cannedResponseId ?? (a.type === MacroActionType.SetAssignee ? (a.assigneeId ?? QUEUE) : null);
  return { type: a.type, value };
}

export function inputOf(row: ActionRow): MacroActionInput {
  const v = row.value ?? undefined;
  switch (row.type) {
    case MacroActionType.SetStatus:
      // A category's own key is the category; any other key is a status of the workspace.
      return v && !(STATUS_VALUES as string[]).includes(v) ? { type: row.type, statusKey: v } : { type: row.type, status: v as TicketStatus | undefined };
    case MacroActionType.SetPriority:
      return { type: row.type, priority: v as TicketPriority | undefined };
    case MacroActionType.SetCategory:
      return { type: row.type, category: v as TicketCategory | undefined };
    case MacroActionType.SetAssignee:
      return { type: row.type, assigneeId: v && v !== QUEUE ? v : undefined };
    case MacroActionType.AddTag:
    case MacroActionType.RemoveTag:
      return { type: row.type, tag: v?.trim().toLowerCase() };
    default:
      return { type: row.type, cannedResponseId: v };
  }
}

/** "Set status: Resolved", "Post reply: Greeting". */
export function describeAction(a: StoredAction, t: Translate, names: { agent: (id: string) => string | undefined; canned: (id: string) => string | undefined; status?: (key: string) => string | undefined }): string {
  const label = t(`macros.type.${a.type}`);
  const value =
    (a.statusKey && (names.status?.(a.statusKey) ?? a.statusKey)) ||
    (a.status && t(`status.${a.status}`)) ||
    (a.priority && t(`priority.${a.priority}`)) ||
    (a.category && t(`category.${a.category}`)) ||
    a.tag ||
    (a.cannedResponseId && (names.canned(a.cannedResponseId) ?? '…')) ||
    (a.type === MacroActionType.SetAssignee ? (a.assigneeId ? (names.agent(a.assigneeId) ?? '…') : t('macros.queue')) : '');
  return value ? `${label}: ${value}` : label;
}

export const STATUS_VALUES = Object.values(TicketStatus);
export const PRIORITY_VALUES = Object.values(TicketPriority);
export const CATEGORY_VALUES = Object.values(TicketCategory);
