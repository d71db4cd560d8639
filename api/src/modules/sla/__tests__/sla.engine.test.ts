import { describe, expect, it } from 'vitest';
import { Ticket } from '../../ticket/ticket.entity.js';
import { TicketCategory, TicketPriority, TicketStatus } from '../../ticket/ticket.enums.js';
import type { BusinessCalendar } from '../sla.clock.js';
import { applyPolicy, clockView, newlyAtRisk, onStatusChange, SlaState, targetLevel } from '../sla.engine.js';
import type { SlaPolicy } from '../sla.entity.js';

const at = (iso: string) => new Date(iso);
const plusMin = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);
const weekdays9to17: BusinessCalendar = { timezone: 'UTC', hours: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '17:00' })), holidays: [] };
const policy = (fr: number, res: number, businessHours: boolean) =>
  ({ id: `p-${fr}-${res}`, firstResponseMinutes: fr, resolutionMinutes: res, businessHours }) as SlaPolicy;

function ticket(createdAt: Date): Ticket {
  return Object.assign(new Ticket(), {
    createdAt,
    status: TicketStatus.OPEN,
    priority: TicketPriority.MEDIUM,
    category: TicketCategory.TECHNICAL,
    escalationLevel: 0,
    slaPausedMinutes: 0,
    slaNotified: 0,
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
  });
}

describe('SLA engine with a fake clock', () => {
  const created = at('2026-11-23T09:00:00Z'); // a Monday

  it('reports on track, at risk at 80 %, then breached, in business time', () => {
    const t = ticket(created);
    applyPolicy(t, policy(60, 480, true), weekdays9to17, created);
    expect(clockView(t, 'FIRST_RESPONSE', weekdays9to17, plusMin(created, 30))!.state).toBe(SlaState.ON_TRACK);
    expect(clockView(t, 'FIRST_RESPONSE', weekdays9to17, plusMin(created, 50))!.state).toBe(SlaState.AT_RISK);
    expect(newlyAtRisk(t, plusMin(created, 50))).toEqual(['FIRST_RESPONSE']);
    expect(clockView(t, 'FIRST_RESPONSE', weekdays9to17, plusMin(created, 61))!.state).toBe(SlaState.BREACHED);
    expect(targetLevel(t, weekdays9to17, plusMin(created, 61))).toBe(1);
    // 480 business minutes = all of Monday; one more full period (all of Tuesday) → level 3 at Tuesday 17:00.
    expect(t.resolutionDueAt!.toISOString()).toBe('2026-11-23T17:00:00.000Z');
    expect(targetLevel(t, weekdays9to17, at('2026-11-24T17:00:00Z'))).toBe(3);
  });

  it('pauses the resolution clock while resolved and resumes it with the paused time added', () => {
    const t = ticket(created);
    applyPolicy(t, policy(30, 240, false), null, created);
    expect(t.resolutionDueAt!.toISOString()).toBe('2026-11-23T13:00:00.000Z');
    const resolvedAt = plusMin(created, 100);
    t.status = TicketStatus.RESOLVED;
    t.resolvedAt = resolvedAt;
    onStatusChange(t, null, resolvedAt);
    const paused = clockView(t, 'RESOLUTION', null, plusMin(created, 500))!;
    expect(paused.state).toBe(SlaState.PAUSED);
    expect(paused.remainingMinutes).toBe(140);
    expect(targetLevel(t, null, plusMin(created, 500))).toBe(0);

    const reopenedAt = plusMin(created, 160); // paused for 60 minutes
    t.status = TicketStatus.IN_PROGRESS;
    onStatusChange(t, null, reopenedAt);
    expect(t.resolutionDueAt!.toISOString()).toBe('2026-11-23T14:00:00.000Z');
    expect(clockView(t, 'RESOLUTION', null, reopenedAt)!.remainingMinutes).toBe(140);
  });

  it('pauses the resolution clock while in a status that pauses the SLA, and resumes it after', () => {
    const t = ticket(created);
    applyPolicy(t, policy(30, 240, false), null, created);
    t.status = TicketStatus.IN_PROGRESS;
    t.firstResponseAt = plusMin(created, 10);
    t.statusPausesSla = true;
    onStatusChange(t, null, plusMin(created, 40));
    const paused = clockView(t, 'RESOLUTION', null, plusMin(created, 400))!;
    expect(paused.state).toBe(SlaState.PAUSED);
    expect(paused.remainingMinutes).toBe(200);
    expect(targetLevel(t, null, plusMin(created, 400))).toBe(0);
    t.statusPausesSla = false;
    onStatusChange(t, null, plusMin(created, 100)); // paused for 60 minutes
    expect(t.slaPausedAt).toBeNull();
    expect(t.resolutionDueAt!.toISOString()).toBe('2026-11-23T14:00:00.000Z');
  });

  it('recomputes due times from creation when the policy changes', () => {
    const t = ticket(created);
    applyPolicy(t, policy(60, 240, false), null, created);
    applyPolicy(t, policy(15, 120, false), null, plusMin(created, 5));
    expect(t.firstResponseDueAt!.toISOString()).toBe('2026-11-23T09:15:00.000Z');
    expect(t.resolutionDueAt!.toISOString()).toBe('2026-11-23T11:00:00.000Z');
    applyPolicy(t, null, null, plusMin(created, 6));
    expect(t.firstResponseDueAt).toBeNull();
    expect(clockView(t, 'RESOLUTION', null, plusMin(created, 6))).toBeNull();
  });

  it('marks the first response met once answered in time', () => {
    const t = ticket(created);
    applyPolicy(t, policy(60, 240, false), null, created);
    t.firstResponseAt = plusMin(created, 20);
    expect(clockView(t, 'FIRST_RESPONSE', null, plusMin(created, 90))!.state).toBe(SlaState.MET);
    expect(targetLevel(t, null, plusMin(created, 90))).toBe(0);
  });
});
