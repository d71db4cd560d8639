import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../app/i18n';
import { activityText, type Activity } from './activity-text';

const en = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);
const id = (key: MessageKey, params?: Record<string, string | number>) => translate('id', key, params);
const names = (userId: string) => ({ u1: 'Agent One' })[userId];

function activity(partial: Partial<Activity>): Activity {
  return { id: 'a1', seq: 1, type: 'TICKET_CREATED', createdAt: '2030-01-01T00:00:00Z', summary: '', tag: null, macro: null, changes: [], actor: null, ...partial };
}

describe('timeline texts', () => {
  it('names the macro and its changes in one entry', () => {
    const macro = activity({
      type: 'MACRO_APPLIED',
      macro: 'Billing escalation',
      changes: [
        { field: 'priority', from: 'MEDIUM', to: 'HIGH' },
        { field: 'tags', from: null, to: 'billing' },
      ],
    });
    expect(activityText(macro, en, names)).toBe('applied the macro "Billing escalation": priority from Medium to High; tags set to billing');
    expect(activityText(macro, id, names)).toMatch(/^menerapkan makro "Billing escalation": /);
  });

  it('says what happened in the UI language, with translated values', () => {
    const moved = activity({ type: 'STATUS_CHANGED', summary: 'changed status: status OPEN → IN_PROGRESS', changes: [{ field: 'status', from: 'OPEN', to: 'IN_PROGRESS' }] });
    expect(activityText(moved, en, names)).toBe('changed the status from Open to In progress');
    expect(activityText(moved, id, names)).toBe('mengubah status dari Terbuka menjadi Dikerjakan');
    const priority = activity({ type: 'TICKET_UPDATED', changes: [{ field: 'priority', from: 'HIGH', to: 'MEDIUM' }] });
    expect(activityText(priority, en, names)).toBe('updated the ticket: priority from High to Medium');
    const routed = activity({ type: 'CHAT_ASSIGNED', changes: [{ field: 'assigneeId', from: null, to: 'u1' }, { field: 'routingReason', from: null, to: 'LEAST_LOADED' }] });
    expect(activityText(routed, en, names)).toBe('chat routed: to Agent One; reason set to least loaded agent');
    expect(activityText(routed, id, names)).toContain('agen dengan beban paling sedikit');
    const escalated = activity({ type: 'SLA_ESCALATED', changes: [{ field: 'escalationLevel', from: '0', to: '1' }] });
    expect(activityText(escalated, en, names)).toBe('SLA breached, escalated: escalation level 1');
    expect(activityText(escalated, en, names)).not.toContain('→');
    const recomputed = activity({
      type: 'TICKET_UPDATED',
      changes: [
        { field: 'firstResponseDueAt', from: null, to: '2030-01-01T00:10:00.000Z' },
        { field: 'resolutionDueAt', from: null, to: '2030-01-01T01:00:00.000Z' },
      ],
    });
    expect(activityText(recomputed, en, names)).toBe('updated the ticket: SLA due times recomputed');
    expect(activityText(recomputed, id, names)).toBe('memperbarui tiket: batas waktu SLA dihitung ulang');
  });

  it('names assignees it knows, tags, and internal notes', () => {
    const assigned = activity({ type: 'TICKET_ASSIGNED', changes: [{ field: 'assigneeId', from: null, to: 'u1' }] });
    expect(activityText(assigned, en, names)).toBe('assigned the ticket: to Agent One');
    const unknown = activity({ type: 'TICKET_ASSIGNED', changes: [{ field: 'assigneeId', from: null, to: 'u9' }] });
    expect(activityText(unknown, en, names)).toBe('assigned the ticket');
    expect(activityText(activity({ type: 'TAG_ADDED', tag: 'vip' }), en, names)).toBe('added a tag: vip');
    expect(activityText(activity({ type: 'MESSAGE_POSTED', summary: 'posted a message: (internal note)' }), en, names)).toBe('added an internal note');
  });

  it("falls back to the server's summary for types it does not know", () => {
    expect(activityText(activity({ type: 'SOMETHING_NEW' as Activity['type'], summary: 'did something new' }), en, names)).toBe('did something new');
  });
});
