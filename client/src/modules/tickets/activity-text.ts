import type { MessageKey, Translate } from '../../app/i18n';
import type { TicketActivitiesQuery } from '../../generated/graphql';

export type Activity = TicketActivitiesQuery['ticket']['activities']['edges'][number]['node'];

const KNOWN_TYPES = new Set([
  'TICKET_CREATED',
  'TICKET_UPDATED',
  'TICKET_ASSIGNED',
  'TICKET_CLAIMED',
  'STATUS_CHANGED',
  'MESSAGE_POSTED',
  'TAG_ADDED',
  'TAG_REMOVED',
  'TICKET_DELETED',
  'SLA_AT_RISK',
  'SLA_ESCALATED',
  'MACRO_APPLIED',
  'CHAT_ASSIGNED',
]);
const ENUM_FIELDS: Record<string, string> = { status: 'status', priority: 'priority', category: 'category', routingReason: 'chatReason' };
const FIELD_NAMES = new Set(['title', 'description', 'status', 'priority', 'category', 'tags', 'routingReason']);
/** Derived SLA state a policy, calendar or status change recomputed: told in one phrase, not as timestamps. */
const SLA_FIELDS = new Set(['firstResponseDueAt', 'resolutionDueAt', 'slaPaused']);

/**
 * A timeline entry in the UI language, from the activity's type and field changes (the API's
 * `summary` is English). People are named by `nameOf`; ids nobody can name are left out.
 */
export function activityText(activity: Activity, t: Translate, nameOf: (userId: string) => string | undefined): string {
  if (!KNOWN_TYPES.has(activity.type)) return activity.summary;
  const internal = activity.type === 'MESSAGE_POSTED' && activity.summary.includes('(internal note)');
  const what =
    activity.type === 'MACRO_APPLIED'
      ? t('activity.MACRO_APPLIED', { name: activity.macro ?? '' })
      : t(internal ? 'activity.INTERNAL_NOTE' : (`activity.${activity.type}` as MessageKey));
  const value = (field: string, raw: string | null) => {
    if (raw === null || raw === '') return '—';
    const kind = ENUM_FIELDS[field];
    if (kind) return t(`${kind}.${raw}` as MessageKey);
    if (field === 'assigneeId' || field === 'assignee') return nameOf(raw) ?? null;
    return raw;
  };
  const details = activity.changes.flatMap((change) => {
    const field = change.field === 'assigneeId' ? 'assignee' : change.field;
    if (SLA_FIELDS.has(field)) return [];
    const from = value(change.field, change.from);
    const to = value(change.field, change.to);
    if (field === 'assignee') {
      if (to === null) return [];
      return [change.to ? t('activity.assignedTo', { name: to }) : t('activity.unassigned')];
    }
    if (field === 'escalationLevel') return [t('activity.escalationLevel', { level: change.to ?? '0' })];
    if (from === null || to === null) return [];
    const label = FIELD_NAMES.has(field) ? t(`activity.field.${field}` as MessageKey) : field;
    // Long texts are not repeated in the timeline: saying which field changed is enough.
    if (field === 'description' || field === 'title') return [t('activity.changedField', { field: label })];
    if (change.from === null || change.from === '') return [t('activity.setField', { field: label, to })];
    return [t('activity.changeFromTo', { field: label, from, to })];
  });
  if (activity.changes.some((c) => SLA_FIELDS.has(c.field))) details.push(t('activity.slaRecomputed'));
  if (activity.tag) details.push(activity.tag);
  if (details.length === 0) return what;
  // "changed the status from Open to In progress", "updated the ticket: priority from High to Medium".
  const only = activity.changes.length === 1 ? activity.changes[0]! : null;
  if (activity.type === 'STATUS_CHANGED' && only?.field === 'status' && only.from && only.to) {
    return t('activity.statusFromTo', { from: value('status', only.from) ?? only.from, to: value('status', only.to) ?? only.to });
  }
  return `${what}: ${details.join('; ')}`;
}
