import { describe, expect, it } from 'vitest';
import { loginPathFor, safeNextPath } from './navigation';

describe('returning after sign-in', () => {
  it('remembers where the user was', () => {
    expect(loginPathFor({ pathname: '/tickets/1042', search: '?tab=activity' })).toBe('/login?next=%2Ftickets%2F1042%3Ftab%3Dactivity');
    expect(safeNextPath('?next=%2Ftickets%2F1042%3Ftab%3Dactivity')).toBe('/tickets/1042?tab=activity');
    expect(loginPathFor({ pathname: '/', search: '' })).toBe('/login');
  });

  it('never leaves the app', () => {
    for (const next of ['https://evil.example', '//evil.example', '/\\evil.example', '/login?next=/x', '']) {
      expect(safeNextPath(`?next=${encodeURIComponent(next)}`)).toBe('/');
    }
  });
});
