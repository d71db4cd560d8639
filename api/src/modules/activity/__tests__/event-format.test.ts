import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { decodeCursor } from '../../../platform/graphql/pagination.js';
import { Ticket } from '../../ticket/ticket.entity.js';
import { TicketCategory, TicketChannel, TicketPriority, TicketStatus } from '../../ticket/ticket.enums.js';
import { TicketEventType } from '../../ticket/ticket.events.js';
import { TicketEvent } from '../ticket-event.entity.js';
import { EVENT_FORMAT_VERSION, ticketFromSnapshot, ticketSnapshot, toPublicEvent, type TicketSnapshot } from '../ticket-event.format.js';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 21, 9, minute, 0, 123));
const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A ticket with every public field set to a value different from its default. */
function fullTicket(): Ticket {
  return Object.assign(new Ticket(), {
    id: '0193a4c2-0000-7000-8000-000000000001',
    tenantId: 'tenant-a',
    number: 1042,
    title: 'Printer on fire',
    description: 'Smoke everywhere',
    status: TicketStatus.RESOLVED,
    statusKey: 'confirmed-by-phone',
    priority: TicketPriority.HIGH,
    priorityRank: 3,
    category: TicketCategory.TECHNICAL,
    channel: TicketChannel.API,
    customerId: 'customer-1',
    assigneeId: 'agent-1',
    escalationLevel: 2,
    tags: ['fire', 'hardware'],
    version: 7,
    createdAt: at(0),
    updatedAt: at(30),
    firstResponseAt: at(5),
    resolvedAt: at(29),
    closedAt: at(31),
    firstResponseDueAt: at(10),
    resolutionDueAt: at(60),
    slaPolicyId: 'policy-1',
    slaBusinessHours: true,
    slaFirstResponseMinutes: 10,
    slaResolutionMinutes: 60,
    slaPausedAt: at(29),
    deletedAt: null,
  });
}

/** The partner contract: changing this list is a change to docs/partners.md (and maybe EVENT_FORMAT_VERSION). */
const SNAPSHOT_FIELDS: Array<keyof TicketSnapshot> = [
  'id', 'number', 'title', 'description', 'status', 'statusKey', 'priority', 'category', 'channel', 'customerId', 'assigneeId',
  'escalationLevel', 'tags', 'version', 'createdAt', 'updatedAt', 'firstResponseAt', 'resolvedAt', 'closedAt',
  'firstResponseDueAt', 'resolutionDueAt', 'slaPolicyId', 'slaBusinessHours', 'slaFirstResponseMinutes',
  'slaResolutionMinutes', 'slaPausedAt', 'deleted',
];

describe('the public event format', () => {
  it('snapshots every public ticket field and restores each one after a JSON round trip', () => {
    const ticket = fullTicket();
    const snapshot = ticketSnapshot(ticket);
    expect(Object.keys(snapshot).sort()).toEqual([...SNAPSHOT_FIELDS].sort());
    for (const field of SNAPSHOT_FIELDS) expect(snapshot[field], field).not.toBeUndefined();

    const restored = ticketFromSnapshot(viaJson(snapshot), 'tenant-a');
    expect(restored).toBeInstanceOf(Ticket);
    expect(restored.tenantId).toBe('tenant-a');
    for (const field of SNAPSHOT_FIELDS.filter((f) => f !== 'deleted')) {
      expect(restored[field as keyof Ticket], field).toEqual(ticket[field as keyof Ticket]);
    }
    expect(restored.deletedAt).toBeNull();
    // And back again: the snapshot of the restored ticket is the same snapshot.
    expect(ticketSnapshot(restored)).toEqual(snapshot);
  });

  it('reads the category as the status key of events written before custom statuses', () => {
    const { statusKey: _key, ...older } = ticketSnapshot(fullTicket());
    expect(ticketFromSnapshot(viaJson(older), 'tenant-a').statusKey).toBe(TicketStatus.RESOLVED);
  });

  it('keeps the deletion through a round trip', () => {
    const ticket = Object.assign(fullTicket(), { deletedAt: at(40) });
    const snapshot = ticketSnapshot(ticket);
    expect(snapshot.deleted).toBe(true);
    expect(ticketSnapshot(ticketFromSnapshot(viaJson(snapshot), 'tenant-a')).deleted).toBe(true);
  });

  it('builds the versioned public event with every field, unchanged by a JSON round trip', () => {
    const ticket = fullTicket();
    const message = { id: 'message-1', body: 'Hello', internal: false, kind: 'TEXT', authorId: 'agent-1', createdAt: at(5).toISOString() };
    const event = Object.assign(new TicketEvent(), {
      id: 'event-1',
      tenantId: 'tenant-a',
      seq: 42,
      type: TicketEventType.MESSAGE_POSTED,
      ticketId: ticket.id,
      actorId: 'agent-1',
      internal: false,
      createdAt: at(5),
      payload: {
        changes: [{ field: 'status', from: 'OPEN', to: 'IN_PROGRESS' }],
        tag: 'fire',
        sla: 'RESOLUTION',
        messageId: message.id,
        message,
        ticket: ticketSnapshot(ticket),
      },
    });
    const sent = viaJson(toPublicEvent(event));
    expect(sent).toEqual({
      version: EVENT_FORMAT_VERSION,
      id: 'event-1',
      seq: 42,
      cursor: sent.cursor,
      type: 'MESSAGE_POSTED',
      ticketId: ticket.id,
      actorId: 'agent-1',
      internal: false,
      createdAt: at(5).toISOString(),
      data: {
        changes: [{ field: 'status', from: 'OPEN', to: 'IN_PROGRESS' }],
        tag: 'fire',
        sla: 'RESOLUTION',
        messageId: 'message-1',
        message,
        ticket: ticketSnapshot(ticket),
      },
    });
    expect(EVENT_FORMAT_VERSION).toBe(1);
    expect(decodeCursor(sent.cursor)).toEqual([42]);
    expect(toPublicEvent(event)).toEqual(sent);
  });

  it('fills absent parts with null or empty, never leaves them out', () => {
    const event = Object.assign(new TicketEvent(), {
      id: 'event-2', tenantId: 'tenant-a', seq: 1, type: TicketEventType.TICKET_CREATED, ticketId: 'x', actorId: null,
      internal: false, createdAt: at(0), payload: { ticket: ticketSnapshot(fullTicket()) },
    });
    expect(toPublicEvent(event).data).toMatchObject({ changes: [], tag: null, sla: null, messageId: null, message: null });
    expect(toPublicEvent(event).actorId).toBeNull();
  });
});
