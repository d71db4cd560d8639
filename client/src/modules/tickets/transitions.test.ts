import { describe, expect, it } from 'vitest';
import { allowedTargets, canTransition, STATUSES } from './transitions';

describe('status moves per role', () => {
  it('follows the workflow for agents: no closing of unresolved tickets', () => {
    expect(allowedTargets('AGENT', 'OPEN')).toEqual(['IN_PROGRESS']);
    expect(allowedTargets('AGENT', 'IN_PROGRESS')).toEqual(['RESOLVED']);
    expect(allowedTargets('AGENT', 'RESOLVED')).toEqual(['IN_PROGRESS', 'CLOSED']);
    expect(allowedTargets('AGENT', 'CLOSED')).toEqual([]);
  });

  it('lets admins close from any state that is not closed', () => {
    expect(allowedTargets('ADMIN', 'OPEN')).toEqual(['IN_PROGRESS', 'CLOSED']);
    expect(allowedTargets('ADMIN', 'IN_PROGRESS')).toEqual(['RESOLVED', 'CLOSED']);
    expect(allowedTargets('ADMIN', 'RESOLVED')).toEqual(['IN_PROGRESS', 'CLOSED']);
  });

  it('lets customers only close their resolved tickets', () => {
    for (const from of STATUSES) {
      for (const to of STATUSES) {
        expect(canTransition('CUSTOMER', from, to), `${from} → ${to}`).toBe(from === 'RESOLVED' && to === 'CLOSED');
      }
    }
  });

  it('never allows going back to OPEN, staying put, or leaving CLOSED', () => {
    for (const role of ['ADMIN', 'AGENT', 'CUSTOMER'] as const) {
      for (const from of STATUSES) {
        expect(canTransition(role, from, 'OPEN')).toBe(false);
        expect(canTransition(role, from, from)).toBe(false);
        expect(canTransition(role, 'CLOSED', from)).toBe(false);
      }
    }
  });
});
